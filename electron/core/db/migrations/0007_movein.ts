import type { Kysely } from 'kysely';

// Filled in by this domain's issue-8 work: its tables and indexes.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
