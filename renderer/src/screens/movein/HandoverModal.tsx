import { useEffect, useState } from 'react';
import { ActionIcon, Button, Checkbox, Divider, Group, NumberInput, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { HandoverInput, KEY_QTY_MAX, METER_LABELS, METER_MAX, type HandoverViewT } from '../../../../shared/contract/movein';
import { api } from '../../bridge';
import { showNotice, showSaved, unwrap } from '../../app/call';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { hintProps } from '../../components/hints';

interface HandoverModalProps {
  /** the house to hand over; null when closed */
  houseId: number | null;
  onClose(): void;
  onSaved(): void;
}

/** 办理交付: documents checked, keys issued, meter readings, defects (each becomes a 报修 ticket), signatures, receiver. */
export function HandoverModal({ houseId, onClose, onSaved }: HandoverModalProps) {
  const [view, setView] = useState<HandoverViewT | null>(null);
  useEffect(() => {
    setView(null);
    if (houseId === null) return;
    let live = true;
    void unwrap(api['movein.handover.get']({ houseId })).then((v) => {
      if (!live) return;
      if (v) setView(v);
      else onClose();
    });
    return () => {
      live = false;
    };
    // onClose is the caller's; a new function each render must not reload the house
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [houseId]);
  if (houseId === null) return null;
  if (!view) return null;
  return <HandoverForm key={houseId} view={view} onClose={onClose} onSaved={onSaved} />;
}

/**
 * The owner's phone arrives masked (docs/PRIVACY.md) and starts as the receiver's: left as it is, main
 * stores the owner's own number; edited but still with a *, main refuses it with these words.
 */
function receiverPhoneHint(value: string, ownerPhone: string | null): string | null {
  if (!value.includes('*')) return null;
  return value === ownerPhone ? '保持 * 不变即用业主的电话' : '电话号码不能包含 *，请输入完整号码';
}

type Num = number | string;
type HandoverValues = {
  checklist: string[];
  keys: { name: string; qty: Num }[];
  meters: { water: Num; electricity: Num; gas: Num };
  defects: { location: string; description: string }[];
  signatures: { owner: boolean; staff: boolean };
  receiverName: string;
  receiverPhone: string;
  staff: string;
  notes: string;
};

/** a blank number box means "not read" (null); anything else goes as typed so the schema can say what is wrong */
const meterOf = (v: Num) => (v === '' ? null : typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : v);

function HandoverForm({ view, onClose, onSaved }: { view: HandoverViewT; onClose(): void; onSaved(): void }) {
  const houseId = view.house.id;
  const toInput = (v: HandoverValues) => ({
    houseId,
    checklist: v.checklist,
    keys: v.keys.map((k) => ({ name: k.name, qty: k.qty === '' ? undefined : k.qty })),
    meters: { water: meterOf(v.meters.water), electricity: meterOf(v.meters.electricity), gas: meterOf(v.meters.gas) },
    defects: v.defects,
    signatures: v.signatures,
    receiverName: v.receiverName,
    receiverPhone: v.receiverPhone,
    staff: v.staff,
    notes: v.notes,
  });
  const owner = view.owners[0];
  const form = useContractForm({
    schema: HandoverInput,
    initialValues: {
      checklist: [],
      keys: view.defaultKeys.map((k) => ({ name: k.name, qty: k.qty })),
      meters: { water: '', electricity: '', gas: '' },
      defects: [],
      signatures: { owner: false, staff: false },
      receiverName: owner?.name ?? '',
      receiverPhone: owner?.phone ?? '',
      staff: '',
      notes: '',
    } as HandoverValues,
    toInput,
  });
  const v = form.values;
  const keysError = form.errors.keys;
  const plan = view.plan;

  return (
    <FormModal
      opened
      onClose={onClose}
      size={880}
      title={`办理交付 · ${view.house.label}`}
      form={form}
      testId="handover"
      submitLabel="确认交付"
      submit={(values) => api['movein.handover.save'](parseInput(HandoverInput, toInput, values))}
      onSaved={(h) => {
        const made = h.defects.filter((d) => d.ticketNo).map((d) => d.ticketNo);
        const missing = h.defects.length - made.length;
        if (missing) showNotice(`${view.house.label} 已交付`, `有 ${missing} 项验收问题未能生成报修工单，请到「受理登记」补登`);
        else showSaved(made.length ? `${view.house.label} 已交付，验收问题已生成报修工单 ${made.join('、')}` : `${view.house.label} 已交付`);
        onSaved();
      }}
    >
      <Text size="sm" c="dimmed">
        业主：{view.owners.length ? view.owners.map((o) => o.name).join('、') : '未登记'}
        {plan?.date ? ` · 交付日 ${plan.date}` : ''}
        {plan?.place ? ` · ${plan.place}` : ''}
      </Text>

      <Group gap="xs" wrap="nowrap">
        <Divider label="核验资料" labelPosition="left" style={{ flex: 1 }} />
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            form.setFieldValue(
              'checklist',
              view.checklistItems.map((i) => i.id),
            )
          }
          data-testid="handover-check-all"
        >
          全部已核验
        </Button>
      </Group>
      <Checkbox.Group {...form.getInputProps('checklist')} data-testid="handover-checklist">
        <SimpleGrid cols={3} spacing={6} verticalSpacing={6}>
          {view.checklistItems.map((i) => (
            <Checkbox key={i.id} value={i.id} label={i.label} size="sm" data-testid={`handover-check-${i.id}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>

      <SimpleGrid cols={2} spacing="lg">
        <div>
          <Divider label="钥匙与门禁卡" labelPosition="left" mb={6} />
          <Table verticalSpacing={2} horizontalSpacing={4} data-testid="handover-keys">
            <Table.Tbody>
              {v.keys.map((_, i) => (
                <Table.Tr key={i} data-testid="handover-key-row">
                  <Table.Td>
                    <TextInput size="xs" aria-label="钥匙名称" {...form.getInputProps(`keys.${i}.name`)} data-testid="handover-key-name" />
                  </Table.Td>
                  <Table.Td w={96}>
                    <NumberInput
                      size="xs"
                      aria-label="数量"
                      min={0}
                      max={KEY_QTY_MAX}
                      allowDecimal={false}
                      clampBehavior="none"
                      {...form.getInputProps(`keys.${i}.qty`)}
                      data-testid="handover-key-qty"
                    />
                  </Table.Td>
                  <Table.Td w={30}>
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label="删除此行" onClick={() => form.removeListItem('keys', i)}>
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {typeof keysError === 'string' && (
            <Text size="xs" c="red">
              {keysError}
            </Text>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={12} />}
            onClick={() => form.insertListItem('keys', { name: '', qty: 1 })}
            data-testid="handover-key-add"
          >
            添加钥匙
          </Button>
        </div>
        <div>
          <Divider label="水电气表底数" labelPosition="left" mb={6} />
          <SimpleGrid cols={3} spacing="xs">
            {(['water', 'electricity', 'gas'] as const).map((m) => (
              <NumberInput
                key={m}
                size="xs"
                label={METER_LABELS[m]}
                placeholder="未读"
                min={0}
                max={METER_MAX}
                decimalScale={2}
                clampBehavior="none"
                hideControls
                {...form.getInputProps(`meters.${m}`)}
                data-testid={`handover-meter-${m}`}
              />
            ))}
          </SimpleGrid>
          <Divider label="签字" labelPosition="left" mt="md" mb={6} />
          <Group gap="lg">
            <Checkbox label="业主已签字" {...form.getInputProps('signatures.owner', { type: 'checkbox' })} data-testid="handover-sign-owner" />
            <Checkbox label="经办人已签字" {...form.getInputProps('signatures.staff', { type: 'checkbox' })} data-testid="handover-sign-staff" />
          </Group>
        </div>
      </SimpleGrid>

      <Divider label={`验收问题${v.defects.length ? `（${v.defects.length} 项，保存后每项生成一张报修工单：来访 · 工程维修）` : ''}`} labelPosition="left" />
      {v.defects.map((_, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="handover-defect-row">
          <TextInput
            size="xs"
            w={160}
            placeholder="位置，如 主卧"
            aria-label="问题位置"
            {...form.getInputProps(`defects.${i}.location`)}
            data-testid="handover-defect-location"
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            placeholder="问题描述，如 窗框渗水"
            aria-label="问题描述"
            {...form.getInputProps(`defects.${i}.description`)}
            data-testid="handover-defect-description"
          />
          <ActionIcon size="md" variant="subtle" color="gray" aria-label="删除此问题" onClick={() => form.removeListItem('defects', i)}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={12} />}
          onClick={() => form.insertListItem('defects', { location: '', description: '' })}
          data-testid="handover-defect-add"
        >
          添加验收问题
        </Button>
      </Group>

      <Divider label="领取人" labelPosition="left" />
      <SimpleGrid cols={4} spacing="sm">
        <TextInput label="领取人" withAsterisk {...form.getInputProps('receiverName')} data-testid="handover-receiver" />
        <TextInput
          label="领取人电话"
          {...form.getInputProps('receiverPhone')}
          {...hintProps(receiverPhoneHint(v.receiverPhone, owner?.phone ?? null), form.errors.receiverPhone ? String(form.errors.receiverPhone) : undefined)}
          onFocus={(e) => {
            // a masked number cannot be corrected in place: typing replaces it all
            if (e.currentTarget.value.includes('*')) e.currentTarget.select();
          }}
          data-testid="handover-receiver-phone"
        />
        <TextInput label="经办人" placeholder="默认为当前经办人" {...form.getInputProps('staff')} data-testid="handover-staff" />
        <TextInput label="备注" {...form.getInputProps('notes')} data-testid="handover-notes" />
      </SimpleGrid>
    </FormModal>
  );
}
