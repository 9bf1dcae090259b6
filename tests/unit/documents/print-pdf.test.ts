// Real PDFs from the harness's Chromium (/usr/bin/chromium), read back with poppler (pdffonts, pdftotext).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closePrinter, harnessPrintHandlers, openPrinter, printsInFlight } from '../../../electron/harness/print-pdf';
import type { PrintHandlers } from '../../../electron/core/index';
import { pdfFontTypes, pdfText } from '../../e2e/support/pdf';
import { docCore, numberedText, type DocCore } from './fixtures';

let core: DocCore | null = null;
let dir: string;
let printer: PrintHandlers;
const saved: string[] = [];

beforeAll(() => {
  openPrinter();
});
afterAll(async () => {
  await closePrinter();
});
afterEach(async () => {
  await core?.cleanup();
  core = null;
  rmSync(dir, { recursive: true, force: true });
  saved.length = 0;
});

async function setup() {
  core = await docCore({ staffName: '李静' });
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-print-'));
  printer = harnessPrintHandlers(core.ctx, async (fileName, data) => {
    const path = join(dir, `${saved.length}-${fileName}`);
    writeFileSync(path, data);
    saved.push(path);
    return path;
  });
  return core;
}

function writePdf(name: string, base64: string): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return path;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('printing through the harness Chromium', () => {
  it('writes the print font as CID TrueType fonts, no Type 3', async () => {
    const c = await setup();
    const t = await c.ticket({ description: '卫生间顶棚漏水，楼上装修后渗水（2楼B座）' });
    for (const document of ['acceptanceSlip', 'workOrder'] as const) {
      const preview = await printer['documents.print.preview']({ document, ticketId: t.ticket.id });
      const fonts = pdfFontTypes(writePdf(`${document}.pdf`, preview.pdfBase64));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f === 'CID TrueType')).toBe(true);
    }
  });

  it('keeps a 500-character 受理单 on one A4 page: both 联, the cut line, the signature lines and the whole text twice', async () => {
    const c = await setup();
    const description = numberedText(500);
    const t = await c.ticket({ description });
    const preview = await printer['documents.print.preview']({ document: 'acceptanceSlip', ticketId: t.ticket.id });
    expect(preview.pages).toBe(1);
    const text = pdfText(writePdf('slip.pdf', preview.pdfBase64));
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(1);
    for (const s of ['业主联', '存根联', '沿虚线裁开', '业主签字', '受理人签字', '受理人', '李静', t.ticket.no]) expect(text).toContain(s);
    expect(squash(text).split(description)).toHaveLength(3);
  });

  it('puts a 2000-character description on a continuation sheet, whole', async () => {
    const c = await setup();
    const description = numberedText(2000);
    const t = await c.ticket({ description });
    const preview = await printer['documents.print.preview']({ document: 'acceptanceSlip', ticketId: t.ticket.id });
    expect(preview.pages).toBe(2);
    const pages = pdfText(writePdf('long.pdf', preview.pdfBase64)).split('\f');
    expect(pages[0]).toContain('业主签字');
    expect(pages[0]).toContain('全文见续页');
    expect(pages[1]).toContain('续页');
    expect(squash(pages[1])).toContain(description);
  });

  it('打印 saves the very PDF the preview made; an unknown job is refused', async () => {
    const c = await setup();
    const t = await c.ticket();
    await c.call('desk.tickets.transition', { id: t.ticket.id, action: 'dispatch', department: '工程部', assignee: '李师傅', note: '先电话联系业主' });
    const preview = await printer['documents.print.preview']({ document: 'workOrder', ticketId: t.ticket.id });
    expect(preview.jobId).toBeTruthy();
    const result = await printer['documents.print.print']({ jobId: preview.jobId });
    expect(result.printed).toBe(true);
    expect(saved).toHaveLength(1);
    expect(readFileSync(saved[0]).equals(Buffer.from(preview.pdfBase64, 'base64'))).toBe(true);
    expect(pdfText(saved[0])).toContain('先电话联系业主');
    await expect(printer['documents.print.print']({ jobId: 'gone' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('closing the printer waits for a print in flight instead of cutting it short', async () => {
    const c = await setup();
    const t = await c.ticket({ description: numberedText(300) });
    const pending = printer['documents.print.preview']({ document: 'acceptanceSlip', ticketId: t.ticket.id });
    // as a test teardown would: the last user closes while Chromium is still printing
    await expect.poll(() => printsInFlight(), { interval: 5, timeout: 20_000 }).toBe(1);
    await closePrinter();
    const preview = await pending;
    openPrinter(); // for afterAll
    expect(preview.pages).toBe(1);
    expect(pdfText(writePdf('inflight.pdf', preview.pdfBase64))).toContain(t.ticket.no);
  });
});
