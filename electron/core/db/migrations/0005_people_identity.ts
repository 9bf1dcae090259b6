import type { Kysely } from 'kysely';

// 添加住户 looks for a person already on file by ID number before creating a second record
// (docs/ARCHITECTURE.md, "People"); without this index every check scans all people.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('people_id_number').on('people').column('id_number').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_id_number').execute();
}
