// Opening the database in the Electron main process. Electron needs a better-sqlite3 addon built
// for its own ABI (native/electron/, made by scripts/native-electron.mjs; in an installed app it sits
// in app.asar.unpacked, paths.ts); Node's copy in node_modules cannot load there.
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core, type ShellSide } from '../core';
import type { CoreContext } from '../core/context';
import { setNativeBinding } from '../core/db/connection';
import type { LogFile } from '../shell-common/log-file';
import { electronNativeBinding } from './paths';

export const DB_FILE_NAME = 'frontdesk.sqlite';

/** Why the app cannot start, in words for the person at the counter. */
export class StartupError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

function isAddonLoadError(err: unknown): boolean {
  const text = err instanceof Error ? `${'code' in err ? String(err.code) : ''} ${err.message}` : String(err);
  return /ERR_DLOPEN_FAILED|NODE_MODULE_VERSION|better_sqlite3\.node|Could not locate the bindings file|invalid ELF header|not a valid Win32 application/i.test(
    text,
  );
}

/**
 * The migrations this start applied, for the log file: Kysely's Migrator records each one in
 * kysely_migration with the ISO time it ran, so those at or after the start are this start's.
 */
export function migrationsRunSince(sqlite: Database.Database, sinceIso: string): string[] {
  try {
    return sqlite.prepare('SELECT name FROM kysely_migration WHERE timestamp >= ? ORDER BY name').pluck().all(sinceIso) as string[];
  } catch {
    return [];
  }
}

export async function openElectronCore(
  appRoot: string,
  userDataDir: string,
  shellHandlers: (ctx: CoreContext) => ShellSide,
  log: LogFile,
  packaged = false,
): Promise<Core> {
  const file = join(userDataDir, DB_FILE_NAME);
  const native = electronNativeBinding(appRoot);
  // Without the Electron build, try better-sqlite3's default loading (works when node_modules was rebuilt for Electron).
  const nativeBinding = existsSync(native) ? native : undefined;
  // every connection of this process, the backup's and the restore's own included, loads this build
  setNativeBinding(nativeBinding);
  const startedAt = new Date().toISOString();
  try {
    const core = await createCore({ file, nativeBinding }, { kind: 'electron' }, shellHandlers, (message, err) => {
      console.error(message, err);
      log.write('error', 'main', `${message} 程序内部错误`, err);
    });
    const ran = migrationsRunSince(core.ctx.sqlite, startedAt);
    const version = Number(core.ctx.sqlite.pragma('user_version', { simple: true }));
    if (ran.length) log.write('info', 'database', `数据库已升级到版本 ${version}：${ran.join('、')}`);
    log.write('info', 'database', `已打开数据库 ${file}（数据版本 ${version}）`);
    return core;
  } catch (err) {
    console.error('[startup] 打开数据库失败', err);
    log.write('error', 'startup', `打开数据库失败：${file}`, err);
    if (isAddonLoadError(err)) {
      const detail = `详细信息：${err instanceof Error ? err.message : String(err)}`;
      // an installed app carries its own addon (electron-builder.ts): a missing or foreign one means a broken install
      if (packaged)
        throw new StartupError(
          '缺少数据库组件',
          `无法加载数据库组件，安装可能已损坏。\n\n请重新安装本程序（数据不会丢失）；问题仍在时请联系管理员。\n\n${detail}`,
        );
      throw new StartupError(
        '缺少数据库组件',
        '无法加载数据库组件（better-sqlite3 尚未为 Electron 构建）。\n\n' +
          '请在联网的电脑上、于程序目录运行：\n    node scripts/native-electron.mjs\n' +
          '（需要联网下载 Electron 头文件或预编译包），然后重新启动本程序。\n\n' +
          detail,
      );
    }
    throw new StartupError(
      '无法打开数据库',
      `无法打开数据库文件：\n    ${file}\n\n${err instanceof Error ? err.message : String(err)}\n\n` +
        '数据未被改动。请确认没有另一个程序正在使用该文件、磁盘有剩余空间，然后重新启动；问题仍在时请联系管理员。',
    );
  }
}
