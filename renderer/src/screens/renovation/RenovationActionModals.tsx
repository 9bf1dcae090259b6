import { Alert, NumberInput, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { AcceptInput, INSPECTION_RESULTS, InspectInput, RefundInput, type RenovationT } from '../../../../shared/contract/renovation';
import { cstDate } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';

// 巡查, 验收 and 退押金 of one renovation: small forms over the contract's own schemas.

interface ActionProps {
  renovation: RenovationT;
  onClose(): void;
  onDone(): void;
}

export const yuan = (n: number) => `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

type InspectValues = { date: string | null; by: string; findings: string; result: string | null };

/** 巡查: a visit's date, who went, what they found and the verdict */
export function InspectModal({ renovation: r, onClose, onDone }: ActionProps) {
  const toInput = (v: InspectValues) => ({ id: r.id, ...v });
  const form = useContractForm({ schema: InspectInput, initialValues: { date: cstDate(), by: '', findings: '', result: '正常' } as InspectValues, toInput });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`装修巡查 · ${r.permitNo}`}
      form={form}
      testId="inspect"
      submitLabel="记录巡查"
      submit={(v) => api['renovation.inspect'](parseInput(InspectInput, toInput, v))}
      onSaved={() => {
        showSaved('已记录巡查');
        onDone();
      }}
    >
      <SimpleGrid cols={3} spacing="sm">
        <DateField label="巡查日期" withAsterisk maxDate={cstDate()} data-testid="inspect-date" {...form.getInputProps('date')} />
        <TextInput label="巡查人" withAsterisk data-testid="inspect-by" data-autofocus {...form.getInputProps('by')} />
        <Select label="结论" withAsterisk data={[...INSPECTION_RESULTS]} allowDeselect={false} data-testid="inspect-result" {...form.getInputProps('result')} />
      </SimpleGrid>
      <Textarea
        label="巡查情况"
        withAsterisk
        autosize
        minRows={3}
        placeholder="如 卫生间防水已完成闭水试验，现场无违规拆改"
        data-testid="inspect-findings"
        {...form.getInputProps('findings')}
      />
    </FormModal>
  );
}

type AcceptValues = { by: string; note: string };

/** 验收: the house's 装修中 status ends here */
export function AcceptModal({ renovation: r, onClose, onDone }: ActionProps) {
  const toInput = (v: AcceptValues) => ({ id: r.id, ...v });
  const form = useContractForm({ schema: AcceptInput, initialValues: { by: '', note: '' } as AcceptValues, toInput });
  const corrections = r.inspections.filter((i) => i.result !== '正常').length;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`装修验收 · ${r.permitNo}`}
      form={form}
      testId="accept"
      submitLabel="验收通过"
      submitColor="green"
      submit={(v) => api['renovation.accept'](parseInput(AcceptInput, toInput, v))}
      onSaved={() => {
        showSaved(`${r.permitNo} 已验收`);
        onDone();
      }}
    >
      <Text size="sm">
        巡查 {r.inspections.length} 次{corrections ? `，其中 ${corrections} 次要求整改` : ''}。验收后房屋恢复装修前的状态，可办理退押金。
      </Text>
      <TextInput label="验收人" withAsterisk data-testid="accept-by" data-autofocus {...form.getInputProps('by')} />
      <Textarea label="验收意见" autosize minRows={2} data-testid="accept-note" {...form.getInputProps('note')} />
    </FormModal>
  );
}

type RefundValues = { amount: number | string; reason: string };

/** 退押金: the whole deposit, or less with the reason for what is kept */
export function RefundModal({ renovation: r, onClose, onDone }: ActionProps) {
  const toInput = (v: RefundValues) => ({
    id: r.id,
    amount: typeof v.amount === 'number' ? v.amount : v.amount === '' ? undefined : Number(v.amount),
    reason: v.reason,
  });
  const form = useContractForm({
    schema: RefundInput,
    initialValues: { amount: r.deposit, reason: '' } as RefundValues,
    toInput,
    also: (v): Record<string, string> => {
      const a = typeof v.amount === 'number' ? v.amount : Number(v.amount);
      if (a > r.deposit) return { amount: `不能超过押金 ${r.deposit.toFixed(2)} 元` };
      if (a < r.deposit && !v.reason.trim()) return { reason: '押金有扣除，请填写扣除原因' };
      return {};
    },
  });
  const amount = typeof form.values.amount === 'number' ? form.values.amount : Number(form.values.amount) || 0;
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`退还装修押金 · ${r.permitNo}`}
      form={form}
      testId="refund"
      submitLabel="确认退还"
      submit={(v) => api['renovation.refund'](parseInput(RefundInput, toInput, v))}
      onSaved={() => {
        showSaved('已退还押金');
        onDone();
      }}
    >
      <Alert variant="light" color="blue">
        押金 {yuan(r.deposit)}
        {amount < r.deposit && amount >= 0 ? `，扣除 ${yuan(r.deposit - amount)}` : ''}
      </Alert>
      <NumberInput
        label="退还金额（元）"
        withAsterisk
        min={0}
        // no max: a typed amount above the deposit stays and is refused by the field, never clamped unseen
        clampBehavior="none"
        decimalScale={2}
        data-testid="refund-amount"
        data-autofocus
        {...form.getInputProps('amount')}
      />
      <Textarea label="扣除原因" autosize minRows={2} placeholder="全额退还时不填" data-testid="refund-reason" {...form.getInputProps('reason')} />
    </FormModal>
  );
}
