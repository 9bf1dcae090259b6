import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { SettingsT } from '../../../shared/contract/system';
import { prepared } from '../desk/prepared';

const KEY = 'app.settings';
export const DEFAULT_SETTINGS: SettingsT = {
  showFullIdNumbers: false,
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
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as Partial<SettingsT>) };
}

/** The staff name alone: every save asks for it, and the settings may carry a logo of several hundred KB to parse. */
export function staffNameSync(sqlite: Database.Database): string {
  const name = prepared(sqlite, "select json_extract(value, '$.staffName') from settings where key = ? and json_valid(value)").pluck().get(KEY);
  return typeof name === 'string' && name ? name : DEFAULT_SETTINGS.staffName;
}

export async function writeSettings(ctx: Pick<CoreContext, 'db'>, patch: Partial<SettingsT>): Promise<SettingsT> {
  const next = { ...(await readSettings(ctx)), ...patch };
  await ctx.db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
    .execute();
  return next;
}
