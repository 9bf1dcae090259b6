import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError, invalid } from '../errors';
import { countsDiffer, inspectDatabase, makeSelfContained, tableCounts, type Opener } from './inspect';
import { fileStamp } from './stamp';

export interface BackupReport {
  file: string;
  bytes: number;
  schemaVersion: number;
  tables: Record<string, number>;
}

/** Where `--out` points: a file, or a folder that gets "frontdesk-20261122-165203.sqlite". */
export function backupTarget(out: string, now: Date): string {
  const p = resolve(out);
  // "backups/" names a folder even before it exists
  if (/[\\/]$/.test(out) || (existsSync(p) && statSync(p).isDirectory())) return join(p, `frontdesk-${fileStamp(now)}.sqlite`);
  return p;
}

const removeSidecars = (file: string) => {
  for (const s of ['-wal', '-shm', '-journal']) rmSync(file + s, { force: true });
};

/**
 * Copies the open database with SQLite's online backup (safe while the desk is working), then
 * proves the copy: it passes integrity_check and every table has the same number of rows as the
 * source. The copy is written beside the target and moved into place only once proven, so an
 * earlier good backup of the same name is never replaced by a bad one.
 */
export async function backupDatabase(sqlite: Database.Database, outFile: string, o: Opener = {}): Promise<BackupReport> {
  const target = resolve(outFile);
  if (sqlite.name && resolve(sqlite.name) === target) throw invalid('备份文件不能是当前数据库本身，请换一个文件名');
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch {
    throw new UserError('FILE', `无法创建备份目录：${dirname(target)}`);
  }
  const tmp = `${target}.partial-${process.pid}`;
  try {
    // a write by another connection between copying and counting would look like a bad copy: try again
    for (let attempt = 1; ; attempt++) {
      rmSync(tmp, { force: true });
      removeSidecars(tmp);
      try {
        await sqlite.backup(tmp);
      } catch (err) {
        throw new UserError('FILE', `备份失败：无法写入 ${target}（${err instanceof Error ? err.message : String(err)}）`);
      }
      makeSelfContained(tmp, o);
      const copy = inspectDatabase(tmp, o);
      if (copy.problem) throw new UserError('FILE', `备份校验失败：${copy.problem}`);
      const diff = countsDiffer(tableCounts(sqlite), copy.tables);
      if (!diff) {
        removeSidecars(target);
        renameSync(tmp, target);
        return { file: target, bytes: statSync(target).size, schemaVersion: copy.schemaVersion, tables: copy.tables };
      }
      if (attempt >= 3) throw new UserError('FILE', `备份校验失败：${diff}`);
    }
  } finally {
    rmSync(tmp, { force: true });
    removeSidecars(tmp);
  }
}
