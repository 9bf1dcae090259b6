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

export async function recallMapping(db: Kysely<DB>, headers: string[]): Promise<RosterMappingT | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', mappingKey(headers)).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = RosterMapping.safeParse((JSON.parse(row.value) as { mapping?: unknown }).mapping);
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // a damaged setting is ignored, the suggestion is used instead
  }
}

export async function rememberMapping(db: Kysely<DB>, headers: string[], mapping: RosterMappingT): Promise<void> {
  const value = JSON.stringify({ headers, mapping });
  await db
    .insertInto('settings')
    .values({ key: mappingKey(headers), value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
