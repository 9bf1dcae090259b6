import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { CoreContext } from '../core/context';
import type { PrintHandlers } from '../core/index';
import { renderTicketDocument } from '../core/documents/ticket-documents';
import { UserError } from '../core/errors';
import { countPdfPages } from '../core/documents/pdf-pages';

// The harness prints with the same engine Electron uses for printToPDF: Chromium's print
// pipeline, here a headless Debian Chromium driven by playwright-core.
let browser: Promise<Browser> | null = null;

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

function getBrowser(): Promise<Browser> {
  if (!browser) {
    const executablePath = chromiumPath();
    if (!executablePath) throw new UserError('UNAVAILABLE', '未找到 Chromium，无法生成 PDF。请安装：apt-get install chromium fonts-noto-cjk');
    browser = chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    browser.catch(() => {
      browser = null;
    });
  }
  return browser;
}

export async function htmlToPdf(html: string, pageSize: 'A4' | 'A5'): Promise<Buffer> {
  const b = await getBrowser();
  const page = await b.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // CJK fonts must be loaded before printing, or the first page prints in a fallback face
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ format: pageSize, printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

export async function closePrinter(): Promise<void> {
  if (browser) {
    const b = browser;
    browser = null;
    await (await b).close().catch(() => undefined);
  }
}

/** Print channels for the harness: preview returns the PDF; "print" saves it under downloads. */
export function harnessPrintHandlers(ctx: CoreContext, save: (fileName: string, data: Buffer) => Promise<string>): PrintHandlers {
  return {
    'documents.print.preview': async (input) => {
      const doc = await renderTicketDocument(ctx, input);
      const pdf = await htmlToPdf(doc.html, input.pageSize ?? 'A4');
      return { fileName: doc.fileName, pdfBase64: pdf.toString('base64'), pages: countPdfPages(pdf), html: doc.html };
    },
    'documents.print.print': async (input) => {
      const doc = await renderTicketDocument(ctx, input);
      const pdf = await htmlToPdf(doc.html, input.pageSize ?? 'A4');
      const path = await save(doc.fileName, pdf);
      return { printed: true, message: `测试环境没有打印机，已保存为 PDF：${path}` };
    },
  };
}
