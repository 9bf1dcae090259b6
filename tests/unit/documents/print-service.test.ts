// The print service over an engine that stands in for the shell's Chromium (docs/PRINTING.md): it
// makes a real PDF with one page per rendered page, marked with the render call's number, so the
// tests see what the service asked to render, in what order, what it merged, printed, saved and logged.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { printHandlers, type PrintEngine } from '../../../electron/core/documents/print-service';
import type { BatchStatusT, PrinterPrefT } from '../../../shared/contract/documents';
import { docCore, type DocCore } from './fixtures';

let core: DocCore | null = null;
afterEach(async () => {
  await core?.cleanup();
  core = null;
});

interface FakeEngine extends PrintEngine<number> {
  renders: string[];
  printed: Array<{ title: string; pref: PrinterPrefT | undefined }>;
  saved: Array<{ name: string; bytes: Buffer }>;
  disposed: number[];
  /** when set, every render waits for it (a slow Chromium) */
  gate: Promise<void> | null;
}

/** pages of a rendered HTML: one per `<div class="doc">` (html-render.ts), or one for a hand-fitted slip */
const pagesIn = (html: string) => Math.max(1, html.split('<div class="doc">').length - 1);

function fakeEngine(): FakeEngine {
  const e: FakeEngine = {
    renders: [],
    printed: [],
    saved: [],
    disposed: [],
    gate: null,
    async render(html, _size, keep) {
      const call = e.renders.push(html);
      if (e.gate) await e.gate;
      const doc = await PDFDocument.create();
      const font = await doc.embedFont(StandardFonts.Helvetica);
      const n = pagesIn(html);
      for (let i = 0; i < n; i++) doc.addPage([595, 842]).drawText(`render${call}-page${i + 1}`, { x: 50, y: 800, size: 12, font });
      return { pdf: Buffer.from(await doc.save()), handle: keep ? call : null };
    },
    async print(job, pref) {
      e.printed.push({ title: job.title, pref });
      return { printed: true, message: '已发送到打印机' };
    },
    dispose(handle) {
      e.disposed.push(handle);
    },
    async printers() {
      return { printers: [{ name: 'HP', displayName: 'HP LaserJet', isDefault: true }], note: null };
    },
    async save(name, bytes) {
      e.saved.push({ name, bytes });
      return { saved: true, path: `/tmp/${name}` };
    },
  };
  return e;
}

async function until(read: () => Promise<BatchStatusT>, done: (s: BatchStatusT) => boolean): Promise<BatchStatusT> {
  for (let i = 0; i < 2000; i++) {
    const s = await read();
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('batch never finished');
}

const logOf = (c: DocCore) =>
  c.call('documents.log.list', {}) as Promise<Array<{ kind: string; action: string; pages: number | null; actor: string; audience: string }>>;

describe('print service', () => {
  it('previews once, prints the same job with the printer set for its type, and logs only what was printed', async () => {
    core = await docCore({ staffName: '李静' });
    const { ticket } = await core.ticket();
    await core.call('system.settings.update', { printers: { acceptanceSlip: { deviceName: 'HP', silent: true } } });
    const engine = fakeEngine();
    const p = printHandlers(core.ctx, engine);
    const preview = await p['documents.print.preview']({ document: 'acceptanceSlip', ticketId: ticket.id });
    expect(preview.fileName).toBe(`受理单-${ticket.no}.pdf`);
    expect(preview.pages).toBe(1);
    expect(preview.html).toContain(ticket.no);
    expect(engine.renders).toHaveLength(1);
    // previewing alone prints nothing and logs nothing
    expect(await logOf(core)).toEqual([]);

    const out = await p['documents.print.print']({ jobId: preview.jobId });
    expect(out.printed).toBe(true);
    // no second render: the printer gets what was previewed
    expect(engine.renders).toHaveLength(1);
    expect(engine.printed).toEqual([{ title: '受理单', pref: { deviceName: 'HP', silent: true } }]);
    const log = await logOf(core);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'acceptanceSlip', action: 'print', pages: 1, actor: '李静' });

    // 另存为 PDF saves the previewed bytes and is logged too
    const saved = await p['documents.print.save']({ jobId: preview.jobId });
    expect(saved.saved).toBe(true);
    expect(engine.saved[0]).toEqual({ name: `受理单-${ticket.no}.pdf`, bytes: Buffer.from(preview.pdfBase64, 'base64') });
    expect((await logOf(core)).map((l) => l.action)).toEqual(['pdf', 'print']);
    await p.close();
  });

  it('a print cancelled in the dialog writes no log line', async () => {
    core = await docCore();
    const { ticket } = await core.ticket();
    const engine = fakeEngine();
    engine.print = async () => ({ printed: false, message: '已取消打印' });
    const p = printHandlers(core.ctx, engine);
    const preview = await p['documents.print.preview']({ document: 'workOrder', ticketId: ticket.id });
    expect((await p['documents.print.print']({ jobId: preview.jobId })).printed).toBe(false);
    expect(await logOf(core)).toEqual([]);
    await p.close();
  });

  it('an unknown ticket is refused in Chinese before anything renders', async () => {
    core = await docCore();
    const engine = fakeEngine();
    const p = printHandlers(core.ctx, engine);
    await expect(p['documents.print.preview']({ document: 'acceptanceSlip', ticketId: 99999 })).rejects.toThrow(/工单/);
    expect(engine.renders).toHaveLength(0);
    await p.close();
  });

  it('a batch runs in the background to one PDF and one Word file; saving each is logged', async () => {
    core = await docCore({ staffName: '李静' });
    const { ticket } = await core.ticket();
    const engine = fakeEngine();
    const p = printHandlers(core.ctx, engine);
    const started = await p['documents.batch.start']({ request: { document: 'workOrder', ticketId: ticket.id } });
    expect(started.state).toBe('running');
    const done = await until(
      () => p['documents.batch.status']({ batchId: started.batchId }),
      (s) => s.state !== 'running',
    );
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ pdfFileName: `派工单-${ticket.no}.pdf`, wordFileName: `派工单-${ticket.no}.docx`, pages: 1, units: 1 });

    await p['documents.batch.save']({ batchId: started.batchId, format: 'pdf' });
    await p['documents.batch.save']({ batchId: started.batchId, format: 'docx' });
    expect(engine.saved.map((s) => s.name)).toEqual([`派工单-${ticket.no}.pdf`, `派工单-${ticket.no}.docx`]);
    expect(engine.saved[0].bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(engine.saved[1].bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await logOf(core)).map((l) => l.action)).toEqual(['docx', 'pdf']);

    // 打印 sends the batch's PDF as one job
    await p['documents.print.print']({ jobId: done.result!.jobId });
    expect(engine.printed).toHaveLength(1);
    await p.close();
  });

  it('a cancelled batch stops, keeps no files, and refuses to save', async () => {
    core = await docCore();
    const { ticket } = await core.ticket();
    const engine = fakeEngine();
    let open!: () => void;
    engine.gate = new Promise((r) => (open = r));
    const p = printHandlers(core.ctx, engine);
    const started = await p['documents.batch.start']({ request: { document: 'acceptanceSlip', ticketId: ticket.id } });
    // wait until it is rendering, then cancel while the "Chromium" is busy
    await until(
      () => p['documents.batch.status']({ batchId: started.batchId }),
      () => engine.renders.length > 0,
    );
    const cancelling = await p['documents.batch.cancel']({ batchId: started.batchId });
    expect(cancelling.phase).toBe('正在取消…');
    open();
    const end = await until(
      () => p['documents.batch.status']({ batchId: started.batchId }),
      (s) => s.state !== 'running',
    );
    expect(end.state).toBe('cancelled');
    expect(end.result).toBeNull();
    await expect(p['documents.batch.save']({ batchId: started.batchId, format: 'pdf' })).rejects.toThrow('文件尚未生成完毕');
    expect(engine.saved).toEqual([]);
    expect(await logOf(core)).toEqual([]);
    await p.close();
  });

  it('a batch about a record that does not exist ends failed with the Chinese reason', async () => {
    core = await docCore();
    const p = printHandlers(core.ctx, fakeEngine());
    const started = await p['documents.batch.start']({ request: { document: 'workOrder', ticketId: 4242 } });
    const end = await until(
      () => p['documents.batch.status']({ batchId: started.batchId }),
      (s) => s.state !== 'running',
    );
    expect(end.state).toBe('failed');
    expect(end.message).toMatch(/工单/);
    await expect(p['documents.batch.status']({ batchId: 'nope' })).rejects.toThrow('该批量任务已结束或已过期');
    await p.close();
  });

  it("a building's packets render in chunks of whole houses, merged in order into one PDF of every page", async () => {
    core = await docCore();
    const b = (await core.call('archives.buildings.create', { estateId: 1, name: '7' })) as { id: number };
    const houseIds: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const h = (await core.call('archives.houses.create', {
        buildingId: b.id,
        unitName: '1',
        roomNo: String(100 * Math.ceil(i / 4) + (i % 4) + 1),
        type: '住宅',
        status: '已售未交付',
      })) as { id: number };
      houseIds.push(h.id);
    }
    const engine = fakeEngine();
    const p = printHandlers(core.ctx, engine);
    const started = await p['documents.batch.start']({ request: { document: 'moveInPacket', houseIds } });
    const phases = new Set<string>();
    const done = await until(
      async () => {
        const s = await p['documents.batch.status']({ batchId: started.batchId });
        phases.add(s.phase);
        return s;
      },
      (s) => s.state !== 'running',
    );
    expect(done.message).toBe('已生成 30 份，共 270 页');
    expect(done.state).toBe('done');
    // nine one-page parts per house: 270 pages, in chunks of 13 houses (117 pages ≤ 120)
    expect(done.result).toMatchObject({ pages: 270, units: 30 });
    expect(engine.renders.map(pagesIn)).toEqual([117, 117, 36]);
    expect(phases.has('完成')).toBe(true);

    await p['documents.batch.save']({ batchId: started.batchId, format: 'pdf' });
    const file = join(core.dir, 'merged.pdf');
    writeFileSync(file, engine.saved[0].bytes);
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1)
      .map((t) => t.trim());
    expect(pages).toHaveLength(270);
    expect([pages[0], pages[116], pages[117], pages[233], pages[234], pages[269]]).toEqual([
      'render1-page1',
      'render1-page117',
      'render2-page1',
      'render2-page117',
      'render3-page1',
      'render3-page36',
    ]);
    await p.close();
  });

  it('with an engine that renders two at a time, chunks finishing out of order still merge in order', async () => {
    core = await docCore();
    const b = (await core.call('archives.buildings.create', { estateId: 1, name: '8' })) as { id: number };
    const houseIds: number[] = [];
    for (let i = 1; i <= 30; i++)
      houseIds.push(
        (
          (await core.call('archives.houses.create', { buildingId: b.id, unitName: '1', roomNo: String(200 + i), type: '住宅', status: '已售未交付' })) as {
            id: number;
          }
        ).id,
      );
    const engine = fakeEngine();
    engine.parallel = 2;
    let running = 0;
    let most = 0;
    let calls = 0;
    const render = engine.render.bind(engine);
    // the first chunk is the slowest: it finishes after the second
    engine.render = async (html, size, keep) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, calls++ === 0 ? 3000 : 20));
      try {
        return await render(html, size, keep);
      } finally {
        running--;
      }
    };
    const p = printHandlers(core.ctx, engine);
    const started = await p['documents.batch.start']({ request: { document: 'moveInPacket', houseIds } });
    const done = await until(
      () => p['documents.batch.status']({ batchId: started.batchId }),
      (s) => s.state !== 'running',
    );
    expect(done.state).toBe('done');
    expect(most).toBe(2);
    await p['documents.batch.save']({ batchId: started.batchId, format: 'pdf' });
    const file = join(core.dir, 'merged2.pdf');
    writeFileSync(file, engine.saved[0].bytes);
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1)
      .map((t) => t.trim());
    expect(pages).toHaveLength(270);
    // the slow first chunk finished last (render3), after the other two, but its pages come first
    expect([pages[0], pages[116], pages[117], pages[234]]).toEqual(['render3-page1', 'render3-page117', 'render1-page1', 'render2-page1']);
    await p.close();
  });

  it('close() disposes what previews kept', async () => {
    core = await docCore();
    const { ticket } = await core.ticket();
    const engine = fakeEngine();
    const p = printHandlers(core.ctx, engine);
    await p['documents.print.preview']({ document: 'acceptanceSlip', ticketId: ticket.id });
    await p.close();
    expect(engine.disposed).toEqual([1]);
  });
});
