import { Alert } from '@mantine/core';
import { MoveInInput } from '../../../../shared/contract/movein';
import { cstDate } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';

export interface MoveInTarget {
  houseId: number;
  label: string;
  /** ISO instant of the live handover, if any: the move-in cannot be earlier */
  handedAt: string | null;
}

/** 办理入住: 已交付 → 已入住 on a date. */
export function MoveInModal({ target, onClose, onSaved }: { target: MoveInTarget | null; onClose(): void; onSaved(): void }) {
  return target ? <MoveInForm key={target.houseId} target={target} onClose={onClose} onSaved={onSaved} /> : null;
}

type MoveInValues = { date: string | null };

function MoveInForm({ target, onClose, onSaved }: { target: MoveInTarget; onClose(): void; onSaved(): void }) {
  const today = cstDate();
  const handedDate = target.handedAt ? cstDate(target.handedAt) : null;
  const toInput = (v: MoveInValues) => ({ houseId: target.houseId, date: v.date });
  const form = useContractForm({
    schema: MoveInInput,
    initialValues: { date: today } as MoveInValues,
    toInput,
    // what main checks (core/movein/handover.ts moveIn), said before sending
    also: (v): Record<string, string> =>
      v.date && v.date > today
        ? { date: '入住日期不能晚于今天' }
        : v.date && handedDate && v.date < handedDate
          ? { date: `不能早于交付日期 ${handedDate}` }
          : {},
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`办理入住 · ${target.label}`}
      form={form}
      testId="movein"
      submitLabel="确认入住"
      submit={(v) => api['movein.moveIn'](parseInput(MoveInInput, toInput, v))}
      onSaved={() => {
        showSaved(`${target.label} 已入住`);
        onSaved();
      }}
    >
      <Alert color="blue" variant="light">
        房屋状态将由「已交付」改为「已入住」。{handedDate ? `交付日期：${handedDate}。` : ''}
      </Alert>
      <DateField label="入住日期" withAsterisk maxDate={today} data-testid="movein-date" data-autofocus {...form.getInputProps('date')} />
    </FormModal>
  );
}
