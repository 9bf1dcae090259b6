import { sql, type Kysely } from 'kysely';

// The service desk: tickets with their timeline, holds, callbacks, attachments, and the working
// calendar's table. The official holidays are loaded after the migrations (db/seed.ts), so this
// migration stays as released when a new year's notice is published.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('no', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('estate_id', 'integer', (c) => c.notNull().references('estates.id'))
    .addColumn('house_id', 'integer', (c) => c.references('houses.id'))
    .addColumn('building_id', 'integer', (c) => c.references('buildings.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subcategory', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('reporter', 'text')
    .addColumn('phone', 'text')
    .addColumn('phone_digits', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('expected_visit_at', 'text')
    .addColumn('received_by', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_before_hold', 'text')
    .addColumn('department', 'text')
    .addColumn('assignee', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('callback_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    // stored deadlines (recomputed on every event) so due-soon/overdue lists are index lookups
    .addColumn('respond_due_at', 'text')
    .addColumn('resolve_due_at', 'text')
    .addColumn('sla_clock', 'text', (c) => c.notNull().defaultTo('calendar'))
    .addColumn('respond_minutes', 'integer')
    .addColumn('resolve_minutes', 'integer')
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tickets_received').on('tickets').column('received_at').execute();
  await db.schema.createIndex('tickets_status_received').on('tickets').columns(['status', 'received_at']).execute();
  await db.schema.createIndex('tickets_type_received').on('tickets').columns(['type', 'received_at']).execute();
  await db.schema.createIndex('tickets_house').on('tickets').columns(['house_id', 'received_at']).execute();
  await db.schema.createIndex('tickets_building').on('tickets').columns(['building_id', 'received_at']).execute();
  await db.schema.createIndex('tickets_department').on('tickets').columns(['department', 'received_at']).execute();
  await db.schema.createIndex('tickets_category').on('tickets').columns(['category', 'received_at']).execute();
  await db.schema.createIndex('tickets_phone').on('tickets').column('phone_digits').execute();
  await sql`create index tickets_open_resolve_due on tickets (resolve_due_at) where status in ('已受理','已派工','处理中')`.execute(db);
  await sql`create index tickets_open_respond_due on tickets (respond_due_at) where responded_at is null and status in ('已受理','已派工','处理中')`.execute(db);

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'at']).execute();

  await db.schema
    .createTable('ticket_holds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text')
    .execute();
  await db.schema.createIndex('ticket_holds_ticket').on('ticket_holds').column('ticket_id').execute();

  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('resolved', 'integer', (c) => c.notNull())
    .addColumn('satisfaction', 'text')
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('staff', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callbacks_ticket').on('callbacks').column('ticket_id').execute();
  await db.schema.createIndex('callbacks_at').on('callbacks').column('at').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_ticket').on('attachments').column('ticket_id').execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('counters').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'integer', (c) => c.notNull()).execute();
}
