// Channels answered by the Electron shell itself because they need the desktop (dialogs, files).
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { ShellSide } from '../core';
import type { CoreContext } from '../core/context';
import { renderTicketDocument } from '../core/documents/ticket-documents';
import { countPdfPages } from '../core/documents/pdf-pages';
import { PrintJobs } from '../core/documents/print-jobs';
import { setPrintFontDir, warmPrintFonts } from '../core/documents/fonts';
import { disposeRendered, printRendered, renderDocument, type RenderedDocument } from './print';
import { safeFileName, writeSavedFile } from '../shell-common/saved-file';

export function electronShellHandlers(getWindow: () => BrowserWindow | null): (ctx: CoreContext) => ShellSide {
  // each preview keeps its hidden window for a while, so 打印 prints the page already rendered
  // (docs/PRINTING.md); a few at most, and none outlives the app's window
  const jobs = new PrintJobs<RenderedDocument & { title: string }>({ ttlMs: 10 * 60_000, max: 4, dispose: disposeRendered });
  const hooked = new WeakSet<BrowserWindow>();
  setPrintFontDir(join(app.getAppPath(), 'resources', 'fonts'));
  warmPrintFonts().catch((err: unknown) => console.error('[print] 打印字体加载失败', err));
  return (ctx) => ({
    // preview: the PDF Chromium will print, plus the HTML for the on-screen frame
    'documents.print.preview': async (input) => {
      const doc = await renderTicketDocument(ctx, input);
      const parent = getWindow();
      if (parent && !hooked.has(parent)) {
        hooked.add(parent);
        parent.once('closed', () => jobs.clear());
      }
      const rendered = await renderDocument(doc.html, { pageSize: input.pageSize ?? 'A4' }, parent);
      const jobId = jobs.add({ ...rendered, title: doc.title });
      return { jobId, fileName: doc.fileName, pdfBase64: rendered.pdf.toString('base64'), pages: countPdfPages(rendered.pdf), html: doc.html };
    },
    // then the system print dialog for the window that made the preview
    'documents.print.print': async ({ jobId }) => {
      const job = jobs.take(jobId);
      const outcome = await printRendered(job);
      return outcome.printed ? { printed: true, message: `${job.title}已发送到打印机` } : { printed: false, message: outcome.reason };
    },
    'system.files.save': async ({ fileName, dataBase64 }) => {
      const name = safeFileName(fileName);
      const ext = extname(name).slice(1);
      const options: SaveDialogOptions = {
        title: '保存文件',
        defaultPath: join(app.getPath('downloads'), name),
        buttonLabel: '保存',
        filters: ext
          ? [
              { name: `${ext.toUpperCase()} 文件`, extensions: [ext] },
              { name: '所有文件', extensions: ['*'] },
            ]
          : [],
      };
      const win = getWindow();
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeSavedFile(choice.filePath, dataBase64);
      return { saved: true, path: choice.filePath };
    },
  });
}
