import type { Kysely } from 'kysely';

// 装修登记 and 搬迁放行 (PRODUCT.md §6). Lists (workers, items, fees, inspections) and the optional
// parts (hot work, refund) are JSON text; amounts are integer 分; instants UTC ISO text; the
// renovation period and a pass's validity are China calendar days "YYYY-MM-DD". Nothing is deleted:
// voided_at / void_reason mark a record staff cancelled.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('renovations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('house_id', 'integer', (c) => c.notNull().references('houses.id'))
    .addColumn('permit_no', 'text', (c) => c.notNull().unique())
    .addColumn('applicant', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text')
    .addColumn('contractor', 'text', (c) => c.notNull())
    .addColumn('contractor_contact', 'text')
    .addColumn('contractor_phone', 'text')
    .addColumn('workers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('deposit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fees', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('hot_work', 'text')
    .addColumn('inspections', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text')
    // the house's status before it was set to 装修中, put back on acceptance or voiding
    .addColumn('house_status_before', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('acceptance_note', 'text')
    .addColumn('refund', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('renovations_house').on('renovations').columns(['house_id', 'created_at']).execute();
  await db.schema.createIndex('renovations_status').on('renovations').column('status').execute();

  await db.schema
    .createTable('move_out_passes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('house_id', 'integer', (c) => c.notNull().references('houses.id'))
    .addColumn('pass_no', 'text', (c) => c.notNull().unique())
    .addColumn('applicant', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('plate', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('approver', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text')
    .addColumn('checked_by', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('move_out_passes_house').on('move_out_passes').columns(['house_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('move_out_passes').execute();
  await db.schema.dropTable('renovations').execute();
}
