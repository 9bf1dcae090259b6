import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { DeskConfigT } from '../../../shared/contract/desk';
import { cstParts } from '../../../shared/domain/time';
import { parseHm, type WorkCalendar } from './working-time';
import { deskCache, readDeskConfig } from './config';
import { prepared } from './prepared';
import { audit } from '../db/audit';

type DayKind = 'holiday' | 'workday';

/** The calendar's days (holidays, make-up workdays), cached per connection with the config (desk/config.ts). */
function calendarDays(sqlite: Database.Database): ReadonlyMap<string, DayKind> {
  const { entry, keep } = deskCache(sqlite);
  if (entry.days) return entry.days;
  const rows = prepared(sqlite, 'select date, kind from calendar_days').all() as { date: string; kind: DayKind }[];
  const days = new Map(rows.map((r) => [r.date, r.kind]));
  if (keep) entry.days = days;
  return days;
}

/** The working calendar as the SLA arithmetic needs it (holidays, make-up days, counter hours). */
export async function loadCalendar(ctx: Pick<CoreContext, 'db'> & Partial<Pick<CoreContext, 'sqlite'>>, cfg?: DeskConfigT): Promise<WorkCalendar> {
  const config = cfg ?? (await readDeskConfig(ctx));
  // the working-time arithmetic only reads the map; the cached one is shared
  const days = ctx.sqlite
    ? (calendarDays(ctx.sqlite) as Map<string, DayKind>)
    : new Map((await ctx.db.selectFrom('calendar_days').select(['date', 'kind']).execute()).map((r) => [r.date, r.kind as DayKind]));
  return { days, openMinute: parseHm(config.counterHours.open), closeMinute: parseHm(config.counterHours.close) };
}

/** A warning while next year's holidays have not been entered (the State Council publishes them each November or so). */
export async function calendarWarning(ctx: CoreContext): Promise<string | null> {
  const next = cstParts(ctx.now()).year + 1;
  const prefix = `${next}-`;
  for (const date of calendarDays(ctx.sqlite).keys()) if (date.startsWith(prefix)) return null;
  return `尚未录入${next}年的法定节假日和调休安排，按工作时间计算的时限在${next}年可能不准确。请在「工单设置 → 节假日」中录入。`;
}

export async function calendarYear(ctx: CoreContext, year: number) {
  const days = await ctx.db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return { year, days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name })), warning: await calendarWarning(ctx) };
}

/** Marks one date as a holiday, a make-up workday, or back to normal ('normal' removes the entry). */
export async function setCalendarDay(ctx: CoreContext, input: { date: string; kind: 'holiday' | 'workday' | 'normal'; name?: string | null }) {
  const year = Number(input.date.slice(0, 4));
  await ctx.db.transaction().execute(async (trx) => {
    // the day it replaces, for the audit line's before → after (docs/AUDIT.md); no row is a normal day
    const was = await trx.selectFrom('calendar_days').select(['kind', 'name']).where('date', '=', input.date).executeTakeFirst();
    await trx.deleteFrom('calendar_days').where('date', '=', input.date).execute();
    const name = input.kind === 'normal' ? null : input.name || (input.kind === 'holiday' ? '节假日' : '调休上班');
    if (name !== null) await trx.insertInto('calendar_days').values({ date: input.date, kind: input.kind, name, source: 'manual' }).execute();
    const changes: Record<string, [string | null, string | null]> = {};
    if ((was?.kind ?? 'normal') !== input.kind) changes.kind = [was?.kind ?? 'normal', input.kind];
    if ((was?.name ?? null) !== name) changes.name = [was?.name ?? null, name];
    await audit(trx, await ctx.actor(), 'calendar', null, 'set', { ...input, changes });
  });
  return calendarYear(ctx, year);
}
