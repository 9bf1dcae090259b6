// Print jobs: what a preview rendered, kept for a few minutes so 打印 prints exactly those bytes
// (or, in Electron, the very window that rendered them) without rendering again. docs/PRINTING.md.
import { randomUUID } from 'node:crypto';
import { UserError } from '../errors';

interface PrintJobsOptions<T> {
  /** a job left untouched this long is dropped */
  ttlMs: number;
  /** at most this many jobs are kept; the least recently used goes first */
  max: number;
  /** frees what a job holds (Electron: its hidden window) */
  dispose?: (job: T) => void;
}

export const PRINT_JOB_EXPIRED = '打印内容已过期，请重新打开打印预览';

export class PrintJobs<T> {
  private readonly jobs = new Map<string, { job: T; timer: NodeJS.Timeout }>();

  constructor(private readonly opts: PrintJobsOptions<T>) {}

  get size(): number {
    return this.jobs.size;
  }

  add(job: T): string {
    const id = randomUUID();
    this.jobs.set(id, { job, timer: this.expireLater(id) });
    while (this.jobs.size > this.opts.max) this.drop(this.jobs.keys().next().value as string);
    return id;
  }

  /** The job, kept alive for another ttl; a Chinese refusal when it is gone. */
  take(id: string): T {
    const entry = this.jobs.get(id);
    if (!entry) throw new UserError('NOT_FOUND', PRINT_JOB_EXPIRED);
    clearTimeout(entry.timer);
    this.jobs.delete(id);
    this.jobs.set(id, { job: entry.job, timer: this.expireLater(id) });
    return entry.job;
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  clear(): void {
    for (const id of [...this.jobs.keys()]) this.drop(id);
  }

  private expireLater(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.drop(id), this.opts.ttlMs);
    // a kept job never holds a process open
    timer.unref?.();
    return timer;
  }

  private drop(id: string): void {
    const entry = this.jobs.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.jobs.delete(id);
    this.opts.dispose?.(entry.job);
  }
}
