import { Badge, Tooltip } from '@mantine/core';
import type { SlaStateT, TicketStatusT, TicketT } from '../../../../../shared/contract/desk';
import { cstDateTime } from '../../../../../shared/domain/time';

const STATUS_COLORS: Record<TicketStatusT, string> = {
  已受理: 'blue',
  已派工: 'indigo',
  处理中: 'cyan',
  已完成: 'teal',
  已回访: 'green',
  已关闭: 'gray',
  挂起: 'yellow',
  已作废: 'dark',
};

export function TicketStatusBadge({ status, testId }: { status: TicketStatusT; testId?: string }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" data-testid={testId}>
      {status}
    </Badge>
  );
}

const TYPE_COLORS: Record<TicketT['type'], string> = { 投诉: 'red', 报修: 'orange', 咨询: 'blue', 建议: 'violet', 表扬: 'green' };

export function TicketTypeBadge({ type, urgent }: { type: TicketT['type']; urgent?: boolean }) {
  return (
    <Badge color={TYPE_COLORS[type]} variant={urgent ? 'filled' : 'outline'} radius="sm">
      {type}
      {urgent ? '·急' : ''}
    </Badge>
  );
}

/** "2小时5分" */
export function minutesText(min: number): string {
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  // a day or more late: minutes no longer matter at the counter
  if (d) return `${d}天${h ? `${h}小时` : ''}`;
  return [h ? `${h}小时` : '', m || !h ? `${m}分` : ''].join('');
}

export function slaLabel(sla: SlaStateT): { text: string; color: string } {
  const late = Math.max(sla.respondLateMinutes ?? 0, sla.resolveLateMinutes ?? 0);
  switch (sla.state) {
    case 'overdue':
      return { text: `超时 ${minutesText(late)}`, color: 'red' };
    case 'dueSoon':
      return { text: '即将到期', color: 'orange' };
    case 'paused':
      return { text: '已挂起', color: 'yellow' };
    case 'met':
      return { text: '按时完成', color: 'green' };
    case 'missed':
      return { text: '超时完成', color: 'pink' };
    case 'ok':
      return { text: '正常', color: 'gray' };
    default:
      return { text: '无时限', color: 'gray' };
  }
}

/** The clock of a ticket: state, with the due times in China time on hover. */
export function SlaBadge({ sla }: { sla: SlaStateT }) {
  const { text, color } = slaLabel(sla);
  const late = Math.max(sla.respondLateMinutes ?? 0, sla.resolveLateMinutes ?? 0);
  const tip = [late ? `超时 ${minutesText(late)}` : null, sla.respondDueAt ? `响应期限 ${cstDateTime(sla.respondDueAt)}` : null, sla.resolveDueAt ? `完成期限 ${cstDateTime(sla.resolveDueAt)}` : null, sla.clock === 'working' ? '按工作时间计' : null]
    .filter(Boolean)
    .join('；');
  return (
    <Tooltip label={tip || '无时限'} withArrow disabled={!tip}>
      <Badge color={color} variant={sla.state === 'overdue' ? 'filled' : 'light'} radius="sm">
        {text}
      </Badge>
    </Tooltip>
  );
}
