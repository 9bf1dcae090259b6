import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconHomeCheck, IconKey, IconPrinter, IconX } from '@tabler/icons-react';
import { METER_LABELS, type HandoverViewT } from '../../../../shared/contract/movein';
import { cstDateTime } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { showSaved, unwrap } from '../../app/call';
import { useNav } from '../../app/navigation';
import { SectionCard } from '../../components/SectionCard';
import { MaskedNumber } from '../../components/MaskedNumber';
import { ReasonModal } from '../../components/ReasonModal';
import { HOUSE_STATUS_BADGE } from '../../components/houseStatus';
import { DocumentPreviewModal } from '../documents/DocumentPreviewModal';
import { HandoverModal } from './HandoverModal';
import { MoveInModal } from './MoveInModal';

type Dialog = 'handover' | 'moveIn' | 'void' | 'print' | null;

/** 交付入住 on the household screen: the house's handover facts and its 交付 / 入住 / 作废 / 打印 actions. */
export function MoveInSection({ houseId, readOnly, onChanged }: { houseId: number; readOnly: boolean; onChanged(): void }) {
  const [view, setView] = useState<HandoverViewT | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const go = useNav((s) => s.go);
  const load = useCallback(async () => {
    const v = await unwrap(api['movein.handover.get']({ houseId }), { key: 'movein-section' });
    if (v) setView(v);
  }, [houseId]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = () => {
    setDialog(null);
    void load();
    onChanged();
  };
  if (!view) return null;
  const { house, handover: h, plan } = view;
  const checked = new Set(h?.checklist ?? []);
  const meters = h ? (['water', 'electricity', 'gas'] as const).filter((m) => h.meters[m] !== null) : [];

  return (
    <SectionCard
      title="交付入住"
      icon={<IconKey size={20} />}
      testId="movein-section"
      actions={
        <>
          <Badge {...HOUSE_STATUS_BADGE[house.status]} data-testid="movein-section-status">
            {house.status}
          </Badge>
          {!readOnly && house.status === '已售未交付' && !h && (
            <Button size="xs" leftSection={<IconKey size={14} />} onClick={() => setDialog('handover')} data-testid="movein-section-handover">
              办理交付
            </Button>
          )}
          {!readOnly && house.status === '已交付' && (
            <Button
              size="xs"
              variant="light"
              color="green"
              leftSection={<IconHomeCheck size={14} />}
              onClick={() => setDialog('moveIn')}
              data-testid="movein-section-movein"
            >
              办理入住
            </Button>
          )}
          {!readOnly && h && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconX size={14} />}
              onClick={() => setDialog('void')}
              data-testid="movein-section-void"
            >
              作废交付
            </Button>
          )}
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => setDialog('print')} data-testid="movein-section-print">
            打印入住资料包
          </Button>
        </>
      }
    >
      {!h ? (
        <Text c="dimmed" size="sm" ta="center" py="sm">
          {house.status === '已售未交付'
            ? `尚未办理交付${plan?.date ? `（本楼交付日 ${plan.date}${plan.place ? `，${plan.place}` : ''}）` : ''}`
            : house.status === '未售'
              ? '未售房屋，无需交付'
              : '没有本系统办理的交付记录'}
        </Text>
      ) : (
        <Stack gap={6} data-testid="movein-section-facts">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
            <Fact label="交付时间" value={`${cstDateTime(h.handedAt)}（经办：${h.staff}）`} />
            <Fact
              label="领取人"
              value={
                <span data-testid="movein-receiver">
                  {h.receiverName}{' '}
                  {h.receiverPhone ? (
                    <MaskedNumber masked={h.receiverPhone} reveal={{ subject: 'handover', id: h.id, field: 'receiverPhone' }} label="领取人电话" />
                  ) : null}
                </span>
              }
            />
            <Fact
              label="钥匙"
              value={
                h.keys
                  .filter((k) => k.qty > 0)
                  .map((k) => `${k.name}×${k.qty}`)
                  .join('、') || '未领取'
              }
            />
            <Fact label="表底数" value={meters.length ? meters.map((m) => `${METER_LABELS[m]} ${h.meters[m]}`).join('，') : '未抄录'} />
            <Fact
              label="资料核验"
              value={`${checked.size} / ${view.checklistItems.length} 项${
                checked.size < view.checklistItems.length
                  ? `（未核验：${view.checklistItems
                      .filter((i) => !checked.has(i.id))
                      .map((i) => i.label)
                      .join('、')}）`
                  : ''
              }`}
            />
            <Fact label="签字" value={`业主${h.signatures.owner ? '已签' : '未签'}，经办人${h.signatures.staff ? '已签' : '未签'}`} />
            {h.movedInDate && <Fact label="入住日期" value={h.movedInDate} />}
            {h.notes && <Fact label="备注" value={h.notes} />}
          </SimpleGrid>
          {h.defects.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                验收问题 {h.defects.length} 项
              </Text>
              {h.defects.map((d, i) => (
                <Group key={i} gap={6} wrap="nowrap">
                  <Text size="sm">
                    {d.location}：{d.description}
                  </Text>
                  {!d.ticketId && (
                    <Text size="sm" c="orange.8">
                      未生成工单
                    </Text>
                  )}
                  {d.ticketId && (
                    <Text size="sm" c="blue.8" style={{ cursor: 'pointer' }} onClick={() => go({ name: 'ticket', ticketId: d.ticketId ?? 0 })}>
                      {d.ticketNo}
                    </Text>
                  )}
                </Group>
              ))}
            </div>
          )}
        </Stack>
      )}

      <HandoverModal houseId={dialog === 'handover' ? houseId : null} onClose={() => setDialog(null)} onSaved={changed} />
      <MoveInModal
        target={dialog === 'moveIn' ? { houseId, label: house.label, handedAt: h?.handedAt ?? null } : null}
        onClose={() => setDialog(null)}
        onSaved={changed}
      />
      <ReasonModal
        opened={dialog === 'void' && !!h}
        onClose={() => setDialog(null)}
        title={`作废交付 · ${house.label}`}
        description={`房屋状态将恢复为「${h?.statusBefore ?? ''}」；交付记录保留并注明原因，由验收问题生成的报修工单不受影响。`}
        confirmLabel="作废交付"
        onSubmit={(reason) => api['movein.handover.void']({ id: h?.id ?? 0, reason })}
        onDone={() => {
          showSaved('交付记录已作废');
          changed();
        }}
      />
      {dialog === 'print' && (
        <DocumentPreviewModal
          open
          title={`入住资料包 · ${house.label}`}
          request={{ document: 'moveInPacket', houseIds: [houseId], date: plan?.date ?? null, place: plan?.place ?? null }}
          onClose={() => setDialog(null)}
        />
      )}
    </SectionCard>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed" size="sm">
        {label}：
      </Text>
      {value}
    </Text>
  );
}
