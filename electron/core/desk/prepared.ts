import type Database from 'better-sqlite3';

// The desk's hot paths (lists, dashboard, intake) run raw statements prepared once per connection:
// Kysely compiles and prepares every query again on each call, which costs more than the query itself
// at these sizes (docs/PERFORMANCE.md). The SQL texts are built from a fixed set of shapes, so the
// cache stays small; it is emptied if a bug ever made it grow.
const MAX = 500;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let st = cache.get(text);
  if (!st) {
    if (cache.size >= MAX) cache.clear();
    st = sqlite.prepare(text);
    cache.set(text, st);
  }
  return st;
}
