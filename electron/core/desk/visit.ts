import { VISIT_MAX_DAYS_AHEAD as VISIT_MAX_DAYS } from '../../../shared/contract/desk';

/** Why a visit time is refused (in Chinese), or null: it must be a real instant, after now, within VISIT_MAX_DAYS. */
export function visitRefusal(iso: string, nowMs: number): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '预约上门时间无效';
  if (at <= nowMs) return '预约上门时间应晚于现在';
  if (at - nowMs > VISIT_MAX_DAYS * 86_400_000) return `预约上门时间不能超过${VISIT_MAX_DAYS}天后`;
  return null;
}

/**
 * The resolve target of a ticket in minutes: a repair with an agreed visit is due by that visit
 * when its clock is calendar time (docs/ARCHITECTURE.md, service desk), else the configured target.
 */
export function resolveMinutesFor(type: string, clock: string, visitAt: string | null, receivedMs: number, configured: number | null): number | null {
  if (type === '报修' && visitAt && clock === 'calendar') return Math.max(1, Math.ceil((Date.parse(visitAt) - receivedMs) / 60_000));
  return configured;
}
