import { useCallback, useEffect, useState } from 'react';
import { Anchor, Badge, Button, Card, Grid, Group, Image, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconClipboardText, IconPhoneCall, IconPrinter } from '@tabler/icons-react';
import type { DeskConfigT, TicketActionT, TicketDetailT } from '../../../../../shared/contract/desk';
import { ACTION_LABELS } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap, showSaved } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../app/Loading';
import { SlaBadge, TicketStatusBadge, TicketTypeBadge, minutesText } from '../shared/badges';
import { when } from '../shared/format';
import { ActionModal } from './ActionModal';
import { CallbackModal } from './CallbackModal';
import { PrintPreviewModal, type PrintableDocument } from '../print/PrintPreviewModal';

// buttons in the order a desk works a ticket; callback has its own form
const BUTTONS: TicketActionT[] = ['dispatch', 'start', 'complete', 'close', 'reassign', 'sendBack', 'hold', 'resume', 'reopen', 'void'];
const IMMEDIATE = new Set<TicketActionT>(['start', 'resume']);

export function TicketScreen({ ticketId }: { ticketId: number }) {
  const [detail, setDetail] = useState<TicketDetailT | null>(null);
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [action, setAction] = useState<TicketActionT | null>(null);
  const [callback, setCallback] = useState(false);
  const [printDoc, setPrintDoc] = useState<PrintableDocument | null>(null);
  const [photos, setPhotos] = useState<Record<number, string>>({});
  const go = useNav((s) => s.go);

  const load = useCallback(async () => {
    const d = await unwrap(api['desk.tickets.get']({ id: ticketId }));
    if (d) setDetail(d);
  }, [ticketId]);

  useEffect(() => {
    void load();
    void unwrap(api['desk.config.get']({})).then(setConfig);
  }, [load]);

  useEffect(() => {
    if (!detail) return;
    for (const a of detail.attachments) {
      if (photos[a.id]) continue;
      void api['desk.attachments.get']({ id: a.id }).then((r) => {
        if (r.ok) setPhotos((p) => ({ ...p, [a.id]: `data:${a.mime};base64,${r.value.dataBase64}` }));
      });
    }
  }, [detail]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!detail) return <Loading text="正在打开工单…" />;
  const t = detail.ticket;
  const done = (d: TicketDetailT, message: string) => {
    setDetail(d);
    setAction(null);
    setCallback(false);
    showSaved(message);
  };
  const runImmediate = async (a: TicketActionT) => {
    const d = await unwrap(api['desk.tickets.transition']({ id: t.id, action: a }));
    if (d) done(d, `已${ACTION_LABELS[a]}`);
  };
  const late = Math.max(t.sla.respondLateMinutes ?? 0, t.sla.resolveLateMinutes ?? 0);

  return (
    <>
      <PageHeader
        title={<span data-testid="ticket-no">{t.no}</span>}
        badges={
          <Group gap={6}>
            <TicketTypeBadge type={t.type} urgent={t.urgency === '紧急'} />
            <TicketStatusBadge status={t.status} testId="ticket-status" />
            <SlaBadge sla={t.sla} />
            {t.imported && <Badge variant="outline" color="gray">历史导入</Badge>}
          </Group>
        }
        subtitle={`${t.channel}受理 · ${when(t.receivedAt)} · 受理人 ${t.receivedBy}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrintDoc('acceptanceSlip')} data-testid="print-slip">
              受理单
            </Button>
            {t.department && (
              <Button variant="default" leftSection={<IconClipboardText size={16} />} onClick={() => setPrintDoc('workOrder')} data-testid="print-work-order">
                派工单
              </Button>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={96}>位置</Table.Th>
                    <Table.Td>{t.houseId ? <Anchor onClick={() => go({ name: 'household', houseId: t.houseId! })}>{t.location}</Anchor> : t.location}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>报事人</Table.Th>
                    <Table.Td>
                      {t.reporter ?? '—'} {t.phone && <Text span c="dimmed" ml="xs" className="fd-tabular">{t.phone}</Text>}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>类别</Table.Th>
                    <Table.Td>
                      {t.category}
                      {t.subcategory ? ` / ${t.subcategory}` : ''}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>内容</Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{t.description}</Table.Td>
                  </Table.Tr>
                  {t.expectedVisitAt && (
                    <Table.Tr>
                      <Table.Th>预约上门</Table.Th>
                      <Table.Td>{when(t.expectedVisitAt)}</Table.Td>
                    </Table.Tr>
                  )}
                  <Table.Tr>
                    <Table.Th>处理</Table.Th>
                    <Table.Td>{t.department ? `${t.department}${t.assignee ? ` · ${t.assignee}` : ''}` : '未派工'}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>时限</Table.Th>
                    <Table.Td>
                      {t.sla.state === 'none'
                        ? '无时限'
                        : `响应 ${when(t.sla.respondDueAt)} 前 · 完成 ${when(t.sla.resolveDueAt)} 前${t.sla.clock === 'working' ? '（工作时间）' : ''}${late ? ` · 已超时 ${minutesText(late)}` : ''}`}
                    </Table.Td>
                  </Table.Tr>
                  {t.voidReason && (
                    <Table.Tr>
                      <Table.Th>作废原因</Table.Th>
                      <Table.Td c="red">{t.voidReason}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
              {detail.attachments.length > 0 && (
                <SimpleGrid cols={6} spacing="xs" mt="sm">
                  {detail.attachments.map((a) => (photos[a.id] ? <Image key={a.id} src={photos[a.id]} h={90} radius="sm" fit="cover" alt={a.fileName} /> : <Card key={a.id} h={90} withBorder />))}
                </SimpleGrid>
              )}
            </Card>
            <Card withBorder radius="md">
              <Group gap="xs">
                {detail.allowed.includes('callback') && (
                  <Button leftSection={<IconPhoneCall size={16} />} onClick={() => setCallback(true)} data-testid="callback-open">
                    回访
                  </Button>
                )}
                {BUTTONS.filter((a) => detail.allowed.includes(a)).map((a) => (
                  <Button
                    key={a}
                    variant={a === 'void' ? 'subtle' : a === 'dispatch' || a === 'complete' || a === 'close' ? 'filled' : 'default'}
                    color={a === 'void' ? 'red' : undefined}
                    onClick={() => (IMMEDIATE.has(a) ? void runImmediate(a) : setAction(a))}
                    data-testid={`ticket-action-${a}`}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
                {detail.allowed.length === 0 && <Text c="dimmed">{t.status === '已作废' ? '工单已作废' : '没有可执行的操作'}</Text>}
              </Group>
              {t.status === '已完成' && !detail.allowed.includes('close') && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t.type}工单需要先回访，才能关闭。
                </Text>
              )}
            </Card>
            {detail.callbacks.length > 0 && (
              <Card withBorder radius="md">
                <Title order={5} mb="xs">
                  回访记录
                </Title>
                {detail.callbacks.map((c) => (
                  <Group key={c.id} gap="sm">
                    <Text size="sm">{when(c.at)}</Text>
                    <Badge color={c.resolved ? 'teal' : 'orange'} variant="light">
                      {c.resolved ? '已解决' : '未解决'}
                    </Badge>
                    {c.satisfaction && <Badge variant="outline">{c.satisfaction}</Badge>}
                    <Text size="sm" c="dimmed">
                      {c.method} · {c.staff}
                      {c.comment ? ` · ${c.comment}` : ''}
                    </Text>
                  </Group>
                ))}
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder radius="md">
            <Title order={5} mb="sm">
              处理过程
            </Title>
            <Timeline active={detail.events.length - 1} bulletSize={14} lineWidth={2}>
              {detail.events.map((e) => (
                <Timeline.Item key={e.id} title={e.label} data-testid="timeline-event">
                  <Text size="xs" c="dimmed">
                    {when(e.at)} · {e.actor}
                    {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? ` · ${e.fromStatus} → ${e.toStatus}` : ''}
                  </Text>
                  {e.note && <Text size="sm">{e.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </Grid.Col>
      </Grid>
      <ActionModal action={action} detail={detail} config={config} onClose={() => setAction(null)} onDone={(d) => done(d, `已${action ? ACTION_LABELS[action] : '保存'}`)} />
      <CallbackModal ticketId={t.id} no={t.no} opened={callback} onClose={() => setCallback(false)} onDone={(d) => done(d, '回访已记录')} />
      {printDoc && <PrintPreviewModal document={printDoc} ticketId={t.id} opened onClose={() => setPrintDoc(null)} />}
    </>
  );
}
