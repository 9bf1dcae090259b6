import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { RosterMapping, type RosterMappingT } from '../../../../shared/contract/imports';
import { headerSignature } from './headers';

// The user's column mapping is remembered per header layout: the next roster exported by the
// same system has the same header names and is mapped the same way without asking again.
const PREFIX = 'import.roster.mapping.';

export function mappingKey(headers: string[]): string {
  return PREFIX + headerSignature(headers);
}

export function recallMapping(db: Kysely<DB>, headers: string[]): Promise<RosterMappingT | null> {
  return recallStored(db, mappingKey(headers), RosterMapping);
}

export function rememberMapping(db: Kysely<DB>, headers: string[], mapping: RosterMappingT): Promise<void> {
  return storeMapping(db, mappingKey(headers), headers, mapping);
}

/** A remembered mapping under any key (rosters and ledgers keep theirs apart), checked by its schema. */
export async function recallStored<T>(db: Kysely<DB>, key: string, schema: z.ZodType<T>): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = schema.safeParse((JSON.parse(row.value) as { mapping?: unknown }).mapping);
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // a damaged setting is ignored, the suggestion is used instead
  }
}

export async function storeMapping(db: Kysely<DB>, key: string, headers: string[], mapping: unknown): Promise<void> {
  const value = JSON.stringify({ headers, mapping });
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
