import { cstParts, fromCst } from '../../../../../shared/domain/time';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A native datetime-local value ("2026-11-23T14:30") read as China wall-clock time, whatever zone
 * the computer is set to; null when it is not a complete, real date and time.
 */
export function wallTimeToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const at = fromCst(y, mo, d, h, mi);
  // Date.UTC rolls 2月30日 over into March: refuse it instead of booking the wrong day
  const back = cstParts(at);
  if (back.month !== mo || back.day !== d || back.hour !== h || back.minute !== mi) return null;
  return at.toISOString();
}

/** The current China wall-clock time in datetime-local form, for the picker's lower bound. */
export function wallTimeNow(now: Date | number = Date.now()): string {
  const p = cstParts(now);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
