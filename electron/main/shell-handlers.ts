// Channels answered by the Electron shell itself because they need the desktop (dialogs, files).
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { ShellSide } from '../core';
import type { CoreContext } from '../core/context';
import type { PrintEngine } from '../core/documents/print-service';
import { lazyHandlers } from '../core/dispatch';
import { disposeRendered, listPrinters, printRendered, renderDocument, type RenderedDocument } from './print';
import { safeFileName, writeSavedFile } from '../shell-common/saved-file';
import { PRINT_CHANNELS } from '../shell-common/print-channels';
import { printFontsDir } from './paths';

export function electronShellHandlers(getWindow: () => BrowserWindow | null): (ctx: CoreContext) => ShellSide {
  const hooked = new WeakSet<BrowserWindow>();
  // The print service (pdf-lib, docx) and the fonts (subset-font) load on first use, not before the
  // first answer (docs/PERFORMANCE.md, "Start"). fonts.ts reads this when it loads: the packaged fonts.
  // FRONTDESK_FONTS_DIR from outside only when not packaged (paths.ts)
  process.env.FRONTDESK_FONTS_DIR = printFontsDir(app.getAppPath(), process.env, app.isPackaged);
  // the fonts are read in the background once the window is up, so the first preview starts warm
  setTimeout(() => {
    import('../core/documents/fonts').then((fonts) => fonts.warmPrintFonts()).catch((err: unknown) => console.error('[print] 打印字体加载失败', err));
  }, 2000);

  async function saveWithDialog(fileName: string, bytes: Buffer): Promise<{ saved: boolean; path: string | null }> {
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
    await writeSavedFile(choice.filePath, bytes.toString('base64'));
    return { saved: true, path: choice.filePath };
  }

  async function pickPath(options: OpenDialogOptions): Promise<{ path: string | null }> {
    const win = getWindow();
    const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return { path: choice.canceled ? null : (choice.filePaths[0] ?? null) };
  }

  // a preview keeps its hidden window for a while, so 打印 prints the page already rendered
  // (docs/PRINTING.md); a batch's chunks are rendered and dropped, and its 打印 loads the whole
  // document once into a window of its own: one print job
  const engine: PrintEngine<RenderedDocument> = {
    render: async (html, size, keep) => {
      const parent = getWindow();
      const rendered = await renderDocument(html, { pageSize: size }, parent);
      if (!keep) {
        disposeRendered(rendered);
        return { pdf: rendered.pdf, handle: null };
      }
      return { pdf: rendered.pdf, handle: rendered };
    },
    print: async (job, pref) => {
      const rendered = job.handle ?? (await renderDocument(await job.html(), { pageSize: job.size }, getWindow()));
      try {
        const outcome = await printRendered(rendered, pref);
        return outcome.printed ? { printed: true, message: `${job.title}已发送到打印机` } : { printed: false, message: outcome.reason };
      } finally {
        if (!job.handle) disposeRendered(rendered);
      }
    },
    dispose: disposeRendered,
    printers: async () => {
      const win = getWindow();
      const printers = win ? await listPrinters(win) : [];
      return { printers, note: printers.length ? null : '没有找到打印机，请先在系统中添加打印机' };
    },
    save: saveWithDialog,
    // each render has a hidden window of its own: a batch's chunks render two at a time
    parallel: 2,
  };

  return (ctx) => {
    const print = lazyHandlers(PRINT_CHANNELS, async () => {
      const { printHandlers } = await import('../core/documents/print-service');
      const { close, ...handlers } = printHandlers(ctx, engine, { maxJobs: 4 });
      const parent = getWindow();
      // no kept job outlives the app's window
      if (parent && !hooked.has(parent)) {
        hooked.add(parent);
        parent.once('closed', () => void close());
      }
      return handlers;
    });
    return {
      ...print,
      'system.files.save': ({ fileName, dataBase64 }) => saveWithDialog(fileName, Buffer.from(dataBase64, 'base64')),
      // 设置 → 数据备份: the backup folder, and a backup file to restore (docs/BACKUP.md)
      'backup.pickFolder': () => pickPath({ title: '选择备份文件夹', buttonLabel: '选择', properties: ['openDirectory', 'createDirectory'] }),
      'backup.pickFile': () =>
        pickPath({
          title: '选择要恢复的备份文件',
          buttonLabel: '选择',
          properties: ['openFile'],
          filters: [
            { name: 'FrontDesk 备份', extensions: ['tar', 'sqlite', 'db'] },
            { name: '所有文件', extensions: ['*'] },
          ],
        }),
    };
  };
}
