import { ActionIcon, Button, Checkbox, Divider, Group, NumberInput, SimpleGrid, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { MAX_WORKERS, RENOVATION_ITEMS, RenovationInput, type RenovationT } from '../../../../shared/contract/renovation';
import { cstDate } from '../../../../shared/domain/time';
import { isMasked } from '../../../../shared/domain/mask';
import { MASKED_HINT } from './masked';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';

interface RenovationFormModalProps {
  houseId: number;
  houseLabel: string;
  /** null: 登记装修; a record: 修改 it (before acceptance) */
  editing: RenovationT | null;
  /** the household's first current resident, offered as the applicant of a new registration */
  applicant: { name: string; phone: string | null } | null;
  opened: boolean;
  onClose(): void;
  onSaved(r: RenovationT): void;
}

/** 登记装修 / 修改装修登记: applicant, contractor and workers, period, scope and items, deposit and fees, hot work. */
export function RenovationFormModal({ opened, ...rest }: RenovationFormModalProps) {
  return opened ? <RenovationForm {...rest} /> : null;
}

type Money = number | string;
type Values = {
  applicant: string;
  applicantPhone: string;
  contractor: string;
  contractorContact: string;
  contractorPhone: string;
  workers: Array<{ name: string; idNo: string; phone: string }>;
  startDate: string | null;
  endDate: string | null;
  scope: string;
  items: string[];
  deposit: Money;
  fees: Array<{ name: string; amount: Money }>;
  hasHotWork: boolean;
  hotWork: { location: string; from: string | null; to: string | null; operator: string; certificateNo: string; guardian: string; measures: string };
};

const num = (v: Money) => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v));

function initial(r: RenovationT | null, who: RenovationFormModalProps['applicant']): Values {
  const today = cstDate();
  return {
    applicant: r ? r.applicant : (who?.name ?? ''),
    applicantPhone: r ? (r.applicantPhone ?? '') : (who?.phone ?? ''),
    contractor: r?.contractor ?? '',
    contractorContact: r?.contractorContact ?? '',
    contractorPhone: r?.contractorPhone ?? '',
    workers: r ? r.workers.map((w) => ({ name: w.name, idNo: w.idNo ?? '', phone: w.phone ?? '' })) : [{ name: '', idNo: '', phone: '' }],
    startDate: r?.startDate ?? today,
    endDate: r?.endDate ?? null,
    scope: r?.scope ?? '',
    items: r?.items ?? [],
    deposit: r?.deposit ?? 2000,
    fees: r ? r.fees.map((f) => ({ name: f.name, amount: f.amount })) : [{ name: '装修垃圾清运费', amount: 0 }],
    hasHotWork: !!r?.hotWork,
    hotWork: r?.hotWork ?? {
      location: '',
      from: null,
      to: null,
      operator: '',
      certificateNo: '',
      guardian: '',
      measures: '配备灭火器不少于2具，清除周边可燃物，专人监护',
    },
  };
}

function RenovationForm({ houseId, houseLabel, editing, applicant, onClose, onSaved }: Omit<RenovationFormModalProps, 'opened'>) {
  const toInput = (v: Values) => ({
    ...(editing ? { id: editing.id } : {}),
    houseId,
    applicant: v.applicant,
    applicantPhone: v.applicantPhone,
    contractor: v.contractor,
    contractorContact: v.contractorContact,
    contractorPhone: v.contractorPhone,
    // a row left wholly blank is not a worker
    workers: v.workers.filter((w) => w.name.trim() || w.idNo.trim() || w.phone.trim()),
    startDate: v.startDate,
    endDate: v.endDate,
    scope: v.scope,
    items: v.items,
    deposit: num(v.deposit),
    fees: v.fees.filter((f) => f.name.trim() || num(f.amount)).map((f) => ({ name: f.name, amount: num(f.amount) })),
    hotWork: v.hasHotWork ? v.hotWork : null,
  });
  const form = useContractForm({ schema: RenovationInput, initialValues: initial(editing, applicant), toInput });
  const v = form.values;
  const extraItems = v.items.filter((i) => !(RENOVATION_ITEMS as readonly string[]).includes(i));

  return (
    <FormModal
      opened
      onClose={onClose}
      size="xl"
      title={editing ? `修改装修登记 · ${editing.permitNo}` : `登记装修 · ${houseLabel}`}
      form={form}
      testId="renovation"
      submitLabel={editing ? '保存' : '登记'}
      submit={(values) => api['renovation.save'](parseInput(RenovationInput, toInput, values))}
      onSaved={(r) => {
        showSaved(editing ? `已保存 ${r.permitNo}` : `已登记装修，许可证编号 ${r.permitNo}`);
        onSaved(r);
      }}
    >
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label="申请人" withAsterisk data-testid="renovation-applicant" data-autofocus {...form.getInputProps('applicant')} />
        <TextInput
          label="申请人电话"
          description={isMasked(v.applicantPhone) ? MASKED_HINT : undefined}
          // the hint under the box, so the row's inputs stay in line
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="renovation-applicant-phone"
          {...form.getInputProps('applicantPhone')}
        />
        <div />
        <TextInput label="施工单位" withAsterisk data-testid="renovation-contractor" {...form.getInputProps('contractor')} />
        <TextInput label="施工负责人" data-testid="renovation-contractor-contact" {...form.getInputProps('contractorContact')} />
        <TextInput label="施工单位电话" data-testid="renovation-contractor-phone" {...form.getInputProps('contractorPhone')} />
        <DateField label="开工日期" withAsterisk data-testid="renovation-start" {...form.getInputProps('startDate')} />
        <DateField label="完工日期" withAsterisk data-testid="renovation-end" {...form.getInputProps('endDate')} />
        <NumberInput
          label="装修押金（元）"
          withAsterisk
          min={0}
          decimalScale={2}
          thousandSeparator=","
          data-testid="renovation-deposit"
          {...form.getInputProps('deposit')}
        />
      </SimpleGrid>
      <Checkbox.Group label="装修项目" {...form.getInputProps('items')}>
        <Group gap="md" mt={4}>
          {[...RENOVATION_ITEMS, ...extraItems].map((i) => (
            <Checkbox key={i} value={i} label={i} data-testid={`renovation-item-${i}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label="装修范围"
        withAsterisk
        autosize
        minRows={2}
        placeholder="如 客厅、卧室墙面翻新，卫生间重做防水"
        data-testid="renovation-scope"
        {...form.getInputProps('scope')}
      />

      <Divider label={`施工人员（${v.workers.length} 人，最多 ${MAX_WORKERS} 人）`} labelPosition="left" />
      {form.errors.workers && (
        <Text c="red" size="sm">
          {form.errors.workers}
        </Text>
      )}
      <Table verticalSpacing={2} horizontalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {v.workers.map((_, i) => (
            <Table.Tr key={form.key(`workers.${i}`)} data-testid="renovation-worker-row">
              <Table.Td w="25%">
                <TextInput
                  size="xs"
                  placeholder="姓名"
                  aria-label="姓名"
                  data-testid={`renovation-worker-name-${i}`}
                  {...form.getInputProps(`workers.${i}.name`)}
                />
              </Table.Td>
              <Table.Td w="40%">
                <TextInput size="xs" placeholder="身份证号" aria-label="身份证号" {...form.getInputProps(`workers.${i}.idNo`)} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" placeholder="电话" aria-label="电话" {...form.getInputProps(`workers.${i}.phone`)} />
              </Table.Td>
              <Table.Td w={30}>
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label="删除此人" onClick={() => form.removeListItem('workers', i)}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          disabled={v.workers.length >= MAX_WORKERS}
          onClick={() => form.insertListItem('workers', { name: '', idNo: '', phone: '' })}
          data-testid="renovation-worker-add"
        >
          添加施工人员
        </Button>
      </Group>

      <Divider label="其他费用" labelPosition="left" />
      {v.fees.map((_, i) => (
        <Group key={form.key(`fees.${i}`)} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput size="xs" placeholder="费用名称" aria-label="费用名称" style={{ flex: 2 }} {...form.getInputProps(`fees.${i}.name`)} />
          <NumberInput
            size="xs"
            placeholder="金额（元）"
            aria-label="金额（元）"
            min={0}
            decimalScale={2}
            style={{ flex: 1 }}
            {...form.getInputProps(`fees.${i}.amount`)}
          />
          <ActionIcon size="sm" mt={4} variant="subtle" color="gray" aria-label="删除此项费用" onClick={() => form.removeListItem('fees', i)}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('fees', { name: '', amount: '' })}>
          添加费用
        </Button>
      </Group>

      <Switch label="需要动火作业（电焊、切割等）" data-testid="renovation-hotwork" {...form.getInputProps('hasHotWork', { type: 'checkbox' })} />
      {v.hasHotWork && (
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="动火地点" withAsterisk data-testid="hotwork-location" {...form.getInputProps('hotWork.location')} />
          <DateField label="动火开始" withAsterisk data-testid="hotwork-from" {...form.getInputProps('hotWork.from')} />
          <DateField label="动火结束" withAsterisk data-testid="hotwork-to" {...form.getInputProps('hotWork.to')} />
          <TextInput label="动火人" withAsterisk data-testid="hotwork-operator" {...form.getInputProps('hotWork.operator')} />
          <TextInput label="特种作业证号" withAsterisk data-testid="hotwork-certificate" {...form.getInputProps('hotWork.certificateNo')} />
          <TextInput label="监护人" withAsterisk data-testid="hotwork-guardian" {...form.getInputProps('hotWork.guardian')} />
          <Textarea
            label="防火措施"
            withAsterisk
            autosize
            minRows={1}
            style={{ gridColumn: '1 / -1' }}
            data-testid="hotwork-measures"
            {...form.getInputProps('hotWork.measures')}
          />
        </SimpleGrid>
      )}
    </FormModal>
  );
}
