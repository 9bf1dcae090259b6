import type { Kysely } from 'kysely';

// The ticket list's commonest combined filter (status + type) counted without a table scan
// (measured by tests/bench/tickets-bench.ts: 122 ms → see the bench output at 100k tickets).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_type_status_received').on('tickets').columns(['type', 'status', 'received_at']).execute();
}
