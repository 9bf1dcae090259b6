// The official holiday calendar is loaded after the migrations (electron/core/db/seed.ts), once per year,
// and never overrides what an admin entered.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { CALENDAR_SEEDED_KEY, officialCalendarRows, seedOfficialCalendar } from '../../../electron/core/db/seed';

const official = JSON.parse(readFileSync('resources/cn-public-holidays.json', 'utf8')) as {
  years: Record<string, { holidays: Record<string, string[]>; workdays: string[] }>;
};
const dirs: string[] = [];
function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fd-seed-'));
  dirs.push(dir);
  return join(dir, 'a.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Day = { date: string; kind: string; name: string; source: string };
const allDays = (sqlite: { prepare(sql: string): { all(): unknown[] } }) =>
  sqlite.prepare('select date, kind, name, source from calendar_days order by date').all() as Day[];

describe('official holiday calendar', () => {
  it('a new database has the 2026 calendar from resources/cn-public-holidays.json', async () => {
    const opened = await openDatabase({ file: dbFile() });
    const days = allDays(opened.sqlite);
    const expected2026 = officialCalendarRows(official.years['2026']);
    expect(expected2026.length).toBeGreaterThan(20);
    const got2026 = days.filter((d) => d.date.startsWith('2026-'));
    expect(got2026).toEqual(expect.arrayContaining(expected2026));
    expect(got2026).toHaveLength(expected2026.length);
    // spot checks a receptionist would know: 春节 2026 is a holiday, 2026-02-14 (Saturday) a make-up workday
    expect(days.find((d) => d.date === '2026-02-17')).toMatchObject({ kind: 'holiday', name: '春节', source: 'official' });
    expect(days.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: 'workday', source: 'official' });
    await opened.close();
  });

  it('reopening or seeding again changes nothing, and an admin’s edits survive', async () => {
    const file = dbFile();
    const first = await openDatabase({ file });
    // the admin marks an official holiday as a normal day and adds a day of their own
    first.sqlite.prepare("delete from calendar_days where date = '2026-10-07'").run();
    first.sqlite.prepare("insert into calendar_days (date, kind, name, source) values ('2026-12-31', 'holiday', '公司年会', 'manual')").run();
    const before = allDays(first.sqlite);
    expect(before.find((d) => d.date === '2026-10-07')).toBeUndefined();
    const settingsBefore = first.sqlite.prepare('select value from settings where key = ?').get(CALENDAR_SEEDED_KEY);
    expect(await seedOfficialCalendar(first.db)).toEqual([]);
    await first.close();

    const again = await openDatabase({ file });
    expect(allDays(again.sqlite)).toEqual(before);
    expect(again.sqlite.prepare('select value from settings where key = ?').get(CALENDAR_SEEDED_KEY)).toEqual(settingsBefore);
    await again.close();
  });

  it('a year new to the shipped file is loaded once; a year the admin already entered is left alone', async () => {
    const opened = await openDatabase({ file: dbFile() });
    opened.sqlite.prepare("insert into calendar_days (date, kind, name, source) values ('2027-01-01', 'holiday', '元旦', 'manual')").run();
    const shipped = {
      ...official.years,
      '2027': { holidays: { 元旦: ['2027-01-01', '2027-01-02'] }, workdays: [] },
      '2028': { holidays: { 元旦: ['2028-01-01'] }, workdays: ['2028-01-08'] },
    };
    expect(await seedOfficialCalendar(opened.db, shipped)).toEqual(['2028']);
    const days = allDays(opened.sqlite);
    expect(days.filter((d) => d.date.startsWith('2027-'))).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'manual' }]);
    expect(days.filter((d) => d.date.startsWith('2028-'))).toEqual([
      { date: '2028-01-01', kind: 'holiday', name: '元旦', source: 'official' },
      { date: '2028-01-08', kind: 'workday', name: '调休上班', source: 'official' },
    ]);
    // the admin clears 2028 later: the next start does not put it back
    opened.sqlite.prepare("delete from calendar_days where date like '2028-%'").run();
    expect(await seedOfficialCalendar(opened.db, shipped)).toEqual([]);
    expect(allDays(opened.sqlite).filter((d) => d.date.startsWith('2028-'))).toEqual([]);
    await opened.close();
  });
});
