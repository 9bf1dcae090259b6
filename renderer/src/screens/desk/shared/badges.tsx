import { Badge, Group, Text, Tooltip } from '@mantine/core';
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

/** "2小时5分"; a day or more reads "1天3小时" (minutes no longer matter at the counter) */
export function minutesText(min: number): string {
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d) return `${d}天${h ? `${h}小时` : ''}`;
  return [h ? `${h}小时` : '', m || !h ? `${m}分` : ''].join('');
}

/** minutes the ticket is late by, on whichever clock is late the most */
export function lateMinutes(sla: SlaStateT): number {
  return Math.max(sla.respondLateMinutes ?? 0, sla.resolveLateMinutes ?? 0);
}

export interface Deadline {
  which: '响应' | '完成';
  at: string;
}

/**
 * The deadline that matters now: the late one when overdue; otherwise the next one still ahead.
 * The respond clock stops at dispatch, so once a ticket is past 已受理 only 完成 counts.
 */
export function currentDeadline(sla: SlaStateT, status?: TicketStatusT, nowMs = Date.now()): Deadline | null {
  const respond = sla.respondDueAt && (!status || status === '已受理') ? { which: '响应' as const, at: sla.respondDueAt } : null;
  const resolve = sla.resolveDueAt ? { which: '完成' as const, at: sla.resolveDueAt } : null;
  if (sla.state === 'overdue' || sla.state === 'missed') {
    return (sla.resolveLateMinutes ?? 0) >= (sla.respondLateMinutes ?? 0) ? (resolve ?? respond) : (respond ?? resolve);
  }
  const ahead = [respond, resolve].filter((d): d is Deadline => !!d && Date.parse(d.at) >= nowMs).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return ahead[0] ?? resolve ?? respond;
}

export function slaLabel(sla: SlaStateT): { text: string; color: string } {
  switch (sla.state) {
    case 'overdue':
      return { text: `已超时 ${minutesText(Math.max(1, lateMinutes(sla)))}`, color: 'red' };
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
    case 'voided':
      return { text: '已作废', color: 'gray' };
    default:
      return { text: '无时限', color: 'gray' };
  }
}

/**
 * The clock of a ticket: 正常 / 即将到期 / 已超时 N小时N分 / 已挂起 / 按时完成 / 超时完成.
 * The deadlines, in China time, are on hover; `withDue` also prints the one that matters now.
 */
export function SlaBadge({ sla, status, withDue, testId }: { sla: SlaStateT; status?: TicketStatusT; withDue?: boolean; testId?: string }) {
  // a voided ticket has no verdict, never a green 按时完成 (main reports state 'voided'; the status covers older callers)
  if (status === '已作废' || sla.state === 'voided')
    return (
      <Tooltip label="已作废，不再计时" withArrow>
        <Badge color="gray" variant="light" radius="sm" data-testid={testId}>
          已作废
        </Badge>
      </Tooltip>
    );
  const { text, color } = slaLabel(sla);
  const late = lateMinutes(sla);
  const tip = [
    late ? `超时 ${minutesText(late)}` : null,
    sla.respondDueAt ? `响应期限 ${cstDateTime(sla.respondDueAt)}` : null,
    sla.resolveDueAt ? `完成期限 ${cstDateTime(sla.resolveDueAt)}` : null,
    sla.paused ? '挂起期间不计时' : null,
    sla.clock === 'working' ? '按工作时间计' : null,
  ]
    .filter(Boolean)
    .join('；');
  const badge = (
    <Badge color={color} variant={sla.state === 'overdue' ? 'filled' : 'light'} radius="sm" data-testid={testId}>
      {text}
    </Badge>
  );
  const due = withDue && sla.state !== 'none' && sla.state !== 'met' ? currentDeadline(sla, status) : null;
  return (
    <Tooltip label={tip || '无时限'} withArrow disabled={!tip} multiline maw={260}>
      {due ? (
        <Group gap={6} wrap="nowrap" display="inline-flex">
          {badge}
          <Text size="xs" c="dimmed" className="fd-tabular" style={{ whiteSpace: 'nowrap' }}>
            {due.which}期限 {cstDateTime(due.at)}
          </Text>
        </Group>
      ) : (
        badge
      )}
    </Tooltip>
  );
}
