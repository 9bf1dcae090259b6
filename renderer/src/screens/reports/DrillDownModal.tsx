import { useEffect, useState } from 'react';
import { Badge, Loader, Modal, Table, Text } from '@mantine/core';
import { api } from '../../bridge';
import { unwrap } from '../../app/call';
import { useNav } from '../../app/navigation';
import { cstDateTime } from '../../../../shared/domain/time';
import type { DrillTicketT } from '../../../../shared/contract/reports';

/** what a clicked figure stands for: its tickets */
export interface Drill {
  title: string;
  ids: number[];
}

/** The tickets behind a figure of the monthly statistics; a row opens the ticket. */
export function DrillDownModal({ drill, onClose }: { drill: Drill | null; onClose(): void }) {
  const go = useNav((s) => s.go);
  const [rows, setRows] = useState<DrillTicketT[] | null>(null);
  useEffect(() => {
    let live = true;
    setRows(null);
    if (drill) void unwrap(api['reports.tickets']({ ids: drill.ids })).then((r) => live && setRows(r ?? []));
    return () => {
      live = false;
    };
  }, [drill]);

  return (
    <Modal opened={!!drill} onClose={onClose} title={drill ? `${drill.title}（${drill.ids.length} 件）` : ''} size="xl">
      {!rows && <Loader size="sm" />}
      {rows && !rows.length && <Text c="dimmed">没有工单</Text>}
      {rows && rows.length > 0 && (
        <Table striped highlightOnHover data-testid="drill-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>工单号</Table.Th>
              <Table.Th>受理时间</Table.Th>
              <Table.Th>位置</Table.Th>
              <Table.Th>类别</Table.Th>
              <Table.Th>部门</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr
                key={t.id}
                style={{ cursor: 'pointer' }}
                onClick={() => {
                  onClose();
                  go({ name: 'ticket', ticketId: t.id });
                }}
                data-testid="drill-row"
              >
                <Table.Td>{t.no}</Table.Td>
                <Table.Td>{cstDateTime(t.receivedAt)}</Table.Td>
                <Table.Td>{t.location}</Table.Td>
                <Table.Td>{t.category}</Table.Td>
                <Table.Td>{t.department ?? ''}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t.status}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
