// Electron main process: a thin shell around electron/core. It opens the database, serves the
// renderer over app://, wires IPC to the core dispatcher and keeps one hardened window.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core';
import { registerIpc, unregisterIpc } from './ipc';
import { openElectronCore, StartupError } from './open-core';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { userDataDir } from './paths';
import { guardAllWebContents, hardenSession } from './security';
import { electronShellHandlers } from './shell-handlers';
import { createMainWindow } from './window';
import { createLogFile } from '../shell-common/log-file';
import { logHandlers } from '../shell-common/log-handlers';
import { startBackupTimer } from './backup-timer';

// A stable ASCII folder for the data; FRONTDESK_USER_DATA (the smoke test's throwaway folder) only when not packaged (paths.ts).
app.setPath('userData', userDataDir(app.getPath('appData'), process.env, app.isPackaged));
// every renderer sandboxed, whatever a window's own settings say (docs/SECURITY.md, item 4)
app.enableSandbox();
registerAppScheme();
guardAllWebContents();

// <userData>/logs/frontdesk.log: what went wrong, for the admin behind 查看日志; also starts, quits and database upgrades
const log = createLogFile(join(app.getPath('userData'), 'logs'));
// the monitor only watches: Electron still shows its own dialog for an uncaught error
process.on('uncaughtExceptionMonitor', (err) => log.write('error', 'main', '主进程未捕获的错误', err));
process.on('unhandledRejection', (reason) => {
  console.error('[main] 未处理的异步错误', reason);
  log.write('error', 'main', '主进程未处理的异步错误', reason);
});
app.on('render-process-gone', (_event, _contents, details) => log.write('error', 'main', `窗口进程意外退出：${details.reason}（退出码 ${details.exitCode}）`));
app.on('child-process-gone', (_event, details) => log.write('warn', 'main', `子进程退出：${details.type} ${details.reason}`));

let core: Core | null = null;
let backupTimer: ReturnType<typeof startBackupTimer> | null = null;
let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(join(app.getAppPath(), 'out', 'preload', 'index.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  log.write('info', 'main', `程序启动：版本 ${app.getVersion()}，Electron ${process.versions.electron}${app.isPackaged ? '' : '（开发模式）'}`);
  try {
    const desktop = electronShellHandlers(() => mainWindow);
    // shell.openPath answers '' when the system opened the file, else the reason
    const openFile = async (path: string) => (await shell.openPath(path)) === '';
    core = await openElectronCore(appRoot, app.getPath('userData'), (ctx) => ({ ...desktop(ctx), ...logHandlers(log, openFile) }), log, app.isPackaged);
  } catch (err) {
    const title = err instanceof StartupError ? err.title : '启动失败';
    const message = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox(`FrontDesk：${title}`, message);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  handleAppProtocol(join(appRoot, 'out', 'renderer'));
  registerIpc(core.dispatch, (channel, url) => log.write('warn', 'ipc', `拒绝调用 ${channel}：来源 ${url}`));
  // the start backup runs in the background; the window does not wait for it
  backupTimer = startBackupTimer(core, log);
  showMainWindow();
}

// Two copies writing one database would fight over it: the second start focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (core) showMainWindow();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the database (checkpointing the WAL) before the process ends.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    unregisterIpc();
    const opened = core;
    core = null;
    // the quit backup (bounded in time) before the database closes
    Promise.resolve(backupTimer?.quit())
      .then(() => opened.close())
      .then(() => log.write('info', 'main', '程序退出：数据库已关闭'))
      .catch((err: unknown) => {
        console.error('[quit] 关闭数据库失败', err);
        log.write('error', 'main', '程序退出：关闭数据库失败', err);
      })
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[startup]', err);
      log.write('error', 'startup', '启动失败', err);
      dialog.showErrorBox('FrontDesk：启动失败', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
