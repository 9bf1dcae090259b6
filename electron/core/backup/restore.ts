import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError, invalid } from '../errors';
import { KNOWN_SCHEMA_VERSION, describeSqliteError, inspectDatabase, makeSelfContained, openReadonly, countsDiffer, type Opener } from './inspect';
import { fileStamp } from './stamp';

export interface RestoreOptions extends Opener {
  from: string;
  dbFile: string;
  now?: Date;
}
export interface RestoreReport {
  dbFile: string;
  /** the database as it was before, kept beside it; null when there was none */
  safetyCopy: string | null;
  schemaVersion: number;
  tables: Record<string, number>;
}

const UNTOUCHED = '当前数据库未做任何改动。';
const SIDECARS = ['-wal', '-shm', '-journal'];

/**
 * Puts a backup in place of the database file. Nothing is touched until the backup has passed
 * integrity_check, is a FrontDesk database and is not from a newer program; then the current
 * database is copied to "<db>.before-restore-<time>.sqlite" and the backup moved in.
 * The database must not be open anywhere (close the desktop app first): this is checked.
 */
export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreReport> {
  const from = resolve(opts.from);
  const dbFile = resolve(opts.dbFile);
  const now = opts.now ?? new Date();
  if (!existsSync(from)) throw new UserError('NOT_FOUND', `找不到备份文件：${from}`);
  if (from === dbFile) throw invalid('备份文件就是当前数据库，无需恢复');

  // 1. the backup itself, read-only
  const check = inspectDatabase(from, opts);
  if (check.problem) throw new UserError('FILE', `备份文件无法使用：${check.problem}。${UNTOUCHED}`);
  if (!('houses' in check.tables) || !('people' in check.tables)) throw new UserError('FILE', `该文件不是本程序的数据库备份。${UNTOUCHED}`);
  if (check.schemaVersion > KNOWN_SCHEMA_VERSION || check.unknownMigrations.length > 0)
    throw new UserError(
      'FILE',
      `该备份来自较新版本的程序（数据版本 ${check.schemaVersion}），本程序只支持到版本 ${KNOWN_SCHEMA_VERSION}。请先升级程序再恢复。${UNTOUCHED}`,
    );

  // 2. nobody may have the database open: replacing it under a running desk would corrupt it
  if (existsSync(dbFile)) assertNotInUse(dbFile, opts);

  const stamp = fileStamp(now);
  const staging = `${dbFile}.restore-${stamp}.tmp`;
  try {
    // 3. the backup copied next to the database (same disk, so the final move is atomic), and checked again
    const src = openReadonly(from, opts);
    try {
      await src.backup(staging);
    } finally {
      src.close();
    }
    makeSelfContained(staging, opts);
    const staged = inspectDatabase(staging, opts);
    const diff = staged.problem ?? countsDiffer(check.tables, staged.tables);
    if (diff) throw new UserError('FILE', `复制备份时出错：${diff}。${UNTOUCHED}`);

    // 4. the current database kept aside, then replaced
    const safetyCopy = existsSync(dbFile) ? await keepSafetyCopy(dbFile, stamp, opts) : null;
    for (const s of SIDECARS) rmSync(dbFile + s, { force: true });
    try {
      renameSync(staging, dbFile);
    } catch (err) {
      throw new UserError('FILE', `无法替换数据库文件（${err instanceof Error ? err.message : String(err)}）。原数据库的副本在：${safetyCopy ?? '无'}`);
    }
    return { dbFile, safetyCopy, schemaVersion: check.schemaVersion, tables: check.tables };
  } finally {
    rmSync(staging, { force: true });
    for (const s of SIDECARS) rmSync(staging + s, { force: true });
  }
}

/** Takes an exclusive lock for a moment: it fails while any other connection (the running app) holds the file. */
function assertNotInUse(dbFile: string, o: Opener): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { fileMustExist: true, nativeBinding: o.nativeBinding });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('begin exclusive');
    db.exec('commit');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new UserError('CONFLICT', `数据库正在被使用（桌面程序是否仍在运行？），请先关闭后再恢复。${UNTOUCHED}`);
    // a damaged current database is a reason to restore, not a reason to refuse
  } finally {
    db?.close();
  }
}

/**
 * The database as it is now, as one file beside it. Online backup when the file is readable;
 * when it is damaged (often why one restores), its files are copied as they are.
 */
async function keepSafetyCopy(dbFile: string, stamp: string, o: Opener): Promise<string> {
  let target = `${dbFile}.before-restore-${stamp}.sqlite`;
  for (let i = 2; existsSync(target); i++) target = `${dbFile}.before-restore-${stamp}-${i}.sqlite`;
  try {
    const cur = new Database(dbFile, { fileMustExist: true, nativeBinding: o.nativeBinding });
    try {
      await cur.backup(target);
      // merge the WAL into the file now, so removing the sidecars afterwards loses nothing
      cur.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      cur.close();
    }
    makeSelfContained(target, o);
  } catch (err) {
    try {
      copyFileSync(dbFile, target);
      for (const s of SIDECARS) if (existsSync(dbFile + s)) copyFileSync(dbFile + s, target + s);
    } catch (copyErr) {
      throw new UserError(
        'FILE',
        `无法保存当前数据库的副本（${describeSqliteError(err)}；${copyErr instanceof Error ? copyErr.message : String(copyErr)}）。${UNTOUCHED}`,
      );
    }
  }
  return target;
}
