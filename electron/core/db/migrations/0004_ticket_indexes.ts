import type { Kysely } from 'kysely';

// Indexes found by tests/bench/tickets-bench.ts (500,000 tickets):
// - status + type filters counted without a table scan;
// - due-soon / overdue counted from the index alone (covering: no row lookups);
// - "completed today" on the dashboard without a full scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_type_status_received').on('tickets').columns(['type', 'status', 'received_at']).execute();
  await db.schema.createIndex('tickets_status_due').on('tickets').columns(['status', 'resolve_due_at', 'responded_at', 'respond_due_at']).execute();
  await db.schema.createIndex('tickets_completed').on('tickets').column('completed_at').execute();
}
