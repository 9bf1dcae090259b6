import type { TicketRowT } from '../../../../../shared/contract/desk';
import { minutesText } from '../shared/badges';

export interface DeadlineText {
  /** "超时 3小时20分" / "还有 45分" */
  text: string;
  /** which clock: 响应 (first contact / dispatch) or 完成 */
  which: '响应' | '完成';
  /** the deadline, UTC ISO */
  at: string | null;
}

/** How late an overdue ticket is, by the deadline that is missed the most. */
export function lateText(row: TicketRowT): DeadlineText {
  const respond = row.sla.respondLateMinutes ?? 0;
  const resolve = row.sla.resolveLateMinutes ?? 0;
  const which = resolve > 0 && resolve >= respond ? '完成' : '响应';
  const late = Math.max(respond, resolve);
  return { text: `超时 ${minutesText(Math.max(1, late))}`, which, at: which === '完成' ? row.sla.resolveDueAt : row.sla.respondDueAt };
}

/**
 * How long until a due-soon ticket's next deadline. The respond clock only matters before the
 * ticket is dispatched (dispatch is the response); after that it is the resolve clock.
 */
export function dueInText(row: TicketRowT, nowMs: number): DeadlineText {
  const candidates: { which: '响应' | '完成'; at: string }[] = [];
  if (row.sla.resolveDueAt) candidates.push({ which: '完成', at: row.sla.resolveDueAt });
  if (row.sla.respondDueAt && row.status === '已受理') candidates.push({ which: '响应', at: row.sla.respondDueAt });
  const upcoming = candidates.filter((c) => Date.parse(c.at) >= nowMs - 60_000).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const next = upcoming[0] ?? candidates[0];
  if (!next) return { text: '即将到期', which: '完成', at: null };
  const minutes = Math.max(0, Math.round((Date.parse(next.at) - nowMs) / 60_000));
  return { text: minutes === 0 ? '即将到期' : `还有 ${minutesText(minutes)}`, which: next.which, at: next.at };
}
