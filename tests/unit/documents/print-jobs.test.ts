import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrintJobs, PRINT_JOB_EXPIRED } from '../../../electron/core/documents/print-jobs';
import { UserError } from '../../../electron/core/errors';

afterEach(() => {
  vi.useRealTimers();
});

describe('print jobs kept between preview and 打印', () => {
  it('hands back the job a preview made, and refuses an unknown one in Chinese', () => {
    const jobs = new PrintJobs<{ pdf: string }>({ ttlMs: 60_000, max: 4 });
    const id = jobs.add({ pdf: 'A' });
    expect(jobs.take(id)).toEqual({ pdf: 'A' });
    expect(jobs.take(id)).toEqual({ pdf: 'A' });
    let err: unknown;
    try {
      jobs.take('no-such-job');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: PRINT_JOB_EXPIRED });
    jobs.clear();
  });

  it('drops a job left alone for the ttl (freeing what it holds), but not one in use', () => {
    vi.useFakeTimers();
    const disposed: string[] = [];
    const jobs = new PrintJobs<string>({ ttlMs: 10_000, max: 4, dispose: (j) => disposed.push(j) });
    const a = jobs.add('a');
    const b = jobs.add('b');
    vi.advanceTimersByTime(6_000);
    jobs.take(b); // used: kept another 10 s
    vi.advanceTimersByTime(6_000);
    expect(jobs.has(a)).toBe(false);
    expect(jobs.has(b)).toBe(true);
    expect(disposed).toEqual(['a']);
    vi.advanceTimersByTime(10_000);
    expect(disposed).toEqual(['a', 'b']);
  });

  it('keeps at most max jobs, dropping the least recently used', () => {
    const disposed: string[] = [];
    const jobs = new PrintJobs<string>({ ttlMs: 60_000, max: 2, dispose: (j) => disposed.push(j) });
    const a = jobs.add('a');
    jobs.add('b');
    jobs.take(a);
    jobs.add('c');
    expect(disposed).toEqual(['b']);
    expect(jobs.size).toBe(2);
    jobs.clear();
    expect(disposed.sort()).toEqual(['a', 'b', 'c']);
  });
});
