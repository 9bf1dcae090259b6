import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, type MantineColor } from '@mantine/core';
import { IconFlame, IconHammer, IconPlus, IconPrinter, IconTruck } from '@tabler/icons-react';
import type { DocumentRequestT } from '../../../../shared/contract/documents';
import type { MoveOutPassT, RenovationStatusT, RenovationT } from '../../../../shared/contract/renovation';
import type { HouseholdT } from '../../../../shared/contract/archives';
import { cstDateTime } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { showSaved, unwrap } from '../../app/call';
import { SectionCard } from '../../components/SectionCard';
import { ReasonModal } from '../../components/ReasonModal';
import { DocumentPreviewModal } from '../documents/DocumentPreviewModal';
import { RenovationFormModal } from './RenovationFormModal';
import { AcceptModal, InspectModal, RefundModal, yuan } from './RenovationActionModals';
import { MoveOutFormModal } from './MoveOutFormModal';

// 装修登记 and 搬迁放行 on the household screen (PRODUCT.md §6): each record with its status and
// the next steps it allows; printing opens the one preview (DocumentPreviewModal).

const STATUS_COLOR: Record<RenovationStatusT, MantineColor> = { 申请中: 'yellow', 施工中: 'orange', 已验收: 'green', 已退押金: 'teal', 已作废: 'gray' };
const PASS_COLOR: Record<MoveOutPassT['state'], MantineColor> = { 有效: 'blue', 已查验: 'green', 已过期: 'gray', 未生效: 'yellow', 已作废: 'gray' };
const RELATION: Record<string, string> = { owner: '业主', co_owner: '业主', family: '家属', tenant: '租户' };
const short = (d: string) => d.slice(5);

type Dialog =
  | { kind: 'register' }
  | { kind: 'edit'; r: RenovationT }
  | { kind: 'inspect'; r: RenovationT }
  | { kind: 'accept'; r: RenovationT }
  | { kind: 'refund'; r: RenovationT }
  | { kind: 'void'; r: RenovationT }
  | { kind: 'pass' }
  | { kind: 'voidPass'; p: MoveOutPassT }
  | { kind: 'print'; request: DocumentRequestT }
  | null;

export function RenovationSection({ houseId, readOnly, onChanged }: { houseId: number; readOnly: boolean; onChanged(): void }) {
  const [renovations, setRenovations] = useState<RenovationT[] | null>(null);
  const [passes, setPasses] = useState<MoveOutPassT[] | null>(null);
  const [household, setHousehold] = useState<HouseholdT | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const load = useCallback(async () => {
    const [r, p, h] = await Promise.all([
      unwrap(api['renovation.list']({ houseId }), { key: 'renovation-section' }),
      unwrap(api['moveout.list']({ houseId }), { key: 'renovation-section' }),
      unwrap(api['archives.household.get']({ houseId }), { quiet: true }),
    ]);
    if (r) setRenovations(r);
    if (p) setPasses(p);
    if (h) setHousehold(h);
  }, [houseId]);
  useEffect(() => {
    void load();
  }, [load]);
  const close = () => setDialog(null);
  const changed = () => {
    setDialog(null);
    void load();
    onChanged();
  };
  const act = async (p: Promise<unknown>, message: string) => {
    if ((await unwrap(p as never)) !== null) {
      showSaved(message);
      changed();
    }
  };
  if (!renovations || !passes) return null;
  const houseLabel = household?.house.label ?? '';
  const people = (household?.occupants ?? [])
    .filter((o) => o.active)
    .map((o) => ({ name: o.person.name, phone: o.person.phone, relation: RELATION[o.role] ?? '其他' }));

  return (
    <Stack gap="md">
      <SectionCard
        title="装修登记"
        icon={<IconHammer size={20} />}
        count={renovations.filter((r) => r.status !== '已作废').length}
        testId="renovation-section"
        actions={
          !readOnly && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setDialog({ kind: 'register' })}
              data-testid="renovation-register"
            >
              登记装修
            </Button>
          )
        }
      >
        {renovations.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="sm">
            暂无装修登记
          </Text>
        ) : (
          <Stack gap="xs">
            {renovations.map((r) => (
              <RenovationRow
                key={r.id}
                r={r}
                readOnly={readOnly}
                onDialog={setDialog}
                onStart={() => void act(api['renovation.start']({ id: r.id }), `${r.permitNo} 已开工，房屋状态为装修中`)}
              />
            ))}
          </Stack>
        )}
      </SectionCard>

      <SectionCard
        title="搬迁放行"
        icon={<IconTruck size={20} />}
        count={passes.filter((p) => !p.voidedAt).length}
        testId="moveout-section"
        actions={
          !readOnly && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'pass' })} data-testid="moveout-new">
              开放行条
            </Button>
          )
        }
      >
        {passes.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="sm">
            暂无放行条
          </Text>
        ) : (
          <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr style={{ whiteSpace: 'nowrap' }}>
                <Table.Th>编号</Table.Th>
                <Table.Th>申请人</Table.Th>
                <Table.Th>物品</Table.Th>
                <Table.Th>车牌</Table.Th>
                <Table.Th>有效期</Table.Th>
                <Table.Th>状态</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {passes.map((p) => (
                <Table.Tr key={p.id} data-testid="moveout-row" c={p.voidedAt ? 'dimmed' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.passNo}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.applicant}
                    <Text size="xs" c="dimmed">
                      {p.relation}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} title={p.items.map((i) => `${i.name}×${i.qty}`).join('、')}>
                      {p.items.map((i) => `${i.name}×${i.qty}`).join('、')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.plate ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.validFrom === p.validTo ? p.validFrom : `${p.validFrom} 至 ${short(p.validTo)}`}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge size="sm" variant="light" color={PASS_COLOR[p.state]} data-testid="moveout-state">
                      {p.state}
                    </Badge>
                    {p.checkedAt && (
                      <Text size="xs" c="dimmed">
                        {cstDateTime(p.checkedAt)} {p.checkedBy}
                      </Text>
                    )}
                    {p.voidReason && (
                      <Text size="xs" c="dimmed">
                        {p.voidReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {!p.voidedAt && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconPrinter size={12} />}
                          onClick={() => setDialog({ kind: 'print', request: { document: 'moveOutPass', passId: p.id } })}
                          data-testid="moveout-print"
                        >
                          打印放行条
                        </Button>
                      )}
                      {!readOnly && p.state === '有效' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="green"
                          onClick={() => void act(api['moveout.check']({ id: p.id }), `${p.passNo} 已查验放行`)}
                          data-testid="moveout-check"
                        >
                          门岗查验
                        </Button>
                      )}
                      {!readOnly && !p.voidedAt && !p.checkedAt && (
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'voidPass', p })} data-testid="moveout-void">
                          作废
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>

      <RenovationFormModal
        opened={dialog?.kind === 'register' || dialog?.kind === 'edit'}
        houseId={houseId}
        houseLabel={houseLabel}
        editing={dialog?.kind === 'edit' ? dialog.r : null}
        applicant={people[0] ?? null}
        onClose={close}
        onSaved={changed}
      />
      {dialog?.kind === 'inspect' && <InspectModal renovation={dialog.r} onClose={close} onDone={changed} />}
      {dialog?.kind === 'accept' && <AcceptModal renovation={dialog.r} onClose={close} onDone={changed} />}
      {dialog?.kind === 'refund' && <RefundModal renovation={dialog.r} onClose={close} onDone={changed} />}
      <ReasonModal
        opened={dialog?.kind === 'void'}
        onClose={close}
        title={dialog?.kind === 'void' ? `作废装修登记 · ${dialog.r.permitNo}` : '作废装修登记'}
        description="作废后许可证不能再打印；施工中的房屋恢复装修前的状态。记录保留。"
        confirmLabel="确认作废"
        onSubmit={(reason) => api['renovation.void']({ id: dialog?.kind === 'void' ? dialog.r.id : 0, reason })}
        onDone={() => {
          showSaved('装修登记已作废');
          changed();
        }}
      />
      <MoveOutFormModal opened={dialog?.kind === 'pass'} houseId={houseId} houseLabel={houseLabel} people={people} onClose={close} onSaved={changed} />
      <ReasonModal
        opened={dialog?.kind === 'voidPass'}
        onClose={close}
        title={dialog?.kind === 'voidPass' ? `作废放行条 · ${dialog.p.passNo}` : '作废放行条'}
        description="作废后门岗不再放行，放行条不能再打印。记录保留。"
        confirmLabel="确认作废"
        onSubmit={(reason) => api['moveout.void']({ id: dialog?.kind === 'voidPass' ? dialog.p.id : 0, reason })}
        onDone={() => {
          showSaved('放行条已作废');
          changed();
        }}
      />
      {dialog?.kind === 'print' && <DocumentPreviewModal request={dialog.request} open onClose={close} />}
    </Stack>
  );
}

function RenovationRow({ r, readOnly, onDialog, onStart }: { r: RenovationT; readOnly: boolean; onDialog(d: Dialog): void; onStart(): void }) {
  const open = r.status === '申请中' || r.status === '施工中';
  const last = r.inspections.at(-1);
  return (
    <div data-testid="renovation-row" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', paddingBottom: 6 }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} size="sm" data-testid="renovation-permit-no">
              {r.permitNo}
            </Text>
            <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]} data-testid="renovation-status">
              {r.status}
            </Badge>
            {r.hotWork && (
              <Badge size="sm" variant="outline" color="red" leftSection={<IconFlame size={10} />}>
                动火
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {r.contractor} · {r.startDate} 至 {r.endDate} · 押金 {yuan(r.deposit)}
            {r.workers.length ? ` · 施工人员 ${r.workers.length} 人` : ''}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {[r.items.join('、'), r.scope].filter(Boolean).join('：')}
          </Text>
          {last && (
            <Text size="xs" c={last.result === '正常' ? 'dimmed' : 'orange.8'}>
              最近巡查 {last.date} {last.by}：{last.findings}（{last.result}）共 {r.inspections.length} 次
            </Text>
          )}
          {r.acceptedAt && (
            <Text size="xs" c="dimmed">
              {cstDateTime(r.acceptedAt)} 验收（{r.acceptedBy}）{r.acceptanceNote ? `：${r.acceptanceNote}` : ''}
            </Text>
          )}
          {r.refund && (
            <Text size="xs" c="dimmed">
              已退押金 {yuan(r.refund.amount)}
              {r.refund.deducted > 0 ? `，扣除 ${yuan(r.refund.deducted)}（${r.refund.reason ?? ''}）` : ''}
            </Text>
          )}
          {r.voidReason && (
            <Text size="xs" c="dimmed">
              作废：{r.voidReason}
            </Text>
          )}
        </div>
        <Group gap={4} justify="flex-end" style={{ flexShrink: 0, maxWidth: '55%' }}>
          {r.status !== '已作废' && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPrinter size={12} />}
              onClick={() => onDialog({ kind: 'print', request: { document: 'renovationPermit', renovationId: r.id } })}
              data-testid="renovation-print"
            >
              打印许可证
            </Button>
          )}
          {r.status !== '已作废' && r.hotWork && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconPrinter size={12} />}
              onClick={() => onDialog({ kind: 'print', request: { document: 'hotWorkPermit', renovationId: r.id } })}
              data-testid="renovation-print-hotwork"
            >
              打印动火证
            </Button>
          )}
          {!readOnly && r.status === '申请中' && (
            <Button size="compact-xs" variant="light" color="orange" onClick={onStart} data-testid="renovation-start">
              开工
            </Button>
          )}
          {!readOnly && r.status === '施工中' && (
            <>
              <Button size="compact-xs" variant="light" onClick={() => onDialog({ kind: 'inspect', r })} data-testid="renovation-inspect">
                巡查
              </Button>
              <Button size="compact-xs" variant="light" color="green" onClick={() => onDialog({ kind: 'accept', r })} data-testid="renovation-accept">
                验收
              </Button>
            </>
          )}
          {!readOnly && r.status === '已验收' && (
            <Button size="compact-xs" variant="light" color="teal" onClick={() => onDialog({ kind: 'refund', r })} data-testid="renovation-refund">
              退押金
            </Button>
          )}
          {!readOnly && open && (
            <>
              <Button size="compact-xs" variant="subtle" onClick={() => onDialog({ kind: 'edit', r })} data-testid="renovation-edit">
                修改
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDialog({ kind: 'void', r })} data-testid="renovation-void">
                作废
              </Button>
            </>
          )}
        </Group>
      </Group>
    </div>
  );
}
