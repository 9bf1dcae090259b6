import { Badge, Group, Pagination, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { LedgerPreviewT } from '../../../../../shared/contract/desk';
import { cstDateTime } from '../../../../../shared/domain/time';

type Row = LedgerPreviewT['rows'][number];
type Filter = 'all' | 'rejected' | 'warning' | 'new' | 'duplicate' | 'unchanged';
const PAGE = 100;

export const LEDGER_ROW_STATUS: Record<Row['status'], { label: string; color: string }> = {
  new: { label: '新增', color: 'green' },
  unchanged: { label: '已导入过', color: 'gray' },
  duplicate: { label: '重复行', color: 'yellow' },
  rejected: { label: '拒绝', color: 'red' },
};

const matches: Record<Filter, (r: Row) => boolean> = {
  all: () => true,
  rejected: (r) => r.status === 'rejected',
  warning: (r) => r.warnings.length > 0,
  new: (r) => r.status === 'new',
  duplicate: (r) => r.status === 'duplicate',
  unchanged: (r) => r.status === 'unchanged',
};

const dash = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

/** Every ledger row as it will be imported (a ticket, already there, merged or refused), a page at a time. */
export function LedgerPreviewTable({ rows }: { rows: Row[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: 0, rejected: 0, warning: 0, new: 0, duplicate: 0, unchanged: 0 };
    for (const r of rows) for (const f of Object.keys(matches) as Filter[]) if (matches[f](r)) c[f]++;
    return c;
  }, [rows]);
  const shown = useMemo(() => rows.filter(matches[filter]), [rows, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));

  useEffect(() => setPage(1), [filter, rows]);

  const label = (f: Filter, text: string) => ({ value: f, label: `${text} ${counts[f]}` });
  const filters = [label('all', '全部'), label('rejected', '拒绝'), label('warning', '有提示'), label('new', '新增')];
  if (counts.duplicate) filters.push(label('duplicate', '重复'));
  if (counts.unchanged) filters.push(label('unchanged', '已导入过'));

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as Filter)} data={filters} data-testid="ledger-filter" />
        {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} />}
      </Group>
      <ScrollArea.Autosize mah={560} type="auto">
        <Table stickyHeader striped verticalSpacing={4} horizontalSpacing="sm" fz="sm" data-testid="ledger-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>Excel 行号</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>编号 / 受理时间</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>位置</Table.Th>
              <Table.Th>原因 / 提示</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice((page - 1) * PAGE, page * PAGE).map((r) => (
              <Table.Tr key={r.row} data-testid="ledger-preview-row" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Table.Td className="fd-tabular">{r.row}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={LEDGER_ROW_STATUS[r.status].color} styles={{ label: { overflow: 'visible' } }}>
                    {LEDGER_ROW_STATUS[r.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td className="fd-tabular">
                  <Text size="sm">{r.no ?? dash}</Text>
                  <Text size="xs" c="dimmed">
                    {r.receivedAt ? cstDateTime(r.receivedAt) : '受理时间 —'}
                  </Text>
                </Table.Td>
                <Table.Td>{r.type ?? dash}</Table.Td>
                <Table.Td style={{ whiteSpace: 'normal', minWidth: 80, maxWidth: 140 }}>{r.location ?? dash}</Table.Td>
                <Table.Td style={{ whiteSpace: 'normal', minWidth: 200 }}>
                  {r.reason && (
                    <Text size="sm" c="red">
                      {r.reason}
                    </Text>
                  )}
                  {r.warnings.map((w, i) => (
                    <Text key={i} size="xs" c="orange.8">
                      ⚠ {w}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && (
          <Text c="dimmed" size="sm" ta="center" py="lg">
            没有符合条件的行
          </Text>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}
