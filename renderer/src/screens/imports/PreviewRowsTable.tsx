import { Badge, Group, Pagination, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { ROW_STATUS_LABELS, type PreviewRowT } from '../../../../shared/contract/imports';

type Filter = 'all' | 'rejected' | 'warning' | 'new' | 'update';
const PAGE = 100;

export const ROW_STATUS_COLORS: Record<PreviewRowT['status'], string> = {
  new: 'green',
  update: 'blue',
  unchanged: 'gray',
  duplicate: 'yellow',
  rejected: 'red',
};

const matches: Record<Filter, (r: PreviewRowT) => boolean> = {
  all: () => true,
  rejected: (r) => r.status === 'rejected',
  warning: (r) => r.warnings.length > 0,
  new: (r) => r.status === 'new',
  update: (r) => r.status === 'update',
};

/** Step 3: every row of the roster as it will be imported, filterable, a page at a time. */
export function PreviewRowsTable({ rows }: { rows: PreviewRowT[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const counts = useMemo(() => {
    const c = { all: 0, rejected: 0, warning: 0, new: 0, update: 0 } as Record<Filter, number>;
    for (const r of rows) for (const f of Object.keys(matches) as Filter[]) if (matches[f](r)) c[f]++;
    return c;
  }, [rows]);
  const shown = useMemo(() => rows.filter(matches[filter]), [rows, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));

  useEffect(() => setPage(1), [filter, rows]);

  const label = (f: Filter, text: string) => ({ value: f, label: `${text} ${counts[f]}` });

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[label('all', '全部'), label('rejected', '拒绝'), label('warning', '有警告'), label('new', '新增'), label('update', '更新')]}
          data-testid="roster-filter"
        />
        {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} />}
      </Group>
      <ScrollArea.Autosize mah={560} type="auto">
        <Table stickyHeader striped verticalSpacing={4} horizontalSpacing="sm" fz="sm" data-testid="roster-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>Excel 行号</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>房屋</Table.Th>
              <Table.Th>业主</Table.Th>
              <Table.Th>电话</Table.Th>
              <Table.Th>原因 / 提示</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.slice((page - 1) * PAGE, page * PAGE).map((r) => (
              <Table.Tr key={r.row} data-testid="roster-preview-row" style={{ whiteSpace: 'nowrap' }}>
                <Table.Td className="fd-tabular">{r.row}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={ROW_STATUS_COLORS[r.status]} styles={{ label: { overflow: 'visible' } }}>
                    {ROW_STATUS_LABELS[r.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.house ?? (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.ownerName ?? (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.phone ?? (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'normal' }}>
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
