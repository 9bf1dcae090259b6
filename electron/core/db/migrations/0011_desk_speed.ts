import type { Kysely } from 'kysely';

// Speed of the ticket lists and dashboard (issue 10): indexes the list queries use. Kept empty until that work lands.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
