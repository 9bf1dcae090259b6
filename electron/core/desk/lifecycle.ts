import { ACTION_LABELS as LABEL, type TicketActionT, type TicketStatusT } from '../../../shared/contract/desk';

// The ticket state machine (docs/DOMAIN.md §3). Pure: which action is allowed from which status,
// and where it leads. The service applies it and writes the timeline.

export interface TicketState {
  type: string;
  status: TicketStatusT;
  statusBeforeHold: TicketStatusT | null;
  department: string | null;
  hasCallback: boolean;
}

const FROM: Record<TicketActionT, readonly TicketStatusT[]> = {
  dispatch: ['已受理'],
  start: ['已派工'],
  complete: ['已受理', '已派工', '处理中'],
  callback: ['已完成'],
  close: ['已完成', '已回访'],
  sendBack: ['已派工', '处理中'],
  reassign: ['已派工', '处理中'],
  hold: ['已受理', '已派工', '处理中'],
  resume: ['挂起'],
  reopen: ['已完成', '已回访', '已关闭'],
  void: ['已受理', '已派工', '处理中', '挂起'],
};

/** Types that need a callback (回访) before they may be closed. */
export const CALLBACK_REQUIRED = new Set(['投诉', '报修']);

export type Refusal = string;

/** null when allowed, else the Chinese reason for refusing. */
export function refusal(s: TicketState, action: TicketActionT): Refusal | null {
  if (s.status === '已作废') return '工单已作废，不能再操作';
  if (!FROM[action].includes(s.status)) return `「${s.status}」状态的工单不能${LABEL[action]}`;
  if (action === 'close' && CALLBACK_REQUIRED.has(s.type) && !s.hasCallback) return `${s.type}工单必须先回访才能关闭`;
  return null;
}

export function allowedActions(s: TicketState): TicketActionT[] {
  return (Object.keys(FROM) as TicketActionT[]).filter((a) => refusal(s, a) === null);
}

/** Where an allowed action leads. */
export function nextStatus(s: TicketState, action: TicketActionT, callbackResolved = true): TicketStatusT {
  switch (action) {
    case 'dispatch':
    case 'reassign':
      return '已派工';
    case 'start':
      return '处理中';
    case 'complete':
      return '已完成';
    case 'callback':
      return callbackResolved ? '已回访' : '处理中';
    case 'close':
      return '已关闭';
    case 'sendBack':
      return '已受理';
    case 'hold':
      return '挂起';
    case 'resume':
      return s.statusBeforeHold ?? '已受理';
    case 'reopen':
      return s.department ? '处理中' : '已受理';
    case 'void':
      return '已作废';
  }
}
