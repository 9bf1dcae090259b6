import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, VehicleInput, type OccupancyT } from '../../../../shared/contract/archives';
import { normalisePlate } from '../../../../shared/domain/text';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { hintProps } from '../../components/hints';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';

interface VehicleAddModalProps {
  houseId: number;
  opened: boolean;
  /** current occupants, offered as the vehicle's owner */
  occupants: OccupancyT[];
  onClose(): void;
  onSaved(): void;
}

/** 添加车辆 to this household. */
export function VehicleAddModal({ houseId, opened, occupants, onClose, onSaved }: VehicleAddModalProps) {
  const [plate, setPlate] = useState('');
  const [model, setModel] = useState('');
  const [color, setColor] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [notes, setNotes] = useState('');
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (opened) {
      setPlate('');
      setModel('');
      setColor('');
      setNotes('');
      setPersonId(occupants.length === 1 ? String(occupants[0].person.id) : null);
      reset();
    }
  }, [opened, occupants, reset]);

  // the contract's own plate rule, checked as the user types
  const plateCheck = plate.trim() ? VehicleInput.shape.plate.safeParse(normalisePlate(plate)) : null;
  const plateHint = plateCheck && !plateCheck.success ? plateCheck.error.issues[0]?.message : null;

  async function save() {
    const v = await submit(() =>
      api['archives.vehicles.add']({
        houseId,
        plate: normalisePlate(plate),
        model,
        color,
        personId: personId ? Number(personId) : null,
        notes,
      }),
    );
    if (v) {
      showSaved(`已添加车辆 ${v.plate}`);
      onSaved();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="添加车辆" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="车牌号"
            withAsterisk
            placeholder="如 粤B12345"
            maxLength={12}
            value={plate}
            onChange={(e) => {
              setPlate(e.currentTarget.value.toUpperCase());
              clear('plate');
            }}
            {...hintProps(plateHint, err('plate'))}
            error={err('plate')}
            data-testid="vehicle-plate"
            data-autofocus
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="车型" maxLength={40} value={model} onChange={(e) => setModel(e.currentTarget.value)} error={err('model')} placeholder="如 大众朗逸" />
            <TextInput label="颜色" maxLength={20} value={color} onChange={(e) => setColor(e.currentTarget.value)} error={err('color')} placeholder="如 白色" />
          </SimpleGrid>
          <Select
            label="车主"
            placeholder={occupants.length ? '选择本户人员' : '本户暂无在住人员'}
            data={occupants.map((o) => ({ value: String(o.person.id), label: `${o.person.name}（${ROLE_LABELS[o.role]}）` }))}
            value={personId}
            onChange={setPersonId}
            clearable
            error={err('personId')}
          />
          <TextInput label="备注" maxLength={200} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={err('notes')} />
          <FormError message={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy} data-testid="vehicle-save">
              添加
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
