import type { Db } from './db/connection';
import type Database from 'better-sqlite3';

/** What every service gets: the database and who is at the counter. */
export interface CoreContext {
  db: Db;
  sqlite: Database.Database;
  dbFile: string;
  /** the staff name recorded on audit lines and records (from settings) */
  actor(): Promise<string>;
  now(): Date;
}

/** Which shell is running the core (system.status reports it). */
export type ShellInfo = { kind: 'electron' | 'harness' };
