// Printing HTML documents (slips, work orders, later notices): wired in shell-handlers.ts.
// The document is served from app://print/<id>.html (its own origin, strict CSP, no preload),
// loaded into a hidden sandboxed window, and printed once its fonts are ready, so Chinese text
// never prints in a fallback font.
import { BrowserWindow, type WebContents } from 'electron';
import { publishPrintDocument } from './protocol';

export type PageSize = 'A4' | 'A5';
export interface PrintOptions {
  pageSize: PageSize;
  landscape?: boolean;
}
export type PrintOutcome = { printed: true } | { printed: false; reason: string };

const FONTS_TIMEOUT_MS = 10_000;

// Run in an isolated world: the document's CSP (script-src 'none') governs its own scripts only.
const WAIT_FOR_FONTS = 'document.fonts.ready.then(() => true)';

async function waitForFonts(contents: WebContents): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FONTS_TIMEOUT_MS));
  const ready = contents.executeJavaScriptInIsolatedWorld(1001, [{ code: WAIT_FOR_FONTS }]).then(() => undefined);
  await Promise.race([ready, timeout]);
}

async function withPrintWindow<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const doc = publishPrintDocument(html);
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // script stays on so main can await document.fonts.ready; the page's CSP forbids its own scripts
      javascript: true,
      spellcheck: false,
    },
  });
  try {
    await win.loadURL(doc.url);
    await waitForFonts(win.webContents);
    return await use(win.webContents);
  } finally {
    doc.dispose();
    if (!win.isDestroyed()) win.destroy();
  }
}

/** Renders the document to PDF bytes, for an on-screen preview or saving. */
export function htmlToPdf(html: string, options: PrintOptions): Promise<Buffer> {
  return withPrintWindow(html, (contents) =>
    contents.printToPDF({ pageSize: options.pageSize, landscape: options.landscape ?? false, printBackground: true }),
  );
}

/** Opens the system print dialog for the document; resolves when the user printed or cancelled. */
export function printHtml(html: string, options: PrintOptions): Promise<PrintOutcome> {
  return withPrintWindow(
    html,
    (contents) =>
      new Promise<PrintOutcome>((resolve) => {
        contents.print(
          { silent: false, printBackground: true, pageSize: options.pageSize, landscape: options.landscape ?? false },
          (success, failureReason) => resolve(success ? { printed: true } : { printed: false, reason: /cancel/i.test(failureReason) ? '已取消打印' : `打印失败：${failureReason}` }),
        );
      }),
  );
}
