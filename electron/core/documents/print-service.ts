// Preview, print, batches and the print log for every document (docs/PRINTING.md). The shells
// bring only a PrintEngine: Electron renders with printToPDF and prints through webContents, the
// harness renders with a headless Chromium and "prints" by saving the PDF. Everything else (what a
// request prints, the jobs kept for 打印, progress and cancel of a building's batch, the log) is here,
// once, so both shells behave alike.
import { PDFDocument } from 'pdf-lib';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { UserError } from '../errors';
import { readSettings } from '../system/settings';
import type { BatchStatusT, DocumentKindT, DocumentRequestT, PrinterPrefT } from '../../../shared/contract/documents';
import type { PageSize } from './html';
import type { DocPage, DocumentSource } from './model';
import { countPdfPages } from './pdf-pages';
import { PrintJobs } from './print-jobs';
import { allPages, renderHtml, renderWord, sourceFor } from './registry';
import { renderPagesHtml } from './html-render';
import { logPreview, logPrint, type PrintLogFacts } from './print-log';

export type PrintOutcome = { printed: boolean; message: string };

/** A document rendered and kept so 打印 sends the same pages. */
export interface EngineJob<H> {
  title: string;
  kind: DocumentKindT;
  pdfFileName: string;
  size: PageSize;
  pdf: Buffer;
  /** what rendered it (Electron: the hidden window), when the engine keeps one */
  handle: H | null;
  /** the whole document's HTML, for an engine that must load it again to print */
  html(): Promise<string>;
}

export interface PrintEngine<H = unknown> {
  /** HTML → PDF; with `keep`, the engine may hold what rendered it (returned as handle) for 打印 */
  render(html: string, size: PageSize, keep: boolean): Promise<{ pdf: Buffer; handle: H | null }>;
  /** prints a job: the system dialog, or silently to the printer set for its document type */
  print(job: EngineJob<H>, pref: PrinterPrefT | undefined): Promise<PrintOutcome>;
  dispose(handle: H): void;
  printers(): Promise<{ printers: Array<{ name: string; displayName: string; isDefault: boolean }>; note: string | null }>;
  /** a file the user keeps: a save dialog in Electron, the downloads folder in the harness */
  save(fileName: string, bytes: Buffer): Promise<{ saved: boolean; path: string | null }>;
  /** how many renders may run at once (a batch's chunks); 1 when left out */
  parallel?: number;
}

export type PrintChannel =
  | 'documents.print.preview'
  | 'documents.print.print'
  | 'documents.print.save'
  | 'documents.batch.start'
  | 'documents.batch.status'
  | 'documents.batch.cancel'
  | 'documents.batch.save'
  | 'documents.printers.list';
export type PrintHandlers = Pick<Handlers, PrintChannel>;

/** Pages per PDF chunk of a batch: progress moves every chunk and a cancel waits for one at most. */
const CHUNK_PAGES = 120;
const JOB_TTL_MS = 10 * 60_000;

/** Joins PDFs into one, in order (a batch is rendered in chunks). */
export async function mergePdfs(parts: Buffer[]): Promise<Buffer> {
  if (parts.length === 1) return parts[0];
  const out = await PDFDocument.create();
  for (const part of parts) {
    const doc = await PDFDocument.load(part);
    for (const p of await out.copyPages(doc, doc.getPageIndices())) out.addPage(p);
  }
  return Buffer.from(await out.save());
}

const factsOf = (src: DocumentSource): PrintLogFacts => ({
  kind: src.kind,
  title: src.title,
  audience: src.audience,
  houseId: src.houseId,
  refId: src.refId,
  fullNumbers: src.fullNumbers,
});

interface Batch<H> {
  status: BatchStatusT;
  cancelled: boolean;
  facts: PrintLogFacts;
  pdf: Buffer | null;
  word: Buffer | null;
  jobId: string | null;
  /** renders kept for 打印 */
  job: EngineJob<H> | null;
}

class Cancelled extends Error {}

/** The print channels for a shell, over its engine. */
export function printHandlers<H>(ctx: CoreContext, engine: PrintEngine<H>, opts: { maxJobs?: number } = {}): PrintHandlers & { close(): Promise<void> } {
  const jobs = new PrintJobs<EngineJob<H> & { facts: PrintLogFacts; pages: number }>({
    ttlMs: JOB_TTL_MS,
    max: opts.maxJobs ?? 8,
    dispose: (j) => j.handle !== null && engine.dispose(j.handle),
  });
  // a batch dropped (expired, or the shell closing) stops at its next step
  const batches = new PrintJobs<Batch<H>>({ ttlMs: 30 * 60_000, max: 8, dispose: (b) => (b.cancelled = true) });
  const running = new Set<Promise<void>>();

  async function runBatch(b: Batch<H>, req: DocumentRequestT): Promise<void> {
    const step = (phase: string, done: number, total: number) => {
      if (b.cancelled) throw new Cancelled();
      b.status = { ...b.status, phase, done, total };
    };
    const src = await sourceFor(ctx, req);
    b.facts = factsOf(src);
    b.status = { ...b.status, title: src.title };
    let pages: DocPage[] | null = null;
    const chunks: Buffer[] = [];
    let html: () => Promise<string>;
    if (src.own) {
      step('生成 PDF', 0, 1);
      const whole = await renderHtml(src);
      chunks.push((await engine.render(whole, src.pageSize, false)).pdf);
      html = async () => whole;
    } else {
      step('准备资料', 0, src.count);
      const all = await allPages(src, (done) => step('准备资料', done, src.count));
      pages = all;
      // chunks of whole units, about CHUNK_PAGES pages each
      const perUnit = Math.max(1, pages.length / Math.max(1, src.count));
      const unitsPerChunk = Math.max(1, Math.floor(CHUNK_PAGES / perUnit));
      const pagesPerChunk = Math.max(1, Math.round(unitsPerChunk * perUnit));
      step('生成 PDF', 0, all.length);
      const parts: DocPage[][] = [];
      for (let i = 0; i < all.length; i += pagesPerChunk) parts.push(all.slice(i, i + pagesPerChunk));
      // chunks render side by side when the engine can (two Chromium pages on two cores), in order in the PDF
      const rendered: Buffer[] = new Array<Buffer>(parts.length);
      let next = 0;
      let printed = 0;
      const worker = async () => {
        while (next < parts.length) {
          const i = next++;
          step('生成 PDF', printed, all.length);
          const chunkHtml = await renderPagesHtml(src.title, parts[i], src.letterhead, src.pageSize);
          rendered[i] = (await engine.render(chunkHtml, src.pageSize, false)).pdf;
          printed += parts[i].length;
          step('生成 PDF', printed, all.length);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(engine.parallel ?? 1, parts.length)) }, worker));
      chunks.push(...rendered);
      html = () => renderPagesHtml(src.title, all, src.letterhead, src.pageSize);
    }
    step('合并 PDF', 0, 1);
    const pdf = await mergePdfs(chunks);
    step('生成 Word', 0, 1);
    const word = await renderWord(src, pages ?? undefined);
    step('生成 Word', 1, 1);
    b.pdf = pdf;
    b.word = word;
    const pageCount = await countPdfPages(pdf);
    const job = {
      title: src.title,
      kind: src.kind,
      pdfFileName: `${src.fileBase}.pdf`,
      size: src.pageSize,
      pdf,
      handle: null,
      html,
      facts: b.facts,
      pages: pageCount,
    };
    b.job = job;
    b.jobId = jobs.add(job);
    b.status = {
      ...b.status,
      state: 'done',
      phase: '完成',
      message: `已生成 ${src.count} 份，共 ${pageCount} 页`,
      result: { jobId: b.jobId, pdfFileName: `${src.fileBase}.pdf`, wordFileName: `${src.fileBase}.docx`, pages: pageCount, units: src.count },
    };
  }

  const batchOf = (batchId: string): Batch<H> => {
    if (!batches.has(batchId)) throw new UserError('NOT_FOUND', '该批量任务已结束或已过期，请重新开始');
    return batches.take(batchId);
  };

  return {
    'documents.print.preview': async (req) => {
      const src = await sourceFor(ctx, req);
      const pages = src.own ? undefined : await allPages(src);
      const html = await renderHtml(src, pages);
      const { pdf, handle } = await engine.render(html, src.pageSize, true);
      const pageCount = await countPdfPages(pdf);
      // the preview shows the page on screen: full numbers on it are audited as a print is (docs/PRIVACY.md)
      await logPreview(ctx, factsOf(src));
      const jobId = jobs.add({
        title: src.title,
        kind: src.kind,
        pdfFileName: `${src.fileBase}.pdf`,
        size: src.pageSize,
        pdf,
        handle,
        html: async () => html,
        facts: factsOf(src),
        pages: pageCount,
      });
      return { jobId, fileName: `${src.fileBase}.pdf`, pdfBase64: pdf.toString('base64'), pages: pageCount, html };
    },

    'documents.print.print': async ({ jobId }) => {
      const job = jobs.take(jobId);
      const pref = (await readSettings(ctx)).printers[job.kind];
      const outcome = await engine.print(job, pref);
      if (outcome.printed) await logPrint(ctx, job.facts, 'print', job.pages);
      return outcome;
    },

    'documents.print.save': async ({ jobId }) => {
      const job = jobs.take(jobId);
      const saved = await engine.save(job.pdfFileName, job.pdf);
      if (saved.saved) await logPrint(ctx, job.facts, 'pdf', job.pages);
      return saved;
    },

    'documents.batch.start': async ({ request }) => {
      const b: Batch<H> = {
        status: { batchId: '', title: '', state: 'running', phase: '准备资料', done: 0, total: 0, message: null, result: null },
        cancelled: false,
        facts: { kind: request.document, title: '', audience: '', houseId: null, refId: null },
        pdf: null,
        word: null,
        jobId: null,
        job: null,
      };
      const batchId = batches.add(b);
      b.status.batchId = batchId;
      // runs in the background; the screen polls documents.batch.status
      const run = runBatch(b, request).catch((err: unknown) => {
        if (err instanceof Cancelled || b.cancelled) b.status = { ...b.status, state: 'cancelled', phase: '已取消', message: '已取消，没有生成文件' };
        else {
          const message = err instanceof UserError ? err.message : '生成失败，请重试；如再次失败请查看日志';
          if (!(err instanceof UserError)) console.error('[documents] 批量生成失败', err);
          b.status = { ...b.status, state: 'failed', phase: '失败', message };
        }
      });
      running.add(run);
      void run.finally(() => running.delete(run));
      return b.status;
    },

    'documents.batch.status': async ({ batchId }) => batchOf(batchId).status,

    'documents.batch.cancel': async ({ batchId }) => {
      const b = batchOf(batchId);
      if (b.status.state === 'running') {
        b.cancelled = true;
        b.status = { ...b.status, phase: '正在取消…' };
      }
      return b.status;
    },

    'documents.batch.save': async ({ batchId, format }) => {
      const b = batchOf(batchId);
      const bytes = format === 'pdf' ? b.pdf : b.word;
      if (b.status.state !== 'done' || !bytes || !b.status.result) throw new UserError('CONFLICT', '文件尚未生成完毕');
      const name = format === 'pdf' ? b.status.result.pdfFileName : b.status.result.wordFileName;
      const saved = await engine.save(name, bytes);
      if (saved.saved) await logPrint(ctx, b.facts, format, format === 'pdf' ? b.status.result.pages : null);
      return saved;
    },

    'documents.printers.list': () => engine.printers(),

    /** stops the batches and waits for them (the database closes next), then drops every kept job */
    close: async () => {
      batches.clear();
      await Promise.allSettled([...running]);
      jobs.clear();
    },
  };
}
