import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

/** Runs fn in one transaction: all of it lands or none of it does. */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
