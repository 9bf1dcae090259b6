import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Group, Pagination, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconMoodCheck, IconPhoneCall } from '@tabler/icons-react';
import type { TicketDetailT, TicketRowT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap, showSaved } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../app/Loading';
import { MaskedNumber } from '../../../components/MaskedNumber';
import { TicketTypeBadge } from '../shared/badges';
import { when } from '../shared/format';
import { CallbackModal } from '../ticket/CallbackModal';

const PAGE = 30;

/** 回访: complaints and repairs that are done and wait for the call that closes them, oldest first. */
export function CallbackQueueScreen() {
  const [rows, setRows] = useState<TicketRowT[] | null>(null);
  const [total, setTotal] = useState(0);
  /** main stopped counting a thousand past this page: there are more */
  const [capped, setCapped] = useState(false);
  const [page, setPage] = useState(1);
  const [current, setCurrent] = useState<TicketRowT | null>(null);
  const go = useNav((s) => s.go);

  const load = useCallback(async () => {
    const r = await unwrap(api['desk.tickets.list']({ needsCallback: true, sort: 'receivedAt', dir: 'asc', offset: (page - 1) * PAGE, limit: PAGE }));
    if (!r) return;
    // the last one on a page was called back: show the page before
    if (r.rows.length === 0 && page > 1) {
      setPage(page - 1);
      return;
    }
    setRows(r.rows);
    setTotal(r.total);
    setCapped(!!r.capped);
  }, [page]);

  useEffect(() => {
    void load();
  }, [load]);

  const recorded = (d: TicketDetailT) => {
    setCurrent(null);
    showSaved(d.ticket.status === '已回访' ? `${d.ticket.no} 回访已记录` : `${d.ticket.no} 回访未解决，已重新打开`);
    void load();
  };

  return (
    <>
      <PageHeader
        title="回访"
        subtitle={
          rows && total
            ? `投诉和报修完成后须回访才能关闭 · 待回访 ${total.toLocaleString('zh-CN')}${capped ? '+' : ''} 件，按受理时间从早到晚`
            : '投诉和报修完成后须回访才能关闭'
        }
      />
      <Card withBorder radius="md" p={rows && rows.length ? 0 : 'lg'}>
        {!rows ? (
          <Loading text="正在读取…" />
        ) : rows.length === 0 ? (
          <Stack align="center" gap="xs" py="xl" data-testid="callbacks-empty">
            <ThemeIcon size={44} radius="xl" variant="light" color="teal">
              <IconMoodCheck size={26} />
            </ThemeIcon>
            <Text fw={500}>没有待回访的工单</Text>
            <Text size="sm" c="dimmed">
              投诉和报修处理完成后会出现在这里
            </Text>
          </Stack>
        ) : (
          <Table highlightOnHover verticalSpacing={8} horizontalSpacing="md" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>工单号</Table.Th>
                <Table.Th w={92}>类型</Table.Th>
                <Table.Th>位置 / 内容</Table.Th>
                <Table.Th w={150}>回访对象 / 电话</Table.Th>
                <Table.Th w={150}>处理</Table.Th>
                <Table.Th w={150}>受理时间</Table.Th>
                <Table.Th w={96} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => go({ name: 'ticket', ticketId: r.id })} data-testid="callback-row">
                  <Table.Td ff="monospace">{r.no}</Table.Td>
                  <Table.Td>
                    <TicketTypeBadge type={r.type} urgent={r.urgency === '紧急'} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} truncate>
                      {r.location} · {r.category}
                      {r.subcategory ? ` / ${r.subcategory}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {r.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {r.reporter ?? '未留姓名'}
                    </Text>
                    {r.phone ? (
                      // masked; 显示 (audited) without opening the ticket: the row's click is the ticket's (docs/PRIVACY.md)
                      <Text
                        component="div"
                        size="sm"
                        fw={600}
                        className="fd-tabular"
                        style={{ whiteSpace: 'nowrap' }}
                        data-testid="callback-row-phone"
                        onClick={(e) => e.stopPropagation()}
                      >
                        <MaskedNumber masked={r.phone} reveal={{ subject: 'ticket', id: r.id, field: 'phone' }} label="联系电话" />
                      </Text>
                    ) : (
                      <Text size="xs" c="orange.8" data-testid="callback-row-phone">
                        未留电话
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {r.department ?? '—'}
                      {r.assignee ? ` · ${r.assignee}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="fd-tabular" style={{ whiteSpace: 'nowrap' }}>
                      {when(r.receivedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Button size="xs" leftSection={<IconPhoneCall size={14} />} onClick={() => setCurrent(r)} data-testid="callback-open">
                      回访
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {total > PAGE && (
        <Group justify="center" mt="md">
          <Pagination value={page} onChange={setPage} total={Math.ceil(total / PAGE)} />
        </Group>
      )}
      {current && <CallbackModal ticketId={current.id} onClose={() => setCurrent(null)} onDone={recorded} />}
    </>
  );
}
