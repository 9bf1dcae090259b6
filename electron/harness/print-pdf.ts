import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { CoreContext } from '../core/context';
import { printHandlers, type PrintEngine } from '../core/documents/print-service';
import { UserError } from '../core/errors';
import { warmPrintFonts } from '../core/documents/fonts';

// The harness prints with the same engine Electron uses for printToPDF: Chromium's print
// pipeline, here a headless Debian Chromium driven by playwright-core (docs/PRINTING.md).
// One browser per process, launched when a harness starts so the first preview does not wait for
// it, shared by every harness in the process and closed when the last one closes, after the prints
// still running have finished (a test's teardown must never cut a print short).

function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

let browser: Promise<Browser> | null = null;
/**
 * Pages prints reuse (a new page costs more than the print itself): one for previews, a second
 * for a batch's chunks rendering side by side (two cores). A print waits for a free page.
 */
const PAGES = 2;
let pagePool: Array<Promise<Page>> = [];
const freePages: number[] = Array.from({ length: PAGES }, (_, i) => i);
const waiting: Array<(slot: number) => void> = [];
const inFlight = new Set<Promise<unknown>>();
let users = 0;

function dropBrowser(): void {
  browser = null;
  pagePool = [];
}

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const executablePath = chromiumPath();
    if (!executablePath) return Promise.reject(new UserError('UNAVAILABLE', '未找到 Chromium，无法生成 PDF。请安装：apt-get install chromium'));
    const launching = chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    browser = launching;
    launching.then(
      (b) =>
        b.on('disconnected', () => {
          if (browser === launching) dropBrowser();
        }),
      () => {
        if (browser === launching) dropBrowser();
      },
    );
  }
  return browser;
}

function getPage(slot: number): Promise<Page> {
  if (!pagePool[slot]) {
    const opening = getBrowser().then((b) => b.newPage());
    pagePool[slot] = opening;
    const drop = () => {
      if (pagePool[slot] === opening) delete pagePool[slot];
    };
    opening.then((p) => p.on('close', drop), drop);
  }
  return pagePool[slot];
}

function takeSlot(): Promise<number> {
  const free = freePages.shift();
  if (free !== undefined) return Promise.resolve(free);
  return new Promise((resolve) => waiting.push(resolve));
}
function release(slot: number): void {
  const next = waiting.shift();
  if (next) next(slot);
  else freePages.push(slot);
}

/** Counts work as in flight until it settles (closePrinter waits for it). */
function track<T>(work: () => Promise<T>): Promise<T> {
  const run = work();
  inFlight.add(run);
  const done = () => inFlight.delete(run);
  run.then(done, done);
  return run;
}

function htmlToPdf(html: string, pageSize: 'A4' | 'A5'): Promise<Buffer> {
  return track(async () => {
    const slot = await takeSlot();
    try {
      const page = await getPage(slot);
      await page.setContent(html, { waitUntil: 'load' });
      // the embedded fonts must be decoded before printing, or the page prints in a fallback face
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ format: pageSize, printBackground: true, preferCSSPageSize: true });
    } finally {
      release(slot);
    }
  });
}

/** Prints rendering or saving now (tests use it to close the printer mid-print). */
export const printsInFlight = (): number => inFlight.size;

/** A harness starting: launch Chromium and load the fonts in the background, so previews start warm. */
export function openPrinter(): void {
  users++;
  // a missing Chromium is reported when something is printed, not at start
  getPage(0).catch(() => undefined);
  warmPrintFonts().catch(() => undefined);
}

/** A harness closing: wait for prints in flight; the last one out closes the browser. */
export async function closePrinter(): Promise<void> {
  users = Math.max(0, users - 1);
  while (inFlight.size) await Promise.allSettled([...inFlight]);
  if (users > 0 || !browser) return;
  const b = browser;
  dropBrowser();
  await (await b.catch(() => null))?.close().catch(() => undefined);
}

/** The harness's engine: Chromium renders, and 打印 saves the PDF under downloads (no printer here). */
function harnessEngine(save: (fileName: string, data: Buffer) => Promise<string>): PrintEngine<null> {
  return {
    render: async (html, size) => ({ pdf: await htmlToPdf(html, size), handle: null }),
    // the save counts as in flight too: teardown waits for the file to be written
    print: async (job) => ({ printed: true, message: `测试环境没有打印机，已保存为 PDF：${await track(() => save(job.pdfFileName, job.pdf))}` }),
    dispose: () => undefined,
    printers: async () => ({ printers: [], note: '测试环境没有打印机：打印会把 PDF 保存到下载文件夹' }),
    save: async (fileName, bytes) => ({ saved: true, path: await track(() => save(fileName, bytes)) }),
    parallel: PAGES,
  };
}

/** Print channels for the harness: the core's print service over headless Chromium. */
export function harnessPrintHandlers(ctx: CoreContext, save: (fileName: string, data: Buffer) => Promise<string>): ReturnType<typeof printHandlers> {
  return printHandlers(ctx, harnessEngine(save), { maxJobs: 16 });
}
