import type { WorkCalendar } from './working-time';
import { addClockMs, elapsedMs } from './working-time';
import type { SlaStateT, SlaTargetT } from '../../../shared/contract/desk';

/** the last instant a Date can hold */
const MAX_TIME_MS = 8.64e15;

export interface Hold {
  startMs: number;
  endMs: number | null; // null = still on hold
}

export interface SlaInput {
  target: SlaTargetT | null;
  receivedMs: number;
  respondedMs: number | null;
  completedMs: number | null;
  holds: Hold[];
  nowMs: number;
  dueSoonMs: number;
  /** finished tickets (closed/voided) keep their met/missed verdict */
  finished: boolean;
}

/** Clock time spent on hold before `untilMs` (holds pause the clock). */
function heldMs(cal: WorkCalendar, clock: 'calendar' | 'working', holds: Hold[], untilMs: number): number {
  let total = 0;
  for (const h of holds) {
    const end = Math.min(h.endMs ?? untilMs, untilMs);
    if (end > h.startMs) total += elapsedMs(cal, clock, h.startMs, end);
  }
  return total;
}

/**
 * The due instant of a deadline: received + target, pushed back by the clock time spent on hold
 * so far. While a ticket is on hold the due time keeps moving, which is what "paused" means.
 */
function dueAt(cal: WorkCalendar, clock: 'calendar' | 'working', receivedMs: number, minutes: number, held: number): number {
  return addClockMs(cal, clock, receivedMs, minutes * 60_000 + held);
}

/** Effective (hold-free) clock time between received and t. */
function effective(cal: WorkCalendar, clock: 'calendar' | 'working', i: SlaInput, t: number): number {
  return elapsedMs(cal, clock, i.receivedMs, t) - heldMs(cal, clock, i.holds, t);
}

export function computeSla(cal: WorkCalendar, i: SlaInput): SlaStateT {
  const clock = i.target?.clock ?? 'calendar';
  const paused = i.holds.some((h) => h.endMs === null);
  const none: SlaStateT = { respondDueAt: null, resolveDueAt: null, respondLateMinutes: null, resolveLateMinutes: null, paused, state: 'none', clock };
  if (!i.target || (i.target.respondMinutes === null && i.target.resolveMinutes === null)) return none;

  const deadline = (minutes: number | null, doneMs: number | null) => {
    if (minutes === null) return { due: null, late: null, soon: false };
    const until = doneMs ?? i.nowMs;
    const held = heldMs(cal, clock, i.holds, until);
    const due = dueAt(cal, clock, i.receivedMs, minutes, held);
    const lateMs = effective(cal, clock, i, until) - minutes * 60_000;
    const late = lateMs > 0 ? Math.ceil(lateMs / 60_000) : 0;
    const soon = doneMs === null && late === 0 && due - i.nowMs <= i.dueSoonMs;
    // a target stored before the contract bounded it (2^53−1 minutes) ends beyond any date: no deadline rather than a RangeError on every read
    if (!(Math.abs(due) <= MAX_TIME_MS)) return { due: null, late: 0, soon: false };
    return { due: new Date(due).toISOString(), late, soon };
  };
  const r = deadline(i.target.respondMinutes, i.respondedMs);
  const s = deadline(i.target.resolveMinutes, i.completedMs);

  let state: SlaStateT['state'];
  const open = !i.finished && i.completedMs === null;
  if (!open) state = (r.late ?? 0) > 0 || (s.late ?? 0) > 0 ? 'missed' : 'met';
  else if (paused) state = 'paused';
  else if ((r.late ?? 0) > 0 || (s.late ?? 0) > 0) state = 'overdue';
  else if (r.soon || s.soon) state = 'dueSoon';
  else state = 'ok';
  return { respondDueAt: r.due, resolveDueAt: s.due, respondLateMinutes: r.late, resolveLateMinutes: s.late, paused, state, clock };
}
