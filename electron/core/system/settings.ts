import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { SettingsT } from '../../../shared/contract/system';
import { prepared } from '../desk/prepared';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';

const KEY = 'app.settings';
export const DEFAULT_SETTINGS: SettingsT = {
  staffName: '前台',
  companyName: '',
  servicePhone: '',
  logo: null,
  showLogo: true,
  sealPosition: 'right',
  printers: {},
};

export async function readSettings(ctx: Pick<CoreContext, 'db'>): Promise<SettingsT> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS };
  // showFullIdNumbers of databases before masking by role (docs/PRIVACY.md) is dropped, never obeyed
  const { showFullIdNumbers: _retired, ...stored } = JSON.parse(row.value) as Partial<SettingsT> & { showFullIdNumbers?: unknown };
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** The staff name alone: every save asks for it, and the settings may carry a logo of several hundred KB to parse. */
export function staffNameSync(sqlite: Database.Database): string {
  const name = prepared(sqlite, "select json_extract(value, '$.staffName') from settings where key = ? and json_valid(value)").pluck().get(KEY);
  return typeof name === 'string' && name ? name : DEFAULT_SETTINGS.staffName;
}

/** A setting's before → after for the audit line; a logo is only "changed": its data URL is not copied into the log. */
function settingsChanges(before: SettingsT, after: SettingsT): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof SettingsT)[]) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    changes[k] = k === 'logo' ? 'changed' : [before[k] ?? null, after[k] ?? null];
  }
  return changes;
}

export async function writeSettings(ctx: Pick<CoreContext, 'db' | 'actor'>, patch: Partial<SettingsT>): Promise<SettingsT> {
  const before = await readSettings(ctx);
  const next = { ...before, ...patch };
  const changes = settingsChanges(before, next);
  if (!Object.keys(changes).length) return next;
  // attributed to who was at the counter when it was saved (a new staff name applies from the next change)
  const actor = await ctx.actor();
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: KEY, value: JSON.stringify(next) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
      .execute();
    await audit(trx, actor, 'settings', null, 'update', { changes });
  });
  return next;
}
