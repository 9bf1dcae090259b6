import { useState } from 'react';
import { Autocomplete, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { HOUSE_STATUSES, HOUSE_TYPES, HouseInput, type BuildingT, type HouseT } from '../../../../shared/contract/archives';
import { floorOfRoom } from '../../../../shared/domain/room';
import { toHalfWidth } from '../../../../shared/domain/text';
import { api } from '../../bridge';
import { submitForm, showSaved } from '../../app/call';
import { dropField, numberOrNull, zodFields } from '../../app/formErrors';
import { buildingTitle } from './buildingGrid';
import type { HouseStatusT } from './statusStyle';

type HouseTypeT = (typeof HOUSE_TYPES)[number];

interface Props {
  opened: boolean;
  buildings: BuildingT[];
  buildingId: number | null;
  /** unit names already used in the chosen building, offered as suggestions */
  unitNames: string[];
  onClose: () => void;
  onCreated: (house: HouseT) => void;
}

/** 新增房屋: one house in a building; the floor is guessed from the room number until typed. */
export function HouseFormModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="新增房屋" size="lg">
      {opened ? <HouseForm {...rest} onCancel={onClose} /> : null}
    </Modal>
  );
}

function HouseForm({ buildings, buildingId: initialBuilding, unitNames, onCancel, onCreated }: Omit<Props, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const [buildingId, setBuildingId] = useState<number | null>(initialBuilding ?? buildings[0]?.id ?? null);
  const [unitName, setUnitName] = useState('');
  const [roomNo, setRoomNo] = useState('');
  const [floor, setFloor] = useState<number | string>('');
  const [floorTouched, setFloorTouched] = useState(false);
  const [buildingArea, setBuildingArea] = useState<number | string>('');
  const [innerArea, setInnerArea] = useState<number | string>('');
  const [type, setType] = useState<HouseTypeT>('住宅');
  const [status, setStatus] = useState<HouseStatusT>('未售');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const clear = (key: string) => setErrors(dropField(key));

  const submit = async () => {
    if (buildingId === null) return setErrors({ buildingId: '请选择楼栋' });
    const input = {
      buildingId,
      unitName: toHalfWidth(unitName).trim() || null,
      roomNo: toHalfWidth(roomNo).trim().toUpperCase(),
      floor: numberOrNull(floor),
      buildingArea: numberOrNull(buildingArea),
      innerArea: numberOrNull(innerArea),
      type,
      status,
      notes: notes || null,
    };
    const parsed = HouseInput.safeParse(input);
    if (!parsed.success) return setErrors(zodFields(parsed.error));
    setSaving(true);
    const r = await submitForm(api['archives.houses.create'](input));
    setSaving(false);
    if (!r.ok) return setErrors(r.fields);
    showSaved(`已新增房屋 ${r.value.label}`);
    onCreated(r.value);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <Select<number>
            label="楼栋"
            withAsterisk
            data={buildings.map((b) => ({ value: b.id, label: buildingTitle(b.name) }))}
            value={buildingId}
            onChange={(v) => {
              setBuildingId(v);
              clear('buildingId');
            }}
            allowDeselect={false}
            searchable
            nothingFoundMessage="没有这个楼栋"
            error={errors.buildingId}
          />
          <Autocomplete
            label="单元"
            placeholder="无单元可不填"
            data={unitNames}
            value={unitName}
            onChange={(v) => {
              setUnitName(v);
              clear('unitName');
            }}
            error={errors.unitName}
          />
          <TextInput
            label="房号"
            placeholder="如 1502"
            withAsterisk
            data-autofocus
            value={roomNo}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setRoomNo(v);
              clear('roomNo');
              if (!floorTouched) setFloor(floorOfRoom(toHalfWidth(v).trim()) ?? '');
            }}
            error={errors.roomNo}
            data-testid="house-room"
          />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <NumberInput
            label="楼层"
            placeholder="按房号自动推算"
            allowDecimal={false}
            min={-10}
            max={200}
            value={floor}
            onChange={(v) => {
              setFloor(v);
              setFloorTouched(true);
              clear('floor');
            }}
            error={errors.floor}
          />
          <NumberInput
            label="建筑面积（㎡）"
            decimalScale={2}
            min={0}
            hideControls
            value={buildingArea}
            onChange={(v) => {
              setBuildingArea(v);
              clear('buildingArea');
            }}
            error={errors.buildingArea}
          />
          <NumberInput
            label="套内面积（㎡）"
            decimalScale={2}
            min={0}
            hideControls
            value={innerArea}
            onChange={(v) => {
              setInnerArea(v);
              clear('innerArea');
            }}
            error={errors.innerArea}
          />
        </SimpleGrid>
        <SimpleGrid cols={3} spacing="sm">
          <Select<HouseTypeT>
            label="房屋类型"
            withAsterisk
            data={[...HOUSE_TYPES]}
            value={type}
            onChange={(v) => v && setType(v)}
            allowDeselect={false}
            error={errors.type}
          />
          <Select<HouseStatusT>
            label="房屋状态"
            withAsterisk
            data={[...HOUSE_STATUSES]}
            value={status}
            onChange={(v) => v && setStatus(v)}
            allowDeselect={false}
            error={errors.status}
          />
        </SimpleGrid>
        <Textarea label="备注" autosize minRows={2} maxRows={4} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            取消
          </Button>
          <Button type="submit" loading={saving} data-testid="house-save">
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
