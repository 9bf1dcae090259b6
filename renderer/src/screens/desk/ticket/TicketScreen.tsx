import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconClipboardText, IconHistory, IconNote, IconPencil, IconPhoneCall, IconPhotoPlus, IconPrinter } from '@tabler/icons-react';
import type { DeskConfigT, TicketActionT, TicketDetailT } from '../../../../../shared/contract/desk';
import { ACTION_LABELS } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap, showSaved } from '../../../app/call';
import { useNav } from '../../../app/navigation';
import { PageHeader } from '../../../components/PageHeader';
import { useEstates } from '../../../stores/app';
import { useCan } from '../../../stores/auth';
import { Loading } from '../../../app/Loading';
import { MaskedNumber } from '../../../components/MaskedNumber';
import { SlaBadge, TicketStatusBadge, TicketTypeBadge, lateMinutes, minutesText } from '../shared/badges';
import { when } from '../shared/format';
import { ActionModal } from './ActionModal';
import { CallbackModal } from './CallbackModal';
import { PhotoStrip } from './PhotoStrip';
import { TicketTimeline } from './TicketTimeline';
import { TicketEditModal } from './TicketEditModal';
import { TicketNoteModal } from './TicketNoteModal';
import { TicketPhotosModal } from './TicketPhotosModal';
import { DocumentPreviewModal } from '../../documents/DocumentPreviewModal';

// buttons in the order a desk works a ticket; 回访 has its own form
const BUTTONS: TicketActionT[] = ['dispatch', 'start', 'complete', 'close', 'reassign', 'sendBack', 'hold', 'resume', 'reopen', 'void'];
// steps that need nothing more than the click
const IMMEDIATE = new Set<TicketActionT>(['start', 'resume']);
const PRIMARY = new Set<TicketActionT>(['dispatch', 'start', 'complete', 'close', 'resume']);

/** 工单详情: the facts, the clock, the allowed next steps, the printouts and the timeline. */
export function TicketScreen({ ticketId }: { ticketId: number }) {
  const [detail, setDetail] = useState<TicketDetailT | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [config, setConfig] = useState<DeskConfigT | null>(null);
  const [action, setAction] = useState<TicketActionT | null>(null);
  const [callback, setCallback] = useState(false);
  const [printDoc, setPrintDoc] = useState<'acceptanceSlip' | 'workOrder' | null>(null);
  /** which record dialog is open: 修改, 添加备注, 添加照片 */
  const [record, setRecord] = useState<'edit' | 'note' | 'photo' | null>(null);
  const [busy, setBusy] = useState<TicketActionT | null>(null);
  const go = useNav((s) => s.go);
  // several estates in one database: the ticket says which one it belongs to
  const severalEstates = useEstates().length > 1;
  // 作废 only for the roles that may void (docs/ACCOUNTS.md)
  const mayVoid = useCan('tickets.void');

  const load = useCallback(async () => {
    const r = await api['desk.tickets.get']({ id: ticketId }).catch(() => null);
    if (r?.ok) setDetail(r.value);
    else setMissing(r ? r.error.message : '与后台的连接中断，请重试');
  }, [ticketId]);

  useEffect(() => {
    void load();
    void unwrap(api['desk.config.get']({})).then(setConfig);
  }, [load]);

  if (!detail) {
    if (missing)
      return (
        <>
          <PageHeader title="工单" />
          <Alert color="red" title="无法打开工单" maw={560}>
            {missing}
          </Alert>
        </>
      );
    return <Loading text="正在打开工单…" />;
  }

  const t = detail.ticket;
  const done = (d: TicketDetailT, message: string) => {
    setDetail(d);
    setAction(null);
    setCallback(false);
    setRecord(null);
    showSaved(message);
  };
  const runImmediate = async (a: TicketActionT) => {
    setBusy(a);
    const d = await unwrap(api['desk.tickets.transition']({ id: t.id, action: a }));
    setBusy(null);
    if (d) done(d, `已${ACTION_LABELS[a]}`);
  };
  const actions = BUTTONS.filter((a) => detail.allowed.includes(a) && (a !== 'void' || mayVoid));
  // the same refusals main gives (core/desk/ticket-edit.ts), said before the click
  const voided = t.status === '已作废';
  const editBlocked = voided ? '工单已作废，不能修改' : t.status === '已关闭' ? '工单已关闭，不能修改；如需更正，请先重开工单' : null;

  return (
    <>
      <PageHeader
        title={
          <span data-testid="ticket-no" className="fd-tabular">
            {t.no}
          </span>
        }
        badges={
          <Group gap={6}>
            <TicketTypeBadge type={t.type} urgent={t.urgency === '紧急'} />
            <TicketStatusBadge status={t.status} testId="ticket-status" />
            {t.status !== '已作废' && <SlaBadge sla={t.sla} status={t.status} testId="ticket-sla" />}
            {t.imported && (
              <Badge variant="outline" color="gray" radius="sm">
                历史导入
              </Badge>
            )}
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
            <Button
              variant="subtle"
              leftSection={<IconHistory size={16} />}
              onClick={() => go({ name: 'audit', ticketId: t.id, label: `工单 ${t.no}` })}
              data-testid="ticket-audit"
            >
              查看操作记录
            </Button>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Table variant="vertical" layout="fixed" withTableBorder={false} withRowBorders={false} verticalSpacing={6}>
                <Table.Tbody>
                  <Fact label="位置">
                    {severalEstates && (
                      <Text span c="dimmed" mr={6} data-testid="ticket-estate">
                        {t.estateName}
                      </Text>
                    )}
                    {t.houseId ? (
                      <Anchor onClick={() => go({ name: 'household', houseId: t.houseId! })} data-testid="ticket-location">
                        {t.location}
                      </Anchor>
                    ) : (
                      <span data-testid="ticket-location">{t.location}（公共区域）</span>
                    )}
                  </Fact>
                  <Fact label="报事人">
                    {t.reporter ?? '—'}
                    {t.phone && (
                      // masked for every role; 显示 asks main for the number and is audited (docs/PRIVACY.md)
                      <Text span ml="sm" className="fd-tabular" data-testid="ticket-phone">
                        <MaskedNumber masked={t.phone} reveal={{ subject: 'ticket', id: t.id, field: 'phone' }} label="联系电话" />
                      </Text>
                    )}
                  </Fact>
                  <Fact label="类别">
                    {t.category}
                    {t.subcategory ? ` / ${t.subcategory}` : ''}
                    <Text span c="dimmed" ml="sm" size="sm">
                      {t.urgency}
                    </Text>
                  </Fact>
                  <Fact label="内容">
                    <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-description">
                      {t.description}
                    </Text>
                  </Fact>
                  {t.expectedVisitAt && <Fact label="预约上门">{when(t.expectedVisitAt)}</Fact>}
                  <Fact label="处理">{t.department ? `${t.department}${t.assignee ? ` · ${t.assignee}` : ''}` : '未派工'}</Fact>
                  <Fact label="时限">
                    <Deadlines detail={detail} />
                  </Fact>
                  {t.voidReason && (
                    <Fact label="作废原因">
                      <Text c="red">{t.voidReason}</Text>
                    </Fact>
                  )}
                </Table.Tbody>
              </Table>
              {!voided && (
                <Group gap="xs" mt="sm" data-testid="ticket-record-actions">
                  <Tooltip label={editBlocked} disabled={!editBlocked} withArrow>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPencil size={14} />}
                      disabled={!!editBlocked}
                      onClick={() => setRecord('edit')}
                      data-testid="ticket-edit-open"
                    >
                      修改
                    </Button>
                  </Tooltip>
                  <Button size="xs" variant="default" leftSection={<IconNote size={14} />} onClick={() => setRecord('note')} data-testid="ticket-note-open">
                    添加备注
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPhotoPlus size={14} />}
                    onClick={() => setRecord('photo')}
                    data-testid="ticket-photos-open"
                  >
                    添加照片
                  </Button>
                </Group>
              )}
              {detail.attachments.length > 0 && (
                <Stack gap={6} mt="sm">
                  <Text size="sm" fw={600}>
                    照片（{detail.attachments.length}）
                  </Text>
                  <PhotoStrip attachments={detail.attachments} />
                </Stack>
              )}
            </Card>

            <Card withBorder radius="md">
              <Text size="sm" fw={600} mb="xs">
                下一步
              </Text>
              <Group gap="xs">
                {detail.allowed.includes('callback') && (
                  <Button leftSection={<IconPhoneCall size={16} />} onClick={() => setCallback(true)} data-testid="callback-open">
                    回访
                  </Button>
                )}
                {actions.map((a) => (
                  <Button
                    key={a}
                    variant={a === 'void' ? 'subtle' : PRIMARY.has(a) ? 'filled' : 'default'}
                    color={a === 'void' ? 'red' : undefined}
                    loading={busy === a}
                    onClick={() => (IMMEDIATE.has(a) ? void runImmediate(a) : setAction(a))}
                    data-testid={`ticket-action-${a}`}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
                {detail.allowed.length === 0 && <Text c="dimmed">{t.status === '已作废' ? '工单已作废，不能再处理' : '没有可执行的操作'}</Text>}
              </Group>
              {t.status === '已完成' && !detail.allowed.includes('close') && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t.type}工单须先回访，才能关闭。
                </Text>
              )}
            </Card>

            {detail.callbacks.length > 0 && (
              <Card withBorder radius="md">
                <Text size="sm" fw={600} mb="xs">
                  回访记录
                </Text>
                <Stack gap={6}>
                  {detail.callbacks.map((c) => (
                    <Group key={c.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="ticket-callback">
                      <Text size="sm" className="fd-tabular" style={{ whiteSpace: 'nowrap' }}>
                        {when(c.at)}
                      </Text>
                      <Badge color={c.resolved ? 'teal' : 'orange'} variant="light" radius="sm" style={{ flexShrink: 0 }}>
                        {c.resolved ? '已解决' : '未解决'}
                      </Badge>
                      {c.satisfaction && (
                        <Badge
                          variant="outline"
                          radius="sm"
                          color={c.satisfaction.includes('不') ? 'red' : c.satisfaction === '一般' ? 'yellow' : 'teal'}
                          style={{ flexShrink: 0 }}
                        >
                          {c.satisfaction}
                        </Badge>
                      )}
                      <Text size="sm" c="dimmed">
                        {c.method}回访 · {c.staff}
                        {c.comment ? ` · ${c.comment}` : ''}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder radius="md">
            <Title order={5} mb="sm">
              处理过程
            </Title>
            <TicketTimeline events={detail.events} />
          </Card>
        </Grid.Col>
      </Grid>
      {action && (
        <ActionModal action={action} detail={detail} config={config} onClose={() => setAction(null)} onDone={(d) => done(d, `已${ACTION_LABELS[action]}`)} />
      )}
      {callback && (
        <CallbackModal
          ticketId={t.id}
          onClose={() => setCallback(false)}
          onDone={(d) => done(d, d.ticket.status === '已回访' ? '回访已记录' : '回访已记录，工单已重新打开')}
        />
      )}
      {record === 'edit' && (
        <TicketEditModal
          detail={detail}
          config={config}
          onClose={() => setRecord(null)}
          onSaved={(d) => {
            const last = d.events[d.events.length - 1];
            done(d, last?.action === 'edit' ? `已修改：${last.changes.map((c) => c.label).join('、')}` : '已保存');
          }}
        />
      )}
      {record === 'note' && <TicketNoteModal detail={detail} onClose={() => setRecord(null)} onSaved={(d) => done(d, '备注已添加')} />}
      {record === 'photo' && <TicketPhotosModal detail={detail} onClose={() => setRecord(null)} onSaved={(d) => done(d, '照片已添加')} />}
      {printDoc && <DocumentPreviewModal request={{ document: printDoc, ticketId: t.id }} open onClose={() => setPrintDoc(null)} />}
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={96} fw={500} c="dimmed" bg="transparent" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** both deadlines in China time, with how late each one is (or was) */
function Deadlines({ detail }: { detail: TicketDetailT }) {
  const { sla, status } = detail.ticket;
  if (sla.state === 'none') return <Text c="dimmed">此类工单无时限</Text>;
  if (status === '已作废') return <Text c="dimmed">已作废，不再计时</Text>;
  const line = (which: string, due: string | null, late: number | null, doneAt: string | null) =>
    due && (
      <Group gap="xs">
        <Text className="fd-tabular">
          {which} {when(due)} 前
        </Text>
        {late ? (
          <Text c="red" size="sm">
            {doneAt ? '超时' : '已超时'} {minutesText(late)}
          </Text>
        ) : doneAt ? (
          <Text c="teal" size="sm">
            {when(doneAt)} 已{which === '响应' ? '响应' : '完成'}
          </Text>
        ) : null}
      </Group>
    );
  return (
    <Stack gap={2} data-testid="ticket-deadlines">
      {line('响应', sla.respondDueAt, sla.respondLateMinutes, detail.ticket.respondedAt)}
      {line('完成', sla.resolveDueAt, sla.resolveLateMinutes, detail.ticket.completedAt)}
      <Text size="xs" c="dimmed">
        {sla.clock === 'working' ? '按工作时间计（柜台时间、节假日不计）' : '按自然时间计'}
        {sla.paused || status === '挂起' ? '；挂起中，暂停计时' : ''}
        {lateMinutes(sla) === 0 && sla.state === 'dueSoon' ? '；即将到期' : ''}
      </Text>
    </Stack>
  );
}
