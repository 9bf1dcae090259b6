// The one application window. Its settings are Electron's security checklist items 2–4, 6, 8–12
// (docs/SECURITY.md); tests/unit/shell/security-config.test.ts builds it with a stand-in Electron and
// checks each one.
import { app, BrowserWindow } from 'electron';
import { rendererEntryUrl } from './app-origin';

export const WINDOW_TITLE = 'FrontDesk 物业服务中心前台';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // an installed app opens no developer tools (the window's errors go to the log file instead)
      devTools: !app.isPackaged,
      preload: preloadPath,
    },
  });
  // keep our title rather than whatever <title> the page sets during loading
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  const url = rendererEntryUrl(process.env, app.isPackaged);
  win.loadURL(url).catch((err: unknown) => console.error(`[window] 无法加载界面 ${url}`, err));
  return win;
}
