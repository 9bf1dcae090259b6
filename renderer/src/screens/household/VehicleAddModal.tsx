import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { ROLE_LABELS, VehicleInput, type OccupancyT } from '../../../../shared/contract/archives';
import { normalisePlate } from '../../../../shared/domain/text';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { hintProps } from '../../components/hints';

interface VehicleAddModalProps {
  houseId: number;
  opened: boolean;
  /** current occupants, offered as the vehicle's owner */
  occupants: OccupancyT[];
  onClose(): void;
  onSaved(): void;
}

/** 添加车辆 to this household. */
export function VehicleAddModal({ opened, ...rest }: VehicleAddModalProps) {
  return opened ? <VehicleAddForm {...rest} /> : null;
}

type VehicleValues = { plate: string; model: string; color: string; personId: string | null; notes: string };

function VehicleAddForm({ houseId, occupants, onClose, onSaved }: Omit<VehicleAddModalProps, 'opened'>) {
  const toInput = (v: VehicleValues) => ({
    houseId,
    plate: normalisePlate(v.plate),
    model: v.model,
    color: v.color,
    personId: v.personId ? Number(v.personId) : null,
    notes: v.notes,
  });
  const form = useContractForm({
    schema: VehicleInput,
    initialValues: { plate: '', model: '', color: '', personId: occupants.length === 1 ? String(occupants[0].person.id) : null, notes: '' } as VehicleValues,
    toInput,
  });
  // the contract's own plate rule as an orange hint while typing; the red message comes on 保存
  const plate = form.values.plate.trim();
  const plateCheck = plate ? VehicleInput.shape.plate.safeParse(normalisePlate(plate)) : null;
  const plateHint = plateCheck && !plateCheck.success ? (plateCheck.error.issues[0]?.message ?? null) : null;
  const plateProps = form.getInputProps('plate');
  const plateError = typeof plateProps.error === 'string' ? plateProps.error : undefined;

  return (
    <FormModal
      opened
      onClose={onClose}
      title="添加车辆"
      form={form}
      testId="vehicle"
      submitLabel="添加"
      submit={(v) => api['archives.vehicles.add'](parseInput(VehicleInput, toInput, v))}
      onSaved={(v) => {
        showSaved(`已添加车辆 ${v.plate}`);
        onSaved();
      }}
    >
      <TextInput
        label="车牌号"
        withAsterisk
        placeholder="如 粤B12345"
        data-testid="vehicle-plate"
        data-autofocus
        {...plateProps}
        onChange={(e) => form.setFieldValue('plate', e.currentTarget.value.toUpperCase())}
        {...hintProps(plateHint, plateError)}
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="车型" placeholder="如 大众朗逸" data-testid="vehicle-model" {...form.getInputProps('model')} />
        <TextInput label="颜色" placeholder="如 白色" data-testid="vehicle-color" {...form.getInputProps('color')} />
      </SimpleGrid>
      <Select
        label="车主"
        placeholder={occupants.length ? '选择本户人员' : '本户暂无在住人员'}
        data={occupants.map((o) => ({ value: String(o.person.id), label: `${o.person.name}（${ROLE_LABELS[o.role]}）` }))}
        clearable
        data-testid="vehicle-person"
        {...form.getInputProps('personId')}
      />
      <TextInput label="备注" data-testid="vehicle-notes" {...form.getInputProps('notes')} />
    </FormModal>
  );
}
