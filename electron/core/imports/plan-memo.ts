import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SheetGrid } from './roster/grid';

// The plan a preview computed, kept for the commit that follows it (docs/PERFORMANCE.md). It is keyed
// by the file's grid (the import session holds it, so re-mapping or a new file means a new entry or a
// new key) and by what else the plan depends on (mapping, estate, type chosen for empty rows). It is
// reused only while the database is exactly as it was when the plan was made: no row changed on this
// connection (`total_changes()`), and no other connection committed (`PRAGMA data_version`). Any
// write in between — a house added at the desk, a failed commit rolled back — means the commit plans
// again inside its transaction, as it always did.

interface Kept<P> {
  key: string;
  stamp: string;
  plan: P;
}

/** how many plans were computed and how many commits reused the preview's (tests read it) */
export const planCounts = { computed: 0, reused: 0 };

/** Where the database stands: equal stamps mean nothing was written since. */
async function dbStamp(db: Kysely<DB>): Promise<string> {
  const changes = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  const version = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return `${version.rows[0]?.data_version}|${changes.rows[0]?.n}`;
}

export class PlanMemo<P> {
  private readonly kept = new WeakMap<SheetGrid, Kept<P>>();

  /**
   * Plans (counting it) and keeps the plan with the database's stamp — only when nothing was written
   * while it was being made (its reads are several statements, and other calls run between them).
   */
  async plan(db: Kysely<DB>, grid: SheetGrid, key: string, compute: () => Promise<P>): Promise<P> {
    const before = await dbStamp(db);
    const plan = await compute();
    planCounts.computed++;
    const stamp = await dbStamp(db);
    if (stamp === before) this.kept.set(grid, { key, plan, stamp });
    else this.kept.delete(grid);
    return plan;
  }

  /**
   * The kept plan when nothing changed since it was made, else a new one. Either way the entry is
   * dropped: a commit writes ids into its plan, and after it the database has moved on.
   */
  async take(db: Kysely<DB>, grid: SheetGrid, key: string, compute: () => Promise<P>): Promise<P> {
    const kept = this.kept.get(grid);
    this.kept.delete(grid);
    if (kept && kept.key === key && kept.stamp === (await dbStamp(db))) {
      planCounts.reused++;
      return kept.plan;
    }
    planCounts.computed++;
    return compute();
  }
}
