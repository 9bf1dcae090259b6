import type Database from 'better-sqlite3';

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

/** The audit_log line db/audit.ts writes, from a prepared statement: who, when, what. */
export function auditor(sqlite: Database.Database, actor: string): (entity: string, entityId: number | null, action: string, detail?: unknown) => void {
  const write = inserter(sqlite, 'audit_log', ['at', 'actor', 'entity', 'entity_id', 'action', 'detail'] as const);
  const who = actor || '系统';
  return (entity, entityId, action, detail) => {
    write({ at: new Date().toISOString(), actor: who, entity, entity_id: entityId, action, detail: detail === undefined ? null : JSON.stringify(detail) });
  };
}
