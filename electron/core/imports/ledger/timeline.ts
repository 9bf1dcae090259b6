import type { TicketStatusT } from '../../../../shared/contract/desk';
import { CALLBACK_REQUIRED } from '../../desk/lifecycle';
import type { LedgerRow } from './records';

// A ledger row's timeline, rebuilt the way the desk would have written it live. The times are
// facts: received → dispatched (响应时间) → completed → called back. The 状态 column decides what
// the times cannot: whether the request was closed or voided, and how far it got when times are
// missing. Nothing is invented silently: every time taken from another column is a warning.

export interface TimelineEvent {
  at: string;
  action: 'import' | 'dispatch' | 'start' | 'complete' | 'callback' | 'reopen' | 'close' | 'void';
  from: TicketStatusT | null;
  to: TicketStatusT;
  note: string | null;
}

export interface Timeline {
  status: TicketStatusT;
  respondedAt: string | null;
  completedAt: string | null;
  callbackAt: string | null;
  closedAt: string | null;
  voidedAt: string | null;
  /** the 回访 to record, when the ledger has one */
  callback: { at: string; resolved: boolean } | null;
  events: TimelineEvent[];
  warnings: string[];
}

type Source = Pick<
  LedgerRow,
  | 'type'
  | 'status'
  | 'receivedAt'
  | 'respondedAt'
  | 'completedAt'
  | 'callbackAt'
  | 'callbackResolved'
  | 'satisfaction'
  | 'callbackText'
  | 'department'
  | 'assignee'
>;

/** The 回访结果 text when it says more than the result itself ("已解决", "未解决" add nothing). */
export function callbackComment(text: string): string | null {
  return text && !/^(已|未|没有?)?解决了?$|^(不)?满意$/.test(text) ? text : null;
}

const RANK: Record<TicketStatusT, number> = { 已受理: 0, 已派工: 1, 处理中: 2, 挂起: 2, 已完成: 3, 已回访: 4, 已关闭: 5, 已作废: 6 };

export function rebuildTimeline(s: Source): Timeline {
  const warnings: string[] = [];
  const receivedAt = s.receivedAt!;
  const needsCallback = CALLBACK_REQUIRED.has(s.type!);
  const events: TimelineEvent[] = [];
  let status = '已受理' as TicketStatusT;
  const step = (at: string, action: TimelineEvent['action'], to: TicketStatusT, note: string | null = null) => {
    events.push({ at, action, from: action === 'import' ? null : status, to, note });
    status = to;
  };
  const lastAt = () => events[events.length - 1].at;

  let responded = s.respondedAt;
  let completed = s.completedAt;
  if (responded && completed && responded > completed) {
    warnings.push('响应时间晚于完成时间，按完成时间记');
    responded = completed;
  }
  let callback: Timeline['callback'] = null;
  if (s.callbackResolved !== null) {
    const floor = completed ?? receivedAt;
    const floorLabel = completed ? '完成时间' : '受理时间';
    let at = s.callbackAt;
    if (!at) warnings.push(`没有回访时间，按${floorLabel}记`);
    else if (at < floor) warnings.push(`回访时间早于${floorLabel}，按${floorLabel}记`);
    if (!at || at < floor) at = floor;
    callback = { at, resolved: s.callbackResolved };
  }
  // a callback means the work was done, even when the ledger left 完成时间 empty
  if (!completed && callback) {
    warnings.push('没有完成时间，按回访时间记');
    completed = callback.at;
  }

  // 1. what the times say
  step(receivedAt, 'import', '已受理');
  const who = s.department ? `${s.department}${s.assignee ? ` · ${s.assignee}` : ''}` : s.assignee;
  if (responded || who)
    step(responded ?? completed ?? receivedAt, 'dispatch', '已派工', [who, responded ? null : '台账未记响应时间'].filter(Boolean).join('；') || null);
  if (completed) step(completed, 'complete', '已完成');
  if (callback) {
    const word = callback.resolved ? '已解决' : '未解决';
    const how = `${word}${s.satisfaction ? `，${s.satisfaction}` : ''}${callbackComment(s.callbackText) ? `；${s.callbackText}` : ''}`;
    if (callback.resolved) step(callback.at, 'callback', '已回访', how);
    else {
      // as at the desk: the callback is recorded, then the request goes back to work
      step(callback.at, 'callback', '已完成', how);
      step(callback.at, 'reopen', '处理中', '回访未解决，重新处理');
    }
  }
  const reopened = !!callback && !callback.resolved;

  // 2. what only the 状态 column says
  const said = s.status;
  const completeWithout = () => {
    warnings.push(`没有完成时间，按${responded ? '响应' : '受理'}时间记`);
    completed = lastAt();
    step(completed, 'complete', '已完成');
  };
  const label = said ? `台账状态为“${said}”` : '';
  if (said === '已作废') {
    step(lastAt(), 'void', '已作废', '历史台账记为作废');
  } else if (said === '已关闭') {
    if (status === '已受理' || status === '已派工') completeWithout();
    if (needsCallback && !callback) warnings.push('台账记为已关闭，但没有回访记录');
    step(lastAt(), 'close', '已关闭', needsCallback && !callback ? '台账记为已关闭（无回访记录）' : reopened ? '台账记为已关闭（回访未解决）' : null);
  } else if (said === '已完成' || said === '已回访' || said === null) {
    if (said && (status === '已受理' || status === '已派工')) completeWithout();
    if (said === '已回访' && !callback) warnings.push('台账记为已回访，但没有回访结果，按已完成导入');
    if (reopened && said) warnings.push(`${label}，但回访未解决，按处理中导入`);
    // finished: called back, or a type that needs no callback (咨询、建议、表扬)
    const done = status === '已回访' || (status === '已完成' && !needsCallback);
    if (done && said !== '已回访') step(lastAt(), 'close', '已关闭');
  } else if (RANK[said] < RANK[status] || (reopened && said !== '处理中')) {
    // 已受理 / 已派工 / 处理中 while the times go further: the times are kept
    warnings.push(`${label}，但台账记有${callback ? '回访' : completed ? '完成' : '响应'}时间，按时间线导入`);
  } else if (said === '已派工' && status === '已受理') {
    step(receivedAt, 'dispatch', '已派工', '台账未记响应时间');
  } else if (said === '处理中' && status !== '处理中') {
    step(lastAt(), 'start', '处理中', '台账记为处理中');
  }

  const closedAt = status === '已关闭' ? lastAt() : null;
  const voidedAt = status === '已作废' ? lastAt() : null;
  // completion stays on the ticket once finished (and on a voided one); a reopened ticket has none, as at the desk
  return {
    status,
    // as at the desk: completing a request that was never dispatched counts as its response
    respondedAt: responded ?? completed,
    completedAt: completed && RANK[status] >= RANK['已完成'] ? completed : null,
    callbackAt: callback?.at ?? null,
    closedAt,
    voidedAt,
    callback,
    events,
    warnings,
  };
}
