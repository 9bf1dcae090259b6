// All instants are stored as UTC ISO strings; everything shown or bounded by day/month uses
// China Standard Time. China has had no daylight saving since 1991, so a fixed +08:00 offset is
// exact and independent of the machine's time zone.
export const CST_OFFSET_MS = 8 * 3600_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall-clock parts of an instant in Asia/Shanghai. */
export function cstParts(at: Date | string | number) {
  const d = new Date(new Date(at).getTime() + CST_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** The Shanghai wall clock as "YYYY-MM-DDTHH:MM:SS.sssZ" for years 0–9999 (one Date, no parts: reports format tens of thousands), else null. */
function cstIso(at: Date | string | number): string | null {
  const ms = new Date(at).getTime() + CST_OFFSET_MS;
  return ms >= -62_167_219_200_000 && ms < 253_402_300_800_000 ? new Date(ms).toISOString() : null;
}

/** "2026-11-22" in Asia/Shanghai */
export function cstDate(at: Date | string | number = Date.now()): string {
  const iso = cstIso(at);
  if (iso) return iso.slice(0, 10);
  const p = cstParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11-22 16:52" in Asia/Shanghai */
export function cstDateTime(at: Date | string | number, withSeconds = false): string {
  const iso = cstIso(at);
  if (iso) return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
  const p = cstParts(at);
  const base = `${cstDate(at)} ${pad(p.hour)}:${pad(p.minute)}`;
  return withSeconds ? `${base}:${pad(p.second)}` : base;
}

/** "2026-12-08" → "2026年12月8日", as printed on documents */
export function chineseDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The UTC instant of a Shanghai wall-clock time. */
export function fromCst(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - CST_OFFSET_MS);
}

/** [start, end) of a Shanghai calendar day "YYYY-MM-DD" as UTC ISO strings. */
export function cstDayBounds(date: string): { start: string; end: string } {
  const [y, m, d] = date.split('-').map(Number);
  return { start: fromCst(y, m, d).toISOString(), end: fromCst(y, m, d + 1).toISOString() };
}

/** [start, end) of a Shanghai calendar month "YYYY-MM" as UTC ISO strings. */
export function cstMonthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number);
  return { start: fromCst(y, m, 1).toISOString(), end: fromCst(y, m + 1, 1).toISOString() };
}
