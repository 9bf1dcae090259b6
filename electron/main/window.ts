// The one application window.
import { BrowserWindow } from 'electron';
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
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: preloadPath,
    },
  });
  // keep our title rather than whatever <title> the page sets during loading
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  const url = rendererEntryUrl();
  win.loadURL(url).catch((err: unknown) => console.error(`[window] 无法加载界面 ${url}`, err));
  return win;
}
