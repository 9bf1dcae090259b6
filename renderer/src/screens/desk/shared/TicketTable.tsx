import { Table, Text } from '@mantine/core';
import type { TicketRowT } from '../../../../../shared/contract/desk';
import { useNav } from '../../../app/navigation';
import { SlaBadge, TicketStatusBadge, TicketTypeBadge } from './badges';
import { when } from './format';

/** A short, non-virtual list of tickets (dashboard, callback queue). */
export function TicketTable({ rows, empty, extra, compact }: { rows: TicketRowT[]; empty: string; extra?: (r: TicketRowT) => React.ReactNode; compact?: boolean }) {
  const go = useNav((s) => s.go);
  if (!rows.length)
    return (
      <Text c="dimmed" ta="center" py="lg">
        {empty}
      </Text>
    );
  return (
    <Table highlightOnHover verticalSpacing={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={140}>工单号</Table.Th>
          <Table.Th w={92}>类型</Table.Th>
          <Table.Th>位置 / 内容</Table.Th>
          {!compact && <Table.Th w={84}>状态</Table.Th>}
          <Table.Th w={compact ? 130 : 160}>时限</Table.Th>
          {!compact && <Table.Th w={140}>受理时间</Table.Th>}
          {extra && <Table.Th w={90} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => go({ name: 'ticket', ticketId: r.id })} data-testid="ticket-row">
            <Table.Td ff="monospace">{r.no}</Table.Td>
            <Table.Td>
              <TicketTypeBadge type={r.type} urgent={r.urgency === '紧急'} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} truncate>
                {r.location} · {r.category}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {compact ? `${r.status} · ${r.department ?? '未派工'} · ` : ''}
                {r.summary}
              </Text>
            </Table.Td>
            {!compact && (
              <Table.Td>
                <TicketStatusBadge status={r.status} />
              </Table.Td>
            )}
            <Table.Td>
              <SlaBadge sla={r.sla} />
            </Table.Td>
            {!compact && (
              <Table.Td>
                <Text size="sm">{when(r.receivedAt)}</Text>
              </Table.Td>
            )}
            {extra && <Table.Td onClick={(e) => e.stopPropagation()}>{extra(r)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
