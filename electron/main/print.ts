// Printing HTML documents (slips, work orders, later notices): wired in shell-handlers.ts.
// The document is served from app://print/<id>.html (its own origin, strict CSP, no preload),
// loaded into a hidden sandboxed window, and turned into a PDF once its fonts are ready, so Chinese
// text never prints in a fallback font. The window is kept with the preview's job: 打印 sends that
// same page to the printer, with no second render (docs/PRINTING.md).
import { BrowserWindow, type WebContents } from 'electron';
import { publishPrintDocument } from './protocol';

type PageSize = 'A4' | 'A5';
interface PrintOptions {
  pageSize: PageSize;
  landscape?: boolean;
}
type PrintOutcome = { printed: true } | { printed: false; reason: string };

const FONTS_TIMEOUT_MS = 10_000;

// Run in an isolated world: the document's CSP (script-src 'none') governs its own scripts only.
const WAIT_FOR_FONTS = 'document.fonts.ready.then(() => true)';

async function waitForFonts(contents: WebContents): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FONTS_TIMEOUT_MS)));
  const ready = contents.executeJavaScriptInIsolatedWorld(1001, [{ code: WAIT_FOR_FONTS }]).then(() => undefined);
  await Promise.race([ready, timeout]);
  clearTimeout(timer);
}

/** A hidden window holding one rendered document, and the PDF Chromium made of it. */
export interface RenderedDocument {
  window: BrowserWindow;
  pdf: Buffer;
  options: PrintOptions;
}

/** Loads the document into a hidden window and renders it to PDF; the caller keeps (and later destroys) the window. */
export async function renderDocument(html: string, options: PrintOptions, parent: BrowserWindow | null): Promise<RenderedDocument> {
  const doc = publishPrintDocument(html);
  const win = new BrowserWindow({
    show: false,
    // a child closes with the app's window, so a kept print window never keeps the app running
    ...(parent && !parent.isDestroyed() ? { parent } : {}),
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      // script stays on so main can await document.fonts.ready; the page's CSP forbids its own scripts
      javascript: true,
      spellcheck: false,
    },
  });
  try {
    await win.loadURL(doc.url);
    await waitForFonts(win.webContents);
    const pdf = await win.webContents.printToPDF({
      pageSize: options.pageSize,
      landscape: options.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
    });
    return { window: win, pdf, options };
  } catch (err) {
    if (!win.isDestroyed()) win.destroy();
    throw err;
  } finally {
    // the page is loaded: its URL need not answer any more
    doc.dispose();
  }
}

/** The printers the system knows, for 设置 → 打印机. */
export async function listPrinters(win: BrowserWindow): Promise<Array<{ name: string; displayName: string; isDefault: boolean }>> {
  const printers = await win.webContents.getPrintersAsync();
  // Electron's PrinterInfo no longer says which is the system default: the dialog still starts on it
  return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: false }));
}

/**
 * Prints a rendered document: the system print dialog, or straight to the printer 设置 remembers for
 * this document type when it is set to print silently. Resolves when printed or cancelled.
 */
export function printRendered(rendered: RenderedDocument, pref?: { deviceName: string | null; silent: boolean }): Promise<PrintOutcome> {
  const { window: win, options } = rendered;
  if (win.isDestroyed()) return Promise.resolve({ printed: false, reason: '打印内容已失效，请重新打开打印预览' });
  const silent = !!(pref?.silent && pref.deviceName);
  return new Promise<PrintOutcome>((resolve) => {
    win.webContents.print(
      {
        silent,
        ...(pref?.deviceName ? { deviceName: pref.deviceName } : {}),
        printBackground: true,
        pageSize: options.pageSize,
        landscape: options.landscape ?? false,
      },
      (success, failureReason) =>
        resolve(success ? { printed: true } : { printed: false, reason: /cancel/i.test(failureReason) ? '已取消打印' : `打印失败：${failureReason}` }),
    );
  });
}

export function disposeRendered(rendered: RenderedDocument): void {
  if (!rendered.window.isDestroyed()) rendered.window.destroy();
}
