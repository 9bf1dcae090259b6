import { Alert, TextInput } from '@mantine/core';
import { MoveOutInput, ROLE_LABELS, type OccupancyT } from '../../../../shared/contract/archives';
import { cstDate } from '../../../../shared/domain/time';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';

interface MoveOutModalProps {
  occupancy: OccupancyT | null;
  onClose(): void;
  onSaved(): void;
}

/** 迁出: the person leaves this house; the record stays, with its dates. */
export function MoveOutModal({ occupancy, ...rest }: MoveOutModalProps) {
  return occupancy ? <MoveOutForm key={occupancy.id} occupancy={occupancy} {...rest} /> : null;
}

type MoveOutValues = { moveOutDate: string | null; note: string };

function MoveOutForm({ occupancy, onClose, onSaved }: { occupancy: OccupancyT } & Omit<MoveOutModalProps, 'occupancy'>) {
  const toInput = (v: MoveOutValues) => ({ occupancyId: occupancy.id, moveOutDate: v.moveOutDate, note: v.note });
  const today = cstDate();
  const form = useContractForm({
    schema: MoveOutInput,
    initialValues: { moveOutDate: today, note: '' } as MoveOutValues,
    toInput,
    // what main checks against this occupancy, said before sending (core/archives/people.ts moveOut)
    also: (v): Record<string, string> =>
      v.moveOutDate && occupancy.moveInDate && v.moveOutDate < occupancy.moveInDate
        ? { moveOutDate: `迁出日期不能早于入住日期 ${occupancy.moveInDate}` }
        : v.moveOutDate && v.moveOutDate > today
          ? { moveOutDate: '迁出日期不能晚于今天' }
          : {},
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`迁出：${occupancy.person.name}（${ROLE_LABELS[occupancy.role]}）`}
      form={form}
      testId="moveout"
      submitLabel="确认迁出"
      submitColor="orange"
      submit={(v) => api['archives.people.moveOut'](parseInput(MoveOutInput, toInput, v))}
      onSaved={() => {
        showSaved(`${occupancy.person.name} 已迁出`);
        onSaved();
      }}
    >
      <Alert color="blue" variant="light">
        迁出后此人移到“已迁出”列表，资料和日期都会保留。
      </Alert>
      <DateField label="迁出日期" withAsterisk maxDate={today} data-testid="moveout-date" data-autofocus {...form.getInputProps('moveOutDate')} />
      <TextInput label="说明" placeholder="如：房屋出售、租期结束" data-testid="moveout-note" {...form.getInputProps('note')} />
    </FormModal>
  );
}
