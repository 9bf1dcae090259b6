// Kysely table types of the movein domain (its migration: core/db/migrations). Same conventions as schema.ts.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MoveinTables {}
