// Whether the real desktop app can be launched here, and why not. Deliberately never require('electron'):
// that package downloads its binary on first require, which an offline machine cannot do.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const appRoot = resolve(import.meta.dirname, '..', '..');

/** Path of the Electron executable if node_modules/electron has downloaded it, else null. */
export function electronBinary(root = appRoot): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(file) ? file : null;
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const file = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : null;
}

export function electronNativeAddon(root = appRoot): string {
  return join(root, 'native', 'electron', 'better_sqlite3.node');
}

/** A reason to skip the desktop test on this machine, or null when it can run. */
export function electronUnavailableReason(root = appRoot): string | null {
  if (!electronBinary(root)) {
    return 'Electron 可执行文件未下载（node_modules/electron/dist 不存在，需要联网运行 npx install-electron）；Electron binary not downloaded.';
  }
  if (!existsSync(electronNativeAddon(root))) {
    return '缺少 Electron 版 better-sqlite3（native/electron/better_sqlite3.node），请联网运行 node scripts/native-electron.mjs；Electron build of better-sqlite3 missing.';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return '没有图形显示（DISPLAY 未设置），请用 xvfb-run npx playwright test --project=electron；no display server.';
  }
  return null;
}
