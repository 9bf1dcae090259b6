import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { dirname } from 'node:path';
import type { DB } from './schema';
import { migrations } from './migrations';
import { seedOfficialCalendar } from './seed';
import { makeDirs } from '../backup/files';

export type Db = Kysely<DB>;

export interface OpenOptions {
  /** absolute path of the database file, or ':memory:' */
  file: string;
  /** Electron loads an addon built for its own ABI (see scripts/native-electron.mjs) */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface Database_ {
  db: Db;
  sqlite: Database.Database;
  file: string;
  close(): Promise<void>;
}

/**
 * The addon every connection of this process loads when none is named: a process runs under one ABI,
 * and the Electron shell sets its build at start (electron/main/open-core.ts), so the backup code's own
 * connections (backup/inspect.ts, restore.ts) load it too. Unset (Node: tests, CLI, harness): better-sqlite3's default.
 */
let processNativeBinding: string | undefined;
export function setNativeBinding(file: string | undefined): void {
  processNativeBinding = file;
}
export function nativeBindingOf(given?: string): string | undefined {
  return given ?? processNativeBinding;
}

export function openSqlite(opts: OpenOptions): Database.Database {
  // not mkdirSync(…, { recursive: true }): it spins for ever under /proc (backup/files.ts)
  if (opts.file !== ':memory:') makeDirs(dirname(opts.file), '数据库所在文件夹');
  const sqlite = new Database(opts.file, { nativeBinding: nativeBindingOf(opts.nativeBinding), readonly: opts.readonly ?? false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: in WAL mode NORMAL may lose the last commits on a power cut, and a receipt handed to an owner must survive one (docs/PERFORMANCE.md)
  sqlite.pragma('synchronous = FULL');
  // statement journals in memory: inside a transaction every insert that fires a trigger (the search keys of
  // migration 0010) writes one, and as a temp file that cost ~0.25 ms a row, 8× the insert (docs/PERFORMANCE.md)
  sqlite.pragma('temp_store = MEMORY');
  // 64 MB of page cache instead of 2 MB: the search-key triggers write scattered index pages, and a 20,000-row
  // roster import missed the small cache on most of them (4.8–5.4 s → 3.0–4.4 s in the same runs, docs/PERFORMANCE.md)
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations (each in its own transaction) and records the schema version. */
export async function migrate(db: Db, sqlite: Database.Database): Promise<number> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new Error(`数据库升级失败（${failed}）：${error instanceof Error ? error.message : String(error)}`);
  }
  const version = Object.keys(migrations).length;
  sqlite.pragma(`user_version = ${version}`);
  return version;
}

export function schemaVersion(sqlite: Database.Database): number {
  return Number(sqlite.pragma('user_version', { simple: true }));
}

/**
 * Keeps the query planner's statistics current the way SQLite recommends for long-lived connections
 * (docs/PERFORMANCE.md): at open, `optimize=0x10002` analyses tables that have no statistics or have
 * changed a lot, bounded by `analysis_limit` (about 0.3 s for a 500,000-ticket file that has none, well
 * under 1 ms otherwise); before close and after bulk imports, plain `optimize`.
 */
export function optimizeDatabase(sqlite: Database.Database, atOpen = false): void {
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma(atOpen ? 'optimize = 0x10002' : 'optimize');
}

/** Opens the database file, migrates it, loads the shipped reference data and returns the Kysely handle. */
export async function openDatabase(opts: OpenOptions): Promise<Database_> {
  const sqlite = openSqlite(opts);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, sqlite);
  if (!opts.readonly) {
    await seedOfficialCalendar(db);
    optimizeDatabase(sqlite, true);
  }
  return {
    db,
    sqlite,
    file: opts.file,
    close: async () => {
      if (!opts.readonly && sqlite.open) optimizeDatabase(sqlite);
      await db.destroy();
    },
  };
}
