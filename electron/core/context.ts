import type { Db } from './db/connection';
import type Database from 'better-sqlite3';
import type { Session } from './accounts/session';

/** What every service gets: the database and who is at the counter. */
export interface CoreContext {
  db: Db;
  sqlite: Database.Database;
  dbFile: string;
  /** who is recorded on audit lines and records: the signed-in user's name (docs/ACCOUNTS.md), else the staff name setting */
  actor(): Promise<string>;
  /** the signed-in user; absent where nobody signs in (the command line signs as 命令行) */
  session?: Session;
  now(): Date;
}

/** Which shell is running the core (system.status reports it). */
export type ShellInfo = { kind: 'electron' | 'harness' };
