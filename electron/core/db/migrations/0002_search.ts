import type { Kysely } from 'kysely';

// The search box matches full pinyin by prefix ("zhangs" → 张三); without this index that is a scan of every person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('people_pinyin').on('people').column('name_pinyin').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_pinyin').execute();
}
