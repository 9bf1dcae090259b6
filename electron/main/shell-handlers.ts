// Channels answered by the Electron shell itself because they need the desktop (dialogs, files).
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { ShellSide } from '../core';
import type { CoreContext } from '../core/context';
import { renderTicketDocument } from '../core/documents/ticket-documents';
import { countPdfPages } from '../core/documents/pdf-pages';
import { htmlToPdf, printHtml } from './print';
import { safeFileName, writeSavedFile } from '../shell-common/saved-file';

export function electronShellHandlers(getWindow: () => BrowserWindow | null): (ctx: CoreContext) => ShellSide {
  return (ctx) => ({
    // preview: the PDF Chromium will print, plus the HTML for the on-screen frame
    'documents.print.preview': async (input) => {
      const doc = await renderTicketDocument(ctx, input);
      const pdf = await htmlToPdf(doc.html, { pageSize: input.pageSize ?? 'A4' });
      return { fileName: doc.fileName, pdfBase64: pdf.toString('base64'), pages: countPdfPages(pdf), html: doc.html };
    },
    // then the system print dialog, fonts loaded first (see print.ts)
    'documents.print.print': async (input) => {
      const doc = await renderTicketDocument(ctx, input);
      const outcome = await printHtml(doc.html, { pageSize: input.pageSize ?? 'A4' });
      return outcome.printed ? { printed: true, message: `${doc.title}已发送到打印机` } : { printed: false, message: outcome.reason };
    },
    'system.files.save': async ({ fileName, dataBase64 }) => {
      const name = safeFileName(fileName);
      const ext = extname(name).slice(1);
      const options: SaveDialogOptions = {
        title: '保存文件',
        defaultPath: join(app.getPath('downloads'), name),
        buttonLabel: '保存',
        filters: ext ? [{ name: `${ext.toUpperCase()} 文件`, extensions: [ext] }, { name: '所有文件', extensions: ['*'] }] : [],
      };
      const win = getWindow();
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeSavedFile(choice.filePath, dataBase64);
      return { saved: true, path: choice.filePath };
    },
  });
}
