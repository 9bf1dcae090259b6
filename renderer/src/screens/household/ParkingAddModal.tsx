import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PARKING_KINDS, type VehicleT } from '../../../../shared/contract/archives';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { DateField } from '../../components/DateField';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';

type Kind = (typeof PARKING_KINDS)[number];

interface ParkingAddModalProps {
  houseId: number;
  opened: boolean;
  vehicles: VehicleT[];
  onClose(): void;
  onSaved(): void;
}

/** 添加车位: an owned or rented space, optionally with its period and the vehicle parked there. */
export function ParkingAddModal({ houseId, opened, vehicles, onClose, onSaved }: ParkingAddModalProps) {
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<Kind>('产权');
  const [vehicleId, setVehicleId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState<string | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (opened) {
      setCode('');
      setKind('产权');
      setVehicleId(vehicles.length === 1 ? String(vehicles[0].id) : null);
      setStartDate(null);
      setEndDate(null);
      setNotes('');
      reset();
    }
  }, [opened, vehicles, reset]);

  const order = startDate && endDate && endDate < startDate ? '结束日期不能早于开始日期' : undefined;

  async function save() {
    const p = await submit(() =>
      api['archives.parking.add']({ houseId, code, kind, vehicleId: vehicleId ? Number(vehicleId) : null, startDate, endDate, notes }),
    );
    if (p) {
      showSaved(`已添加车位 ${p.code}`);
      onSaved();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="添加车位" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="车位编号"
            withAsterisk
            maxLength={20}
            placeholder="如 B1-086"
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
              clear('code');
            }}
            error={err('code')}
            data-testid="parking-code"
            data-autofocus
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              性质{' '}
              <Text span c="red">
                *
              </Text>
            </Text>
            <SegmentedControl value={kind} onChange={(v) => setKind(v as Kind)} data={[...PARKING_KINDS]} />
            {err('kind') && (
              <Text size="xs" c="red" mt={4}>
                {err('kind')}
              </Text>
            )}
          </div>
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label={kind === '租赁' ? '租期开始' : '开始日期'}
              value={startDate}
              onChange={(v) => {
                setStartDate(v);
                clear('startDate');
              }}
              error={err('startDate')}
            />
            <DateField
              label={kind === '租赁' ? '租期结束' : '结束日期'}
              value={endDate}
              onChange={(v) => {
                setEndDate(v);
                clear('endDate');
              }}
              error={err('endDate') ?? order}
            />
          </SimpleGrid>
          <Select
            label="停放车辆"
            placeholder={vehicles.length ? '选择本户车辆' : '本户暂无登记车辆'}
            data={vehicles.map((v) => ({ value: String(v.id), label: v.plate }))}
            value={vehicleId}
            onChange={setVehicleId}
            clearable
            error={err('vehicleId')}
          />
          <TextInput label="备注" maxLength={200} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={err('notes')} />
          <FormError message={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy} data-testid="parking-save">
              添加
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
