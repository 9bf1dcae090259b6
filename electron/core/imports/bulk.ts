import type Database from 'better-sqlite3';
import { auditDetailText } from '../db/audit';

// Set-based writes for the imports (docs/PERFORMANCE.md): each statement is prepared once per import
// and run once per row on the connection the surrounding Kysely transaction holds, so a 20,000-row
// roster costs 20,000 executions of a compiled statement instead of 20,000 Kysely compilations
// and prepares. Call these only inside that transaction: all of it commits, or none.

export type Value = string | number | null;

/** `insert into table (columns…) values (@columns…)`, returning each row's new id. */
export function inserter<C extends string>(sqlite: Database.Database, table: string, columns: readonly C[]): (row: Record<C, Value>) => number {
  const stmt = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
  return (row) => Number(stmt.run(row).lastInsertRowid);
}

/** `update table set … where id = ?` for whichever columns a change touches; one statement per column set. */
export function updater(sqlite: Database.Database, table: string): (id: number, set: Record<string, Value>) => void {
  const cache = new Map<string, Database.Statement>();
  return (id, set) => {
    const cols = Object.keys(set);
    const key = cols.join(',');
    let stmt = cache.get(key);
    if (!stmt) {
      stmt = sqlite.prepare(`update ${table} set ${cols.map((c) => `${c} = @${c}`).join(', ')} where id = @__id`);
      cache.set(key, stmt);
    }
    stmt.run({ ...set, __id: id });
  };
}

/** The audit_log line db/audit.ts writes, from a prepared statement: who, when, what, with ID numbers masked the same way (auditDetailText). */
export function auditor(sqlite: Database.Database, actor: string): (entity: string, entityId: number | null, action: string, detail?: unknown) => void {
  const write = inserter(sqlite, 'audit_log', ['at', 'actor', 'entity', 'entity_id', 'action', 'detail'] as const);
  const who = actor || '系统';
  return (entity, entityId, action, detail) => {
    write({ at: new Date().toISOString(), actor: who, entity, entity_id: entityId, action, detail: auditDetailText(detail) });
  };
}

// person_keys (migration 0010) for the people inserted after `after`, in one statement. The same keys
// as the people_keys_insert trigger writes row by row; tests/unit/imports/deferred-keys.test.ts checks
// both give the same rows. Ordered by the primary key, so the rows go into the index in order.
const personKeysAfter = (): string => {
  const live = 'p.id > @after and p.voided_at is null';
  const row = (pinyin: string) => `length(p.name), p.name, p.id, ${pinyin}`;
  return `insert or ignore into person_keys (key, kind, len, name, person_id, pinyin)
    select * from (
      select substr(p.name, s.n, 1), min(s.n, 2), ${row('null')} from people p, search_numbers s where ${live} and s.n <= length(p.name)
      union all select substr(p.name, s.n, 2), min(s.n, 2), ${row('null')} from people p, search_numbers s where ${live} and s.n < length(p.name)
      union all select p.name_initials, 3, ${row('null')} from people p where ${live} and p.name_initials <> ''
      union all select substr(p.name_initials, 1, s.n), 4, ${row('null')} from people p, search_numbers s where ${live} and s.n < length(p.name_initials)
      union all select substr(p.name_pinyin, 1, s.n), 5, ${row('p.name_pinyin')} from people p, search_numbers s where ${live} and s.n between 2 and min(4, length(p.name_pinyin))
    ) order by 1, 2, 3, 4, 5`;
};

/**
 * Runs a bulk write that inserts many people with their search keys written afterwards in one sorted
 * statement instead of by the insert trigger row by row (a third less time for a 20,000-row roster,
 * docs/PERFORMANCE.md "Imports"). The trigger is dropped and created again inside the caller's
 * transaction: SQLite's schema changes are transactional, so a failure or a crash rolls back to the
 * trigger in place, and no other connection ever sees the database without it.
 */
export function withDeferredPersonKeys<T>(sqlite: Database.Database, write: () => T): T {
  const trigger = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = 'people_keys_insert'").pluck().get() as string | undefined;
  if (!trigger || !sqlite.inTransaction) return write();
  const after = (sqlite.prepare('select coalesce(max(id), 0) from people').pluck().get() as number) ?? 0;
  sqlite.exec('drop trigger people_keys_insert');
  try {
    const out = write();
    sqlite.prepare(personKeysAfter()).run({ after });
    return out;
  } finally {
    sqlite.exec(trigger);
  }
}
