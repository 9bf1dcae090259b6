import type { Kysely } from 'kysely';

// Speed of the search (issue 10): name n-grams and digit indexes. Kept empty until that work lands.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
