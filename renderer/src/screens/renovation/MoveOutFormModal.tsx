import { ActionIcon, Button, Divider, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { MOVE_OUT_RELATIONS, MoveOutInput, type MoveOutPassT } from '../../../../shared/contract/renovation';
import { cstDate } from '../../../../shared/domain/time';
import { normalisePlate } from '../../../../shared/domain/text';
import { isMasked } from '../../../../shared/domain/mask';
import { MASKED_HINT } from './masked';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';

interface MoveOutFormModalProps {
  houseId: number;
  houseLabel: string;
  /** the current occupants' names and phones, offered as the applicant */
  people: Array<{ name: string; phone: string | null; relation: string }>;
  opened: boolean;
  onClose(): void;
  onSaved(p: MoveOutPassT): void;
}

/** 开放行条: who moves what out, in which vehicle, on which days, approved by whom. */
export function MoveOutFormModal({ opened, ...rest }: MoveOutFormModalProps) {
  return opened ? <MoveOutForm {...rest} /> : null;
}

type Values = {
  applicant: string;
  phone: string;
  relation: string | null;
  items: Array<{ name: string; qty: number | string }>;
  plate: string;
  validFrom: string | null;
  validTo: string | null;
  approver: string;
};

function MoveOutForm({ houseId, houseLabel, people, onClose, onSaved }: Omit<MoveOutFormModalProps, 'opened'>) {
  const first = people[0];
  const toInput = (v: Values) => ({
    houseId,
    applicant: v.applicant,
    phone: v.phone,
    relation: v.relation,
    items: v.items
      .filter((i) => i.name.trim())
      .map((i) => ({ name: i.name, qty: typeof i.qty === 'number' ? i.qty : i.qty === '' ? undefined : Number(i.qty) })),
    plate: v.plate ? normalisePlate(v.plate) : '',
    validFrom: v.validFrom,
    validTo: v.validTo,
    approver: v.approver,
  });
  const today = cstDate();
  const form = useContractForm({
    schema: MoveOutInput,
    initialValues: {
      applicant: first?.name ?? '',
      phone: first?.phone ?? '',
      relation: first ? ((MOVE_OUT_RELATIONS as readonly string[]).includes(first.relation) ? first.relation : '其他') : '业主',
      items: [{ name: '', qty: 1 }],
      plate: '',
      validFrom: today,
      validTo: today,
      approver: '',
    } as Values,
    toInput,
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      size="lg"
      title={`开具搬迁放行条 · ${houseLabel}`}
      form={form}
      testId="moveout"
      submitLabel="开具"
      submit={(v) => api['moveout.save'](parseInput(MoveOutInput, toInput, v))}
      onSaved={(p) => {
        showSaved(`已开具放行条 ${p.passNo}`);
        onSaved(p);
      }}
    >
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label="申请人" withAsterisk data-testid="moveout-applicant" data-autofocus {...form.getInputProps('applicant')} />
        <TextInput
          label="联系电话"
          description={isMasked(form.values.phone) ? MASKED_HINT : undefined}
          // the hint under the box, so the row's inputs stay in line
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="moveout-phone"
          {...form.getInputProps('phone')}
        />
        <Select
          label="与本户关系"
          withAsterisk
          data={[...MOVE_OUT_RELATIONS]}
          allowDeselect={false}
          data-testid="moveout-relation"
          {...form.getInputProps('relation')}
        />
        <DateField label="有效期自" withAsterisk minDate={today} data-testid="moveout-from" {...form.getInputProps('validFrom')} />
        <DateField label="有效期至" withAsterisk minDate={today} data-testid="moveout-to" {...form.getInputProps('validTo')} />
        <TextInput
          label="车牌号"
          placeholder="如 粤B12345"
          data-testid="moveout-plate"
          {...form.getInputProps('plate')}
          onChange={(e) => form.setFieldValue('plate', e.currentTarget.value.toUpperCase())}
        />
        <TextInput label="批准人" withAsterisk data-testid="moveout-approver" {...form.getInputProps('approver')} />
      </SimpleGrid>
      <Divider label="搬出物品" labelPosition="left" />
      {typeof form.errors.items === 'string' && <div style={{ color: 'var(--mantine-color-red-7)', fontSize: 14 }}>{form.errors.items}</div>}
      {form.values.items.map((_, i) => (
        <Group key={form.key(`items.${i}`)} gap="xs" wrap="nowrap" align="flex-start" data-testid="moveout-item-row">
          <TextInput
            size="xs"
            placeholder="物品名称，如 双人床"
            aria-label="物品名称"
            style={{ flex: 3 }}
            data-testid={`moveout-item-name-${i}`}
            {...form.getInputProps(`items.${i}.name`)}
          />
          <NumberInput
            size="xs"
            placeholder="数量"
            aria-label="数量"
            min={1}
            allowDecimal={false}
            style={{ flex: 1 }}
            data-testid={`moveout-item-qty-${i}`}
            {...form.getInputProps(`items.${i}.qty`)}
          />
          <ActionIcon size="sm" mt={4} variant="subtle" color="gray" aria-label="删除此项" onClick={() => form.removeListItem('items', i)}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('items', { name: '', qty: 1 })}
          data-testid="moveout-item-add"
        >
          添加物品
        </Button>
      </Group>
    </FormModal>
  );
}
