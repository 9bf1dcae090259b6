import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DB } from './schema';
import { migrations } from './migrations';
import { seedOfficialCalendar } from './seed';

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

export function openSqlite(opts: OpenOptions): Database.Database {
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
  const sqlite = new Database(opts.file, { nativeBinding: opts.nativeBinding, readonly: opts.readonly ?? false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: in WAL mode NORMAL may lose the last commits on a power cut, and a receipt handed to an owner must survive one (docs/PERFORMANCE.md)
  sqlite.pragma('synchronous = FULL');
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

/** Opens the database file, migrates it, loads the shipped reference data and returns the Kysely handle. */
export async function openDatabase(opts: OpenOptions): Promise<Database_> {
  const sqlite = openSqlite(opts);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, sqlite);
  if (!opts.readonly) await seedOfficialCalendar(db);
  return {
    db,
    sqlite,
    file: opts.file,
    close: async () => {
      await db.destroy();
    },
  };
}
