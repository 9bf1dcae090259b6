// Where the Electron shell finds its files, packaged or not. Pure module (no 'electron' import): main
// passes app.getAppPath(), app.getPath('appData') and app.isPackaged in, and the test passes a path
// flavour (posix or win32) to check both systems' installs on one machine.
import path from 'node:path';

type PathFlavour = Pick<typeof path, 'join'>;

/**
 * better-sqlite3 built for Electron's ABI (scripts/native-electron.mjs). A packaged app's code is in
 * resources/app.asar, and an operating system cannot load a native library from inside an archive:
 * electron-builder unpacks the addon to app.asar.unpacked (asarUnpack in electron-builder.ts), so it is
 * read from there, not through Electron's copy-to-a-temporary-file fallback.
 */
export function electronNativeBinding(appPath: string, p: PathFlavour = path): string {
  const trimmed = appPath.replace(/[\\/]+$/, '');
  const root = /\.asar$/i.test(trimmed) ? `${trimmed}.unpacked` : trimmed;
  return p.join(root, 'native', 'electron', 'better_sqlite3.node');
}

/**
 * The data folder: a stable ASCII name (the product name has spaces and Chinese in it).
 * FRONTDESK_USER_DATA (the smoke test's throwaway folder) only when not packaged: an installed app's
 * data is where its backups, log and admins expect it.
 */
export function userDataDir(appDataDir: string, env: NodeJS.ProcessEnv, packaged: boolean, p: PathFlavour = path): string {
  return (!packaged && env.FRONTDESK_USER_DATA) || p.join(appDataDir, 'FrontDesk');
}

/** The printout fonts shipped with the app (resources/fonts); FRONTDESK_FONTS_DIR only when not packaged. */
export function printFontsDir(appPath: string, env: NodeJS.ProcessEnv, packaged: boolean, p: PathFlavour = path): string {
  return (!packaged && env.FRONTDESK_FONTS_DIR) || p.join(appPath, 'resources', 'fonts');
}
