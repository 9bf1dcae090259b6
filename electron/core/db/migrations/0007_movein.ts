import type { Kysely } from 'kysely';

// 交付 / 入住 (PRODUCT.md §4): one delivery plan per building, and the handover of each house.
// A handover is never deleted: voiding it keeps the row and puts the house back to status_before.
// JSON columns: checklist (ids of the items checked), keys [{name, qty}], meters {water, electricity, gas},
// defects [{location, description, ticketId, ticketNo}], signatures {owner, staff}.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('delivery_plans')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('building_id', 'integer', (c) => c.notNull().unique().references('buildings.id'))
    .addColumn('date', 'text')
    .addColumn('place', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('house_id', 'integer', (c) => c.notNull().references('houses.id'))
    .addColumn('handed_at', 'text', (c) => c.notNull())
    .addColumn('staff', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('meters', 'text', (c) => c.notNull())
    .addColumn('defects', 'text', (c) => c.notNull())
    .addColumn('signatures', 'text', (c) => c.notNull())
    .addColumn('receiver_name', 'text', (c) => c.notNull())
    .addColumn('receiver_phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('status_before', 'text', (c) => c.notNull())
    .addColumn('moved_in_date', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('void_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handovers_house').on('handovers').columns(['house_id', 'handed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('handovers').execute();
  await db.schema.dropTable('delivery_plans').execute();
}
