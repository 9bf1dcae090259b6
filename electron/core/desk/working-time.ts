import { fromCst, cstDate } from '../../../shared/domain/time';

// Working-time arithmetic for SLA clocks. Pure functions over a calendar:
// a day is a working day when it is Mon–Fri and not a public holiday, or when it is a
// 调休 make-up workday; on working days only the counter hours count.

export interface WorkCalendar {
  /** "YYYY-MM-DD" → kind, for days that differ from the normal week */
  days: Map<string, 'holiday' | 'workday'>;
  /** minutes after midnight, Asia/Shanghai */
  openMinute: number;
  closeMinute: number;
}

export function parseHm(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return h * 60 + m;
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const kind = cal.days.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  const [y, m, d] = date.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The counter window [open, close) of a Shanghai date as UTC ms, or null on a day off. */
function windowOf(cal: WorkCalendar, date: string): [number, number] | null {
  if (!isWorkingDay(cal, date)) return null;
  const [y, m, d] = date.split('-').map(Number);
  const open = fromCst(y, m, d, 0, cal.openMinute).getTime();
  const close = fromCst(y, m, d, 0, cal.closeMinute).getTime();
  return [open, close];
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const MAX_DAYS = 3 * 366; // no SLA spans more; also guards against an all-holiday calendar

/** Working milliseconds between two instants. */
export function workingMsBetween(cal: WorkCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  const last = cstDate(toMs);
  for (let date = cstDate(fromMs), i = 0; date <= last && i < MAX_DAYS; date = nextDate(date), i++) {
    const w = windowOf(cal, date);
    if (!w) continue;
    const a = Math.max(w[0], fromMs);
    const b = Math.min(w[1], toMs);
    if (b > a) total += b - a;
  }
  return total;
}

const DAY_MS = 86_400_000;
/** the last instant a Date can hold */
const MAX_TIME_MS = 8.64e15;

/**
 * The instant at which `ms` working milliseconds have passed after `fromMs`; Infinity when that is
 * beyond any date. The first MAX_DAYS are walked day by day over the calendar; past them (a hold of
 * years, a target stored before the contract bounded it) whole plain weeks of five counter days are
 * skipped at once, holidays no longer looked up, so no amount makes this slow or throw.
 */
export function addWorkingMs(cal: WorkCalendar, fromMs: number, ms: number): number {
  let left = ms;
  let date = cstDate(fromMs);
  for (let i = 0; i < MAX_DAYS; i++) {
    const w = windowOf(cal, date);
    if (w) {
      const a = Math.max(w[0], fromMs);
      if (w[1] > a) {
        if (a + left <= w[1]) return a + left;
        left -= w[1] - a;
      }
    }
    date = nextDate(date);
  }
  const dayMs = (cal.closeMinute - cal.openMinute) * 60_000;
  if (dayMs <= 0) return Number.POSITIVE_INFINITY;
  const [y, m, d] = date.split('-').map(Number);
  // any seven days in a row hold five weekdays; the last one or two weeks are walked below
  const weeks = Math.max(0, Math.ceil(left / (5 * dayMs)) - 2);
  const start = fromCst(y, m, d, 0, 0).getTime() + weeks * 7 * DAY_MS;
  left -= weeks * 5 * dayMs;
  if (!(start < MAX_TIME_MS)) return Number.POSITIVE_INFINITY;
  for (let i = 0; i < 21; i++) {
    const midnight = start + i * DAY_MS;
    // the China weekday of that midnight (UTC+8, docs/ARCHITECTURE.md "Data")
    const weekday = new Date(midnight + 8 * 3600_000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const open = midnight + cal.openMinute * 60_000;
    if (left <= dayMs) return open + left;
    left -= dayMs;
  }
  return Number.POSITIVE_INFINITY;
}

/** Elapsed clock time between two instants in the chosen mode. */
export function elapsedMs(cal: WorkCalendar, clock: 'calendar' | 'working', fromMs: number, toMs: number): number {
  return clock === 'working' ? workingMsBetween(cal, fromMs, toMs) : Math.max(0, toMs - fromMs);
}

export function addClockMs(cal: WorkCalendar, clock: 'calendar' | 'working', fromMs: number, ms: number): number {
  return clock === 'working' ? addWorkingMs(cal, fromMs, ms) : fromMs + ms;
}
