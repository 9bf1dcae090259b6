import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Group, Pagination, Text } from '@mantine/core';
import type { TicketRowT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap, showSaved } from '../../../app/call';
import { PageHeader } from '../../../components/PageHeader';
import { TicketTable } from '../shared/TicketTable';
import { CallbackModal } from '../ticket/CallbackModal';

const PAGE = 30;

/** 回访: complaints and repairs that are done but not yet called back. */
export function CallbackQueueScreen() {
  const [rows, setRows] = useState<TicketRowT[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [current, setCurrent] = useState<TicketRowT | null>(null);
  const load = useCallback(async () => {
    const r = await unwrap(api['desk.tickets.list']({ needsCallback: true, sort: 'receivedAt', dir: 'asc', offset: (page - 1) * PAGE, limit: PAGE }));
    if (r) {
      setRows(r.rows);
      setTotal(r.total);
    }
  }, [page]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <PageHeader title="回访" subtitle={`投诉和报修完成后须回访才能关闭 · 待回访 ${total} 件`} />
      <Card withBorder radius="md">
        <TicketTable
          rows={rows}
          empty="没有待回访的工单"
          extra={(r) => (
            <Button size="xs" onClick={() => setCurrent(r)} data-testid="callback-queue-open">
              回访
            </Button>
          )}
        />
        {total > PAGE && (
          <Group justify="center" mt="sm">
            <Pagination value={page} onChange={setPage} total={Math.ceil(total / PAGE)} />
          </Group>
        )}
        {rows.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            按受理时间从早到晚排列
          </Text>
        )}
      </Card>
      {current && (
        <CallbackModal
          ticketId={current.id}
          no={current.no}
          opened
          onClose={() => setCurrent(null)}
          onDone={() => {
            setCurrent(null);
            showSaved('回访已记录');
            void load();
          }}
        />
      )}
    </>
  );
}
