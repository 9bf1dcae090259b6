import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, ScrollArea, Select, Table, Text, TextInput } from '@mantine/core';
import { IconHomeCheck, IconKey, IconPrinter } from '@tabler/icons-react';
import type { BuildingT } from '../../../../shared/contract/archives';
import { DeliveryPlanInput, type DeliveryPlanT, type MoveinHouseT } from '../../../../shared/contract/movein';
import { cstDate } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { showSaved, submitForm, unwrap } from '../../app/call';
import { useNav } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { DateField } from '../../components/DateField';
import { HOUSE_STATUS_BADGE } from '../../components/houseStatus';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { BatchPrintModal } from '../documents/BatchPrintModal';
import { HandoverModal } from './HandoverModal';
import { MoveInModal, type MoveInTarget } from './MoveInModal';

// the building last worked on, so coming back from a household lands on it again
let lastBuildingId: number | undefined;

/** 交付入住: a building's delivery day — its plan, every house with its handover, and the move-in packets. */
export function DeliveryScreen({ estateId, buildingId: routeBuildingId }: { estateId: number; buildingId?: number }) {
  const replace = useNav((s) => s.replace);
  const go = useNav((s) => s.go);
  const [buildings, setBuildings] = useState<BuildingT[] | null>(null);
  useEffect(() => {
    void unwrap(api['archives.buildings.list']({ estateId }), { key: 'movein-buildings' }).then((b) => setBuildings(b ?? []));
  }, [estateId]);
  const wanted = routeBuildingId ?? lastBuildingId;
  const building = buildings?.find((b) => b.id === wanted) ?? buildings?.[0] ?? null;
  const buildingId = building?.id ?? null;
  useEffect(() => {
    if (buildingId !== null) lastBuildingId = buildingId;
  }, [buildingId]);

  const [houses, setHouses] = useState<MoveinHouseT[] | null>(null);
  const [plan, setPlan] = useState<DeliveryPlanT | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const request = useRef(0);
  const load = useCallback(async (id: number) => {
    const mine = ++request.current;
    const [h, p] = await Promise.all([
      unwrap(api['movein.houses.list']({ buildingId: id }), { key: 'movein-houses' }),
      unwrap(api['movein.plan.get']({ buildingId: id }), { key: 'movein-plan' }),
    ]);
    if (mine !== request.current) return; // a building the user already left
    setHouses(h ?? []);
    setPlan(p);
  }, []);
  useEffect(() => {
    setHouses(null);
    setPlan(null);
    setSelected(new Set());
    if (buildingId !== null) void load(buildingId);
  }, [buildingId, load]);
  const reload = () => buildingId !== null && void load(buildingId);

  const [handoverHouse, setHandoverHouse] = useState<number | null>(null);
  const [moveInTarget, setMoveInTarget] = useState<MoveInTarget | null>(null);
  const [printing, setPrinting] = useState(false);

  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const h of houses ?? []) c[h.status] = (c[h.status] ?? 0) + 1;
    return c;
  }, [houses]);
  const all = houses ?? [];
  const allChecked = all.length > 0 && all.every((h) => selected.has(h.id));
  const someChecked = all.some((h) => selected.has(h.id));
  const printIds = someChecked ? all.filter((h) => selected.has(h.id)).map((h) => h.id) : all.map((h) => h.id);
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="交付入住"
        titleTestId="movein-title"
        subtitle="按楼栋办理交付：核验资料、发放钥匙、抄录表底数、登记验收问题，并打印入住资料包"
        actions={
          <Button leftSection={<IconPrinter size={16} />} disabled={!all.length} onClick={() => setPrinting(true)} data-testid="movein-print-packet">
            打印入住资料包{all.length ? `（${someChecked ? `已选 ${printIds.length}` : `全部 ${all.length}`} 户）` : ''}
          </Button>
        }
      />
      <Group align="flex-end" gap="md" mb="md" wrap="nowrap">
        <Select
          label="楼栋"
          w={180}
          data={(buildings ?? []).map((b) => ({ value: String(b.id), label: `${b.name}（${b.houseCount} 户）` }))}
          value={buildingId === null ? null : String(buildingId)}
          onChange={(v) => v && replace({ name: 'movein', buildingId: Number(v) })}
          allowDeselect={false}
          placeholder={buildings?.length === 0 ? '本项目还没有楼栋' : '选择楼栋'}
          data-testid="movein-building"
        />
        {buildingId !== null && plan && <PlanForm key={`${buildingId}:${plan.updatedAt ?? ''}`} plan={plan} onSaved={setPlan} />}
      </Group>

      {buildings?.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          本项目还没有楼栋，请先在「房屋档案」中建立楼栋和房屋。
        </Text>
      )}
      {houses && (
        <Card withBorder padding={0} radius="md">
          <Group gap="xs" p="sm" data-testid="movein-counts">
            <Text size="sm" fw={600}>
              共 {houses.length} 户
            </Text>
            {(['已售未交付', '已交付', '已入住', '未售'] as const).map((s) =>
              counts[s] ? (
                <Badge key={s} {...HOUSE_STATUS_BADGE[s]} size="md">
                  {s} {counts[s]}
                </Badge>
              ) : null,
            )}
          </Group>
          <ScrollArea.Autosize mah="calc(100vh - 290px)">
            <Table stickyHeader highlightOnHover verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label="全选"
                      checked={allChecked}
                      indeterminate={someChecked && !allChecked}
                      onChange={() => setSelected(allChecked ? new Set() : new Set(all.map((h) => h.id)))}
                      data-testid="movein-select-all"
                    />
                  </Table.Th>
                  <Table.Th>房号</Table.Th>
                  <Table.Th>状态</Table.Th>
                  <Table.Th>业主</Table.Th>
                  <Table.Th>交付日期</Table.Th>
                  <Table.Th>领取人</Table.Th>
                  <Table.Th>钥匙 / 问题</Table.Th>
                  <Table.Th>入住日期</Table.Th>
                  <Table.Th w={190} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {houses.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={9}>
                      <Text c="dimmed" ta="center" py="md">
                        该楼栋还没有房屋
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {houses.map((h) => (
                  <Table.Tr key={h.id} data-testid="movein-row" data-house-id={h.id} data-status={h.status}>
                    <Table.Td>
                      <Checkbox aria-label={`选择 ${h.label}`} checked={selected.has(h.id)} onChange={() => toggle(h.id)} data-testid="movein-row-check" />
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={600}
                        c="blue.8"
                        style={{ cursor: 'pointer' }}
                        onClick={() => go({ name: 'household', houseId: h.id })}
                        title="打开房屋档案"
                      >
                        {h.unitName ?? ''}
                        {h.roomNo}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge {...HOUSE_STATUS_BADGE[h.status]} data-testid="movein-row-status">
                        {h.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {h.owners.length ? (
                        h.owners.join('、')
                      ) : (
                        <Text span c="dimmed" size="sm">
                          未登记
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{h.handover ? cstDate(h.handover.handedAt) : ''}</Table.Td>
                    <Table.Td>{h.handover?.receiverName ?? ''}</Table.Td>
                    <Table.Td>
                      {h.handover && (
                        <Text size="sm" span>
                          {h.handover.keyCount} 件
                          {h.handover.defectCount ? (
                            <Text span c="orange.8" size="sm">
                              {' '}
                              / {h.handover.defectCount} 项问题
                            </Text>
                          ) : (
                            ' / 无问题'
                          )}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{h.handover?.movedInDate ?? ''}</Table.Td>
                    <Table.Td>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {h.status === '已售未交付' && (
                          <Button size="compact-sm" leftSection={<IconKey size={14} />} onClick={() => setHandoverHouse(h.id)} data-testid="movein-handover">
                            办理交付
                          </Button>
                        )}
                        {h.status === '已交付' && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="green"
                            leftSection={<IconHomeCheck size={14} />}
                            onClick={() => setMoveInTarget({ houseId: h.id, label: h.label, handedAt: h.handover?.handedAt ?? null })}
                            data-testid="movein-movein"
                          >
                            入住
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Card>
      )}

      <HandoverModal
        houseId={handoverHouse}
        onClose={() => setHandoverHouse(null)}
        onSaved={() => {
          setHandoverHouse(null);
          reload();
        }}
      />
      <MoveInModal
        target={moveInTarget}
        onClose={() => setMoveInTarget(null)}
        onSaved={() => {
          setMoveInTarget(null);
          reload();
        }}
      />
      {printing && (
        <BatchPrintModal
          open
          title={`入住资料包 · ${building?.name ?? ''}（${printIds.length} 户）`}
          request={{ document: 'moveInPacket', houseIds: printIds, date: plan?.date ?? null, place: plan?.place ?? null }}
          onClose={() => setPrinting(false)}
        />
      )}
    </>
  );
}

type PlanValues = { date: string | null; place: string; notes: string };

/** The building's delivery day, edited in place: 交付日期, 地点, 备注. */
function PlanForm({ plan, onSaved }: { plan: DeliveryPlanT; onSaved(p: DeliveryPlanT): void }) {
  const toInput = (v: PlanValues) => ({ buildingId: plan.buildingId, ...v });
  const form = useContractForm({
    schema: DeliveryPlanInput,
    initialValues: { date: plan.date, place: plan.place ?? '', notes: plan.notes ?? '' } as PlanValues,
    toInput,
  });
  const [busy, setBusy] = useState(false);
  const save = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await submitForm(api['movein.plan.set'](parseInput(DeliveryPlanInput, toInput, v)));
    setBusy(false);
    if (r.ok) {
      showSaved('交付安排已保存');
      form.resetDirty();
      onSaved(r.value);
    } else form.setErrors(r.fields);
  });
  return (
    <form onSubmit={save} noValidate style={{ flex: 1 }}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <DateField label="交付日期" w={150} {...form.getInputProps('date')} data-testid="movein-plan-date" />
        <TextInput label="交付地点" w={220} placeholder="如 会所一楼大厅" {...form.getInputProps('place')} data-testid="movein-plan-place" />
        <TextInput label="备注" style={{ flex: 1 }} {...form.getInputProps('notes')} data-testid="movein-plan-notes" />
        <Button type="submit" mt={25} variant={form.isDirty() ? 'filled' : 'default'} loading={busy} data-testid="movein-plan-save">
          保存安排
        </Button>
      </Group>
    </form>
  );
}
