import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { nativeBindingOf } from '../db/connection';
import { UserError, invalid } from '../errors';
import { attachmentsDir } from '../desk/attachments';
import { BackupFileProblem, readArchive, type Manifest } from './archive';
import { fsReason } from './files';
import {
  countsDiffer,
  databaseShortfall,
  describeSqliteError,
  inspectDatabase,
  makeSelfContained,
  openReadonly,
  sniffBackup,
  versionRefusal,
  type Inspection,
  type Opener,
} from './inspect';
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
  /**
   * null for a database-only backup (made by earlier versions): it holds no photos, and the photo
   * folder is left as it was
   */
  photos: {
    restored: number;
    /** photos that were already missing when the backup was made */
    missing: number;
    /** the photo folder as it was before, moved aside; null when there was none */
    safetyCopy: string | null;
  } | null;
}

const UNTOUCHED = '当前数据库未做任何改动。';
const SIDECARS = ['-wal', '-shm', '-journal'];
const refuse = (why: string) => new UserError('FILE', `${why}。${UNTOUCHED}`);

/**
 * Puts a backup in place of the database and its photos (docs/BACKUP.md). Nothing is touched until
 * the backup has been read in full into staging files beside the database, each part matching its
 * manifest, and the database passed integrity_check, is a FrontDesk database and is not from a
 * newer program. Then the current database is copied to "<db>.before-restore-<time>.sqlite", the
 * photo folder moved to "attachments.before-restore-<time>", and the backup moved in. A database-only
 * backup of earlier versions restores the database alone. The database must not be open anywhere
 * (close the desktop app first): this is checked.
 */
export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreReport> {
  const from = resolve(opts.from);
  const dbFile = resolve(opts.dbFile);
  const now = opts.now ?? new Date();
  if (!existsSync(from)) throw new UserError('NOT_FOUND', `找不到备份文件：${from}`);
  if (from === dbFile) throw invalid('备份文件就是当前数据库，无需恢复');
  if (!statSync(from).isFile()) throw refuse(`${from} 是文件夹，请指定其中的备份文件`);
  const kind = sniffBackup(from);
  if (!kind) throw refuse('该文件不是本程序的备份（既不是备份包，也不是有效的数据库文件）');

  const stamp = fileStamp(now);
  const staging = `${dbFile}.restore-${stamp}.tmp`;
  const livePhotos = attachmentsDir(dbFile);
  const stagingPhotos = kind === 'archive' ? `${livePhotos}.restore-${stamp}.tmp` : null;
  const cleanup = () => {
    rmSync(staging, { force: true });
    for (const s of SIDECARS) rmSync(staging + s, { force: true });
    if (stagingPhotos) rmSync(stagingPhotos, { recursive: true, force: true });
  };
  cleanup();
  try {
    // 1. the backup read into staging files beside the database (same disk, so the final moves are atomic), and checked
    const { check, manifest } = kind === 'archive' ? await stageArchive(from, staging, stagingPhotos ?? '', opts) : await stageDatabase(from, staging, opts);

    // 2. nobody may have the database open: replacing it under a running desk would corrupt it
    if (existsSync(dbFile)) assertNotInUse(dbFile, opts);

    // 3. the current database and photos kept aside, then replaced
    const safetyCopy = existsSync(dbFile) ? await keepSafetyCopy(dbFile, stamp, opts) : null;
    let photosAside: string | null = null;
    if (stagingPhotos) {
      if (existsSync(livePhotos)) {
        photosAside = freeName(`${livePhotos}.before-restore-${stamp}`, '');
        try {
          renameSync(livePhotos, photosAside);
        } catch (err) {
          throw refuse(`无法移开现有的照片文件夹 ${livePhotos}（${fsReason(err)}；是否有程序正在打开其中的照片？）`);
        }
      }
      try {
        renameSync(stagingPhotos, livePhotos);
      } catch (err) {
        if (photosAside) renameSync(photosAside, livePhotos);
        throw refuse(`无法放入备份中的照片（${fsReason(err)}）`);
      }
    }
    for (const s of SIDECARS) rmSync(dbFile + s, { force: true });
    try {
      renameSync(staging, dbFile);
    } catch (err) {
      // the photos back as they were, so database and photos still belong together
      let photosBack = true;
      if (stagingPhotos)
        try {
          renameSync(livePhotos, stagingPhotos);
          if (photosAside) renameSync(photosAside, livePhotos);
        } catch {
          photosBack = false;
        }
      throw new UserError(
        'FILE',
        `无法替换数据库文件（${fsReason(err)}）。原数据库的副本在：${safetyCopy ?? '无'}${photosBack || !photosAside ? '' : `；原照片文件夹在：${photosAside}`}`,
      );
    }
    return {
      dbFile,
      safetyCopy,
      schemaVersion: check.schemaVersion,
      tables: check.tables,
      photos: manifest ? { restored: manifest.photos.length, missing: manifest.missingPhotos.length, safetyCopy: photosAside } : null,
    };
  } finally {
    cleanup();
  }
}

/** The checks every restored database passes, whichever file it came in. */
function checkDatabase(check: Inspection): void {
  if (check.problem) throw refuse(`备份文件无法使用：${check.problem}`);
  if (!('houses' in check.tables) || !('people' in check.tables)) throw refuse('该文件不是本程序的数据库备份');
  const newer = versionRefusal(check);
  if (newer) throw refuse(newer);
}

async function stageArchive(from: string, staging: string, stagingPhotos: string, o: Opener): Promise<{ check: Inspection; manifest: Manifest }> {
  let manifest: Manifest;
  try {
    manifest = await readArchive(from, { dbFile: staging, photosDir: stagingPhotos });
  } catch (err) {
    if (err instanceof BackupFileProblem) throw refuse(err.message);
    throw err;
  }
  // the manifest speaks first: a newer program's backup is named as such even if its database would also fail
  const newer = versionRefusal({ schemaVersion: manifest.schemaVersion, lastMigration: manifest.lastMigration, unknownMigrations: [] });
  if (newer) throw refuse(newer);
  const check = inspectDatabase(staging, o);
  checkDatabase(check);
  const diff = countsDiffer(manifest.tables, check.tables);
  if (diff) throw refuse(`备份中的数据库与清单不符：${diff}`);
  return { check, manifest };
}

async function stageDatabase(from: string, staging: string, o: Opener): Promise<{ check: Inspection; manifest: null }> {
  const short = databaseShortfall(from, statSync(from).size);
  if (short) throw refuse(short);
  // the backup itself first, read-only
  const check = inspectDatabase(from, o);
  checkDatabase(check);
  const src = openReadonly(from, o);
  try {
    await src.backup(staging);
  } catch (err) {
    throw refuse(`无法在数据库所在目录写入恢复用的临时文件（${fsReason(err)}）`);
  } finally {
    src.close();
  }
  makeSelfContained(staging, o);
  const staged = inspectDatabase(staging, o);
  const diff = staged.problem ?? countsDiffer(check.tables, staged.tables);
  if (diff) throw refuse(`复制备份时出错：${diff}`);
  return { check, manifest: null };
}

/** Takes an exclusive lock for a moment: it fails while any other connection (the running app) holds the file. */
function assertNotInUse(dbFile: string, o: Opener): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { fileMustExist: true, nativeBinding: nativeBindingOf(o.nativeBinding) });
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

/** `base + ext`, or `base-2 + ext`, … : the first name not taken. */
function freeName(base: string, ext: string): string {
  let name = `${base}${ext}`;
  for (let i = 2; existsSync(name); i++) name = `${base}-${i}${ext}`;
  return name;
}

/**
 * The database as it is now, as one file beside it. Online backup when the file is readable;
 * when it is damaged (often why one restores), its files are copied as they are.
 */
async function keepSafetyCopy(dbFile: string, stamp: string, o: Opener): Promise<string> {
  const target = freeName(`${dbFile}.before-restore-${stamp}`, '.sqlite');
  try {
    const cur = new Database(dbFile, { fileMustExist: true, nativeBinding: nativeBindingOf(o.nativeBinding) });
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
