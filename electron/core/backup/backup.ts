import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError, invalid } from '../errors';
import { attachmentsDir } from '../desk/attachments';
import { DB_MEMBER, FORMAT, FORMAT_VERSION, MANIFEST_MEMBER, BackupFileProblem, photoMember, readArchive, type Manifest } from './archive';
import { fsReason, makeDirs } from './files';
import { countsDiffer, inspectDatabase, makeSelfContained, openReadonly, tableCounts, type Opener } from './inspect';
import { fileStamp } from './stamp';
import { TarWriter, type Member } from './tar';

export interface BackupOptions extends Opener {
  /** the time in the file name (backupIntoFolder) and the manifest; default now */
  now?: Date;
}

export interface BackupReport {
  file: string;
  bytes: number;
  schemaVersion: number;
  lastMigration: string | null;
  tables: Record<string, number>;
  photos: {
    files: number;
    bytes: number;
    /** attachments/<ticket id>/<name> of photo rows whose file was not there (already lost before this backup) */
    missing: string[];
  };
}

/** "frontdesk-20261122-165203.tar": file names sort by time and read as the staff's clock. */
const backupFileName = (now: Date) => `frontdesk-${fileStamp(now)}.tar`;

/** Where `--out` points: a file, or a folder that gets "frontdesk-20261122-165203.tar". */
export function backupTarget(out: string, now: Date): string {
  const p = resolve(out);
  // "backups/" names a folder even before it exists
  if (/[\\/]$/.test(out) || (existsSync(p) && statSync(p).isDirectory())) return join(p, backupFileName(now));
  return p;
}

/** A backup into a folder (a USB stick, a share), named by the time: what a schedule and the settings screen call. */
export async function backupIntoFolder(sqlite: Database.Database, folder: string, o: BackupOptions = {}): Promise<BackupReport> {
  return backupDatabase(sqlite, join(resolve(folder), backupFileName(o.now ?? new Date())), o);
}

const removeSidecars = (file: string) => {
  for (const s of ['-wal', '-shm', '-journal']) rmSync(file + s, { force: true });
};

/** The database copy, proven: integrity_check passes and every table has the source's row count. */
async function copyDatabase(
  sqlite: Database.Database,
  tmp: string,
  o: Opener,
): Promise<{ schemaVersion: number; lastMigration: string | null; tables: Record<string, number> }> {
  // a write by another connection between copying and counting would look like a bad copy: try again
  for (let attempt = 1; ; attempt++) {
    rmSync(tmp, { force: true });
    removeSidecars(tmp);
    try {
      await sqlite.backup(tmp);
    } catch (err) {
      throw new UserError('FILE', `备份失败：无法复制数据库（${err instanceof Error ? err.message : String(err)}）`);
    }
    makeSelfContained(tmp, o);
    const copy = inspectDatabase(tmp, o);
    if (copy.problem) throw new UserError('FILE', `备份校验失败：${copy.problem}`);
    const diff = countsDiffer(tableCounts(sqlite), copy.tables);
    if (!diff) return copy;
    if (attempt >= 3) throw new UserError('FILE', `备份校验失败：${diff}`);
  }
}

/** The photo rows of the copied database: the photos that belong in this backup, whatever else lies in the folder. */
function photoRows(copy: string, o: Opener): { ticketId: number; storedName: string }[] {
  const db = openReadonly(copy, o);
  try {
    return db.prepare('select ticket_id as ticketId, stored_name as storedName from attachments order by id').all() as {
      ticketId: number;
      storedName: string;
    }[];
  } finally {
    db.close();
  }
}

/**
 * Writes one backup file (docs/BACKUP.md): a tar holding the database, copied with SQLite's online
 * backup (safe while the desk works), every photo its attachment rows refer to, and a manifest.
 * The copy of the database is proven first (integrity_check, same row counts); the archive is
 * written beside the target, flushed, read back and checked against its manifest, and only then
 * moved into place, so an earlier good backup of the same name is never replaced by a bad one.
 */
export async function backupDatabase(sqlite: Database.Database, outFile: string, o: BackupOptions = {}): Promise<BackupReport> {
  const target = resolve(outFile);
  const live = sqlite.name ? resolve(sqlite.name) : '';
  if (live === target) throw invalid('备份文件不能是当前数据库本身，请换一个文件名');
  if (/\.(sqlite3?|db)$/i.test(target)) throw invalid('备份是一个包含数据库和照片的 .tar 文件：请给出一个文件夹，或以 .tar 结尾的文件名');
  if (!live || !existsSync(live)) throw new UserError('FILE', '只能备份保存在磁盘上的数据库');
  makeDirs(dirname(target), '备份目录');

  const token = `${process.pid}-${randomUUID().slice(0, 8)}`;
  // the database copy on the database's own disk (fast); the archive beside the target (same disk as its final name)
  const tmpDb = `${live}.backup-${token}.tmp`;
  const partial = `${target}.partial-${token}`;
  let writer: TarWriter | null = null;
  try {
    const copy = await copyDatabase(sqlite, tmpDb, o);
    const photosRoot = attachmentsDir(live);
    const now = o.now ?? new Date();
    try {
      writer = await TarWriter.create(partial);
    } catch (err) {
      throw new UserError('FILE', `备份失败：无法写入 ${target}（${fsReason(err)}）`);
    }
    const photos: Member[] = [];
    const missing: string[] = [];
    let database: Member;
    try {
      database = await writer.addFile(DB_MEMBER, tmpDb);
      for (const r of photoRows(tmpDb, o)) {
        const name = photoMember(r.ticketId, r.storedName);
        const src = join(photosRoot, String(r.ticketId), r.storedName);
        if (!name || !statSync(src, { throwIfNoEntry: false })?.isFile()) missing.push(`attachments/${r.ticketId}/${r.storedName}`);
        else photos.push(await writer.addFile(name, src));
      }
      const manifest: Manifest = {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: now.toISOString(),
        schemaVersion: copy.schemaVersion,
        lastMigration: copy.lastMigration,
        tables: copy.tables,
        database,
        photos,
        missingPhotos: missing,
      };
      await writer.addBuffer(MANIFEST_MEMBER, Buffer.from(JSON.stringify(manifest, null, 1)), now);
      await writer.finish();
      writer = null;
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError('FILE', `备份失败：无法写入 ${target}（${fsReason(err)}）`);
    }

    // read back what reached the disk, part by part
    try {
      await readArchive(partial);
    } catch (err) {
      throw new UserError('FILE', `备份校验失败：写入后读回的内容不符（${err instanceof BackupFileProblem ? err.message : fsReason(err)}）`);
    }
    try {
      renameSync(partial, target);
    } catch (err) {
      throw new UserError('FILE', `备份失败：无法保存为 ${target}（${fsReason(err)}）`);
    }
    return {
      file: target,
      bytes: statSync(target).size,
      schemaVersion: copy.schemaVersion,
      lastMigration: copy.lastMigration,
      tables: copy.tables,
      photos: { files: photos.length, bytes: photos.reduce((n, p) => n + p.size, 0), missing },
    };
  } finally {
    await writer?.abort();
    rmSync(tmpDb, { force: true });
    removeSidecars(tmpDb);
    rmSync(partial, { force: true });
  }
}
