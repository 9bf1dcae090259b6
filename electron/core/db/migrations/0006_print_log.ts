import type { Kysely } from 'kysely';

// Every print, PDF and Word file of a document is logged: what, for whom, by whom, when (docs/PRINTING.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('print_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('house_id', 'integer', (c) => c.references('houses.id'))
    .addColumn('ref_id', 'integer')
    .execute();
  await db.schema.createIndex('print_log_kind_ref').on('print_log').columns(['kind', 'ref_id', 'at']).execute();
  await db.schema.createIndex('print_log_house').on('print_log').columns(['house_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('print_log').execute();
}
