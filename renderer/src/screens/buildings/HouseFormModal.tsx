import { useState } from 'react';
import { Autocomplete, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import {
  AREA_MAX,
  FLOOR_MAX,
  FLOOR_MIN,
  HOUSE_STATUSES,
  HOUSE_TYPES,
  HouseInput,
  HouseUpdate,
  type BuildingT,
  type HouseT,
} from '../../../../shared/contract/archives';
import { floorOfRoom } from '../../../../shared/domain/room';
import { toHalfWidth } from '../../../../shared/domain/text';
import { api } from '../../bridge';
import { showSaved } from '../../app/call';
import { numberInput, numberOrNull } from '../../app/formErrors';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { hintProps } from '../../components/hints';
import { buildingTitle } from './buildingGrid';
import type { HouseStatusT } from './statusStyle';

type HouseTypeT = (typeof HOUSE_TYPES)[number];

type HouseValues = {
  buildingId: number | null;
  unitName: string;
  roomNo: string;
  /** number boxes hand back '' when blank */
  floor: number | string;
  buildingArea: number | string;
  innerArea: number | string;
  type: HouseTypeT;
  status: HouseStatusT;
  notes: string;
};

interface HouseFormModalProps {
  opened: boolean;
  onClose: () => void;
  onSaved: (house: HouseT) => void;
  /** the house being edited; without it the form adds a new one */
  house?: HouseT;
  /** for a new house: the estate's buildings, the one to preselect, and unit names to suggest */
  buildings?: BuildingT[];
  buildingId?: number | null;
  unitNames?: string[];
}

/**
 * 新增房屋 and 编辑房屋, one form: a new house picks its building, unit and room (the floor is
 * guessed from the room number until typed); an existing one keeps its address and edits the rest.
 */
export function HouseFormModal({ opened, ...rest }: HouseFormModalProps) {
  // mounted per opening, so every opening starts from the stored house or a blank form
  return opened ? <HouseForm {...rest} /> : null;
}

const blankOr = (v: number | null) => (v === null ? '' : v);

function HouseForm({ house, buildings = [], buildingId, unitNames = [], onClose, onSaved }: Omit<HouseFormModalProps, 'opened'>) {
  const initialValues: HouseValues = house
    ? {
        buildingId: house.buildingId,
        unitName: house.unitName ?? '',
        roomNo: house.roomNo,
        floor: blankOr(house.floor),
        buildingArea: blankOr(house.buildingArea),
        innerArea: blankOr(house.innerArea),
        type: house.type,
        status: house.status,
        notes: house.notes ?? '',
      }
    : {
        buildingId: buildingId ?? buildings[0]?.id ?? null,
        unitName: '',
        roomNo: '',
        floor: '',
        buildingArea: '',
        innerArea: '',
        type: '住宅',
        status: '未售',
        notes: '',
      };

  const common = (v: HouseValues) => ({
    floor: numberInput(v.floor),
    buildingArea: numberInput(v.buildingArea),
    innerArea: numberInput(v.innerArea),
    type: v.type,
    status: v.status,
    notes: v.notes,
  });
  const toNew = (v: HouseValues) => ({
    buildingId: v.buildingId,
    unitName: toHalfWidth(v.unitName).trim() || null,
    roomNo: toHalfWidth(v.roomNo).trim().toUpperCase(),
    ...common(v),
  });
  const toUpdate = (v: HouseValues) => ({ id: house?.id, ...common(v) });

  const form = useContractForm({ schema: house ? HouseUpdate : HouseInput, initialValues, toInput: house ? toUpdate : toNew });
  // a new house's floor follows its room number (1502 → 15) until the user types a floor
  const [floorTyped, setFloorTyped] = useState(false);

  const v = form.values;
  const gross = numberOrNull(v.buildingArea);
  const inner = numberOrNull(v.innerArea);
  const innerError = form.errors.innerArea;
  const areaHint = inner !== null && gross !== null && gross > 0 && inner > gross ? '套内面积通常小于建筑面积，请核对' : null;
  const floorProps = form.getInputProps('floor');
  const roomProps = form.getInputProps('roomNo');

  return (
    <FormModal
      opened
      onClose={onClose}
      title={house ? `编辑房屋 · ${house.label}` : '新增房屋'}
      size="lg"
      form={form}
      testId="house"
      submit={(values) =>
        house ? api['archives.houses.update'](parseInput(HouseUpdate, toUpdate, values)) : api['archives.houses.create'](parseInput(HouseInput, toNew, values))
      }
      onSaved={(h) => {
        showSaved(house ? `已保存 ${h.label}` : `已新增房屋 ${h.label}`);
        onSaved(h);
      }}
    >
      {house ? null : (
        <SimpleGrid cols={3} spacing="sm">
          <Select<number>
            label="楼栋"
            withAsterisk
            data={buildings.map((b) => ({ value: b.id, label: buildingTitle(b.name) }))}
            allowDeselect={false}
            searchable
            nothingFoundMessage="没有这个楼栋"
            data-testid="house-building"
            {...form.getInputProps('buildingId')}
          />
          <Autocomplete label="单元" placeholder="无单元可不填" data={unitNames} data-testid="house-unit" {...form.getInputProps('unitName')} />
          <TextInput
            label="房号"
            placeholder="如 1502"
            withAsterisk
            data-autofocus
            data-testid="house-room"
            {...roomProps}
            onChange={(e) => {
              const room = e.currentTarget.value;
              form.setFieldValue('roomNo', room);
              if (!floorTyped) form.setFieldValue('floor', guessFloor(room));
            }}
          />
        </SimpleGrid>
      )}
      {/* min/max only steer the arrows: clampBehavior="none" keeps what was typed (−999 used to
          become −10 on leaving the box) so the contract can say which range is allowed */}
      <SimpleGrid cols={3} spacing="sm">
        <NumberInput
          label="楼层"
          placeholder={house ? '未登记' : '按房号推算'}
          // the range, until an error says it (one message under a box, not two)
          description={floorProps.error ? undefined : `${FLOOR_MIN} 到 ${FLOOR_MAX}，地下层写负数`}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          clampBehavior="none"
          min={FLOOR_MIN}
          max={FLOOR_MAX}
          data-testid="house-floor"
          data-autofocus={house ? true : undefined}
          {...floorProps}
          onChange={(value) => {
            setFloorTyped(true);
            floorProps.onChange(value);
          }}
        />
        <NumberInput
          label="建筑面积（㎡）"
          clampBehavior="none"
          min={0}
          max={AREA_MAX}
          hideControls
          data-testid="house-buildingArea"
          {...form.getInputProps('buildingArea')}
        />
        <NumberInput
          label="套内面积（㎡）"
          clampBehavior="none"
          min={0}
          max={AREA_MAX}
          hideControls
          data-testid="house-innerArea"
          {...form.getInputProps('innerArea')}
          {...hintProps(areaHint, typeof innerError === 'string' ? innerError : undefined)}
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        <Select<HouseTypeT>
          label="房屋类型"
          withAsterisk
          data={[...HOUSE_TYPES]}
          allowDeselect={false}
          data-testid="house-type"
          {...form.getInputProps('type')}
        />
        <Select<HouseStatusT>
          label="房屋状态"
          withAsterisk
          data={[...HOUSE_STATUSES]}
          allowDeselect={false}
          data-testid="house-status"
          {...form.getInputProps('status')}
        />
      </SimpleGrid>
      <Textarea label="备注" autosize minRows={2} maxRows={4} data-testid="house-notes" {...form.getInputProps('notes')} />
    </FormModal>
  );
}

/** 1502 → 15; blank for a room number that implies no floor the contract accepts */
function guessFloor(roomNo: string): number | '' {
  const f = floorOfRoom(toHalfWidth(roomNo).trim());
  return f !== null && f >= FLOOR_MIN && f <= FLOOR_MAX ? f : '';
}
