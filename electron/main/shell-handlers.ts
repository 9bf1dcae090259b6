// Channels answered by the Electron shell itself because they need the desktop (dialogs, files).
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { ShellHandlers } from '../core';
import { safeFileName, writeSavedFile } from './saved-file';

export function electronShellHandlers(getWindow: () => BrowserWindow | null): ShellHandlers {
  return {
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
  };
}
