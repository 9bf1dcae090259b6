import { VISIT_MAX_DAYS_AHEAD } from '../../../../../shared/contract/desk';
import { cstDate, cstParts, fromCst } from '../../../../../shared/domain/time';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A picker value ("2026-11-23 14:30:00" from @mantine/dates, or "2026-11-23T14:30") read as China
 * wall-clock time, whatever zone the computer is set to; null when it is not a complete, real date and time.
 */
export function wallTimeToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
  const at = fromCst(y, mo, d, h, mi);
  // Date.UTC rolls 2月30日 over into March: refuse it instead of booking the wrong day
  const back = cstParts(at);
  if (back.month !== mo || back.day !== d || back.hour !== h || back.minute !== mi) return null;
  return at.toISOString();
}

/** An instant as the picker's China wall-clock value ("2026-11-23 14:30:00"), e.g. to put a kept time back. */
export function isoToWallTime(iso: string): string {
  const p = cstParts(iso);
  return `${cstDate(iso)} ${pad(p.hour)}:${pad(p.minute)}:00`;
}

/** The current China wall-clock time in the picker's form. */
export function wallTimeNow(now: Date | number = Date.now()): string {
  return isoToWallTime(new Date(now).toISOString());
}

/** The China calendar days a visit can be booked on: today up to VISIT_MAX_DAYS_AHEAD days ahead ("YYYY-MM-DD"). */
export function visitDays(now: number = Date.now()): { first: string; last: string } {
  return { first: cstDate(now), last: cstDate(now + VISIT_MAX_DAYS_AHEAD * 86_400_000) };
}
