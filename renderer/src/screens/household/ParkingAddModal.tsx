import { Input, SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { PARKING_KINDS, ParkingInput, type VehicleT } from '../../../../shared/contract/archives';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';

type Kind = (typeof PARKING_KINDS)[number];

interface ParkingAddModalProps {
  houseId: number;
  opened: boolean;
  vehicles: VehicleT[];
  onClose(): void;
  onSaved(): void;
}

/** 添加车位: an owned or rented space, optionally with its period and the vehicle parked there. */
export function ParkingAddModal({ opened, ...rest }: ParkingAddModalProps) {
  return opened ? <ParkingAddForm {...rest} /> : null;
}

type ParkingValues = { code: string; kind: Kind; vehicleId: string | null; startDate: string | null; endDate: string | null; notes: string };

function ParkingAddForm({ houseId, vehicles, onClose, onSaved }: Omit<ParkingAddModalProps, 'opened'>) {
  const toInput = (v: ParkingValues) => ({
    houseId,
    code: v.code,
    kind: v.kind,
    vehicleId: v.vehicleId ? Number(v.vehicleId) : null,
    startDate: v.startDate,
    endDate: v.endDate,
    notes: v.notes,
  });
  const form = useContractForm({
    schema: ParkingInput,
    initialValues: {
      code: '',
      kind: '产权',
      vehicleId: vehicles.length === 1 ? String(vehicles[0].id) : null,
      startDate: null,
      endDate: null,
      notes: '',
    } as ParkingValues,
    toInput,
  });
  const rented = form.values.kind === '租赁';
  // a SegmentedControl has no error slot of its own: the wrapper shows it
  const { error: kindError, ...kindProps } = form.getInputProps('kind');

  return (
    <FormModal
      opened
      onClose={onClose}
      title="添加车位"
      form={form}
      testId="parking"
      submitLabel="添加"
      submit={(v) => api['archives.parking.add'](parseInput(ParkingInput, toInput, v))}
      onSaved={(p) => {
        showSaved(`已添加车位 ${p.code}`);
        onSaved();
      }}
    >
      <TextInput label="车位编号" withAsterisk placeholder="如 B1-086" data-testid="parking-code" data-autofocus {...form.getInputProps('code')} />
      <Input.Wrapper label="性质" withAsterisk error={kindError}>
        <div>
          <SegmentedControl data={[...PARKING_KINDS]} data-testid="parking-kind" {...kindProps} />
        </div>
      </Input.Wrapper>
      <SimpleGrid cols={2} spacing="sm">
        <DateField label={rented ? '租期开始' : '开始日期'} data-testid="parking-start" {...form.getInputProps('startDate')} />
        <DateField label={rented ? '租期结束' : '结束日期'} data-testid="parking-end" {...form.getInputProps('endDate')} />
      </SimpleGrid>
      <Select
        label="停放车辆"
        placeholder={vehicles.length ? '选择本户车辆' : '本户暂无登记车辆'}
        data={vehicles.map((v) => ({ value: String(v.id), label: v.plate }))}
        clearable
        data-testid="parking-vehicle"
        {...form.getInputProps('vehicleId')}
      />
      <TextInput label="备注" data-testid="parking-notes" {...form.getInputProps('notes')} />
    </FormModal>
  );
}
