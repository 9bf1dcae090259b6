// Reference data loaded after the migrations, so a migration never changes when the data does.
// The State Council publishes each year's holidays and 调休 make-up days around November
// (docs/DOMAIN.md, "Working calendar"); a release that ships a new year adds it to
// resources/cn-public-holidays.json and every database picks it up at its next start.
import holidays from '../../../resources/cn-public-holidays.json' with { type: 'json' };
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** settings key: the years whose official calendar this database has already been given (JSON array) */
export const CALENDAR_SEEDED_KEY = 'calendar.officialYears';

interface OfficialYear {
  holidays: Record<string, string[]>;
  workdays: string[];
}

/** The rows calendar_days gets for one year of the official calendar. */
export function officialCalendarRows(year: OfficialYear): { date: string; kind: 'holiday' | 'workday'; name: string; source: 'official' }[] {
  const rows: { date: string; kind: 'holiday' | 'workday'; name: string; source: 'official' }[] = [];
  for (const [name, dates] of Object.entries(year.holidays)) for (const date of dates) rows.push({ date, kind: 'holiday', name, source: 'official' });
  for (const date of year.workdays) rows.push({ date, kind: 'workday', name: '调休上班', source: 'official' });
  return rows;
}

/**
 * Loads each year of the shipped calendar once. A year is left alone when it was loaded before, or
 * when the database already has days in it (entered by an admin in 工单设置, or loaded by an older
 * version): the admin's own entries and later corrections always win. Returns the years loaded now.
 */
export async function seedOfficialCalendar(db: Kysely<DB>, official: Record<string, OfficialYear> = holidays.years): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', CALENDAR_SEEDED_KEY).executeTakeFirst();
    const done = new Set<string>(row ? (JSON.parse(row.value) as string[]) : []);
    const loaded: string[] = [];
    for (const [year, data] of Object.entries(official)) {
      if (done.has(year)) continue;
      done.add(year);
      const existing = await trx
        .selectFrom('calendar_days')
        .select('date')
        .where('date', '>=', `${year}-01-01`)
        .where('date', '<=', `${year}-12-31`)
        .executeTakeFirst();
      if (existing) continue;
      const rows = officialCalendarRows(data);
      if (rows.length)
        await trx
          .insertInto('calendar_days')
          .values(rows)
          .onConflict((oc) => oc.column('date').doNothing())
          .execute();
      loaded.push(year);
    }
    const value = JSON.stringify([...done].sort());
    if (value !== row?.value) {
      await trx
        .insertInto('settings')
        .values({ key: CALENDAR_SEEDED_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
    return loaded;
  });
}
