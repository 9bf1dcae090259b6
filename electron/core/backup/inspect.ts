import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { migrations } from '../db/migrations';
import { nativeBindingOf } from '../db/connection';

/** The newest data version this program can open (one per migration, see db/connection.ts). */
export const KNOWN_SCHEMA_VERSION = Object.keys(migrations).length;
/** Migration names start with their number, so the greatest is the newest step. */
const newestOf = (names: string[]): string | null => [...names].sort().at(-1) ?? null;
const KNOWN_LAST_MIGRATION = newestOf(Object.keys(migrations));

export interface Opener {
  /** Electron loads an addon built for its own ABI; Node (CLI, tests) leaves this unset */
  nativeBinding?: string;
}

export interface Inspection {
  /** null when the file is a sound SQLite database, else what is wrong with it, in Chinese */
  problem: string | null;
  schemaVersion: number;
  /** migrations recorded in the file that this program does not have */
  unknownMigrations: string[];
  /** the newest migration recorded in the file */
  lastMigration: string | null;
  tables: Record<string, number>;
}

export function openReadonly(file: string, o: Opener = {}): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingOf(o.nativeBinding) });
}

/** Row counts of every user table: the fingerprint a copy must match. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const names = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name")
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const n of names)
    out[n] = Number(
      db
        .prepare(`select count(*) from "${n.replace(/"/g, '""')}"`)
        .pluck()
        .get(),
    );
  return out;
}

/** Opens a file read-only and checks it from end to end (PRAGMA integrity_check), never writing to it. */
export function inspectDatabase(file: string, o: Opener = {}): Inspection {
  let db: Database.Database | null = null;
  try {
    db = openReadonly(file, o);
    const lines = db.prepare('pragma integrity_check').pluck().all() as string[];
    if (lines.length !== 1 || lines[0] !== 'ok')
      return { problem: `完整性检查未通过（${lines.slice(0, 3).join('；')}）`, schemaVersion: 0, unknownMigrations: [], lastMigration: null, tables: {} };
    const tables = tableCounts(db);
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const recorded = 'kysely_migration' in tables ? (db.prepare('select name from kysely_migration').pluck().all() as string[]) : [];
    const unknownMigrations = recorded.filter((n) => !Object.hasOwn(migrations, n));
    return { problem: null, schemaVersion, unknownMigrations, lastMigration: newestOf(recorded), tables };
  } catch (err) {
    return { problem: describeSqliteError(err), schemaVersion: 0, unknownMigrations: [], lastMigration: null, tables: {} };
  } finally {
    db?.close();
  }
}

/**
 * Why a database from a backup cannot be opened by this program, naming the versions on both sides
 * (the newest migration of each), or null when it can.
 */
export function versionRefusal(check: Pick<Inspection, 'schemaVersion' | 'unknownMigrations' | 'lastMigration'>): string | null {
  const ours = `版本 ${KNOWN_SCHEMA_VERSION}（${KNOWN_LAST_MIGRATION ?? '无'}）`;
  if (check.schemaVersion > KNOWN_SCHEMA_VERSION)
    return `该备份来自较新版本的程序：备份的数据版本 ${check.schemaVersion}（${check.lastMigration ?? '未记录升级步骤'}），本程序只支持到${ours}。请先升级程序再恢复`;
  if (check.unknownMigrations.length > 0)
    return `该备份来自另一版本的程序：其中有本程序不认识的升级步骤 ${check.unknownMigrations.join('、')}（本程序的数据为${ours}）。请用生成该备份的程序版本恢复，或先升级程序`;
  return null;
}

/** 'database' for an SQLite file (the backups of earlier versions), 'archive' for a tar (docs/BACKUP.md), else null. */
export function sniffBackup(file: string): 'database' | 'archive' | null {
  const head = readHead(file, 512);
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000') return 'database';
  if (head.length === 512 && head.subarray(257, 263).toString('latin1') === 'ustar\u0000') return 'archive';
  return null;
}

function readHead(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A database file shorter than its header says (a copy cut short), in Chinese, or null. The header's
 * page count is trusted only when SQLite marks it valid (offset 92 equals the change counter at 24).
 */
export function databaseShortfall(file: string, size: number): string | null {
  const h = readHead(file, 100);
  if (h.length < 100) return `备份文件不完整（只有 ${formatBytes(size)}）`;
  const raw = h.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = h.readUInt32BE(28);
  if (h.readUInt32BE(92) !== h.readUInt32BE(24) || pages === 0) return null;
  const expected = pageSize * pages;
  return size < expected ? `备份文件不完整（应有 ${formatBytes(expected)}，实际只有 ${formatBytes(size)}；复制时可能中断了）` : null;
}

export function describeSqliteError(err: unknown): string {
  const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'SQLITE_NOTADB') return '不是有效的数据库文件';
  if (code.startsWith('SQLITE_CORRUPT')) return '文件已损坏';
  if (code.startsWith('SQLITE_CANTOPEN')) return '无法打开文件';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return '文件正被其他程序使用';
  return `无法读取（${err instanceof Error ? err.message : String(err)}）`;
}

/** "1.2 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** First difference between two sets of row counts, in Chinese, or null when equal. */
export function countsDiffer(expected: Record<string, number>, actual: Record<string, number>): string | null {
  for (const [t, n] of Object.entries(expected)) {
    if (!(t in actual)) return `缺少数据表 ${t}`;
    if (actual[t] !== n) return `数据表 ${t} 行数不一致（原 ${n}，备份 ${actual[t]}）`;
  }
  for (const t of Object.keys(actual)) if (!(t in expected)) return `多出数据表 ${t}`;
  return null;
}

/**
 * Turns a fresh copy into one self-contained file: the online backup keeps the source's WAL mode,
 * and a WAL file travelling apart from its -wal sidecar is how copies lose data.
 */
export function makeSelfContained(file: string, o: Opener = {}): void {
  const db = new Database(file, { fileMustExist: true, nativeBinding: nativeBindingOf(o.nativeBinding) });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
