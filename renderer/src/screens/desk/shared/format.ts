import { cstDateTime } from '../../../../../shared/domain/time';

export const when = (iso: string | null | undefined) => (iso ? cstDateTime(iso) : '—');

/** "还有 2小时5分" / "超过 30分" relative to now */
export function dueIn(iso: string | null, now = Date.now()): string {
  if (!iso) return '';
  const diff = Math.round((Date.parse(iso) - now) / 60_000);
  const abs = Math.abs(diff);
  const d = Math.floor(abs / 1440);
  const h = Math.floor((abs % 1440) / 60);
  const m = abs % 60;
  const text = [d ? `${d}天` : '', h ? `${h}小时` : '', m || (!d && !h) ? `${m}分` : ''].join('');
  return diff >= 0 ? `还有 ${text}` : `超过 ${text}`;
}
