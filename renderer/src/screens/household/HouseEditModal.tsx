import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { HOUSE_STATUSES, HOUSE_TYPES, type HouseT } from '../../../../shared/contract/archives';
import { showSaved } from '../../app/call';
import { api } from '../../bridge';
import { hintProps } from '../../components/hints';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormError } from '../../components/FormError';

interface HouseEditModalProps {
  house: HouseT;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}

type Num = number | string;
const toNum = (v: Num): number | null => (v === '' || v === null ? null : typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : null);

/** 编辑房屋: status, type, floor, areas and notes (building and room number are fixed). */
export function HouseEditModal({ house, opened, onClose, onSaved }: HouseEditModalProps) {
  const [status, setStatus] = useState<HouseT['status']>(house.status);
  const [type, setType] = useState<HouseT['type']>(house.type);
  const [floor, setFloor] = useState<Num>('');
  const [buildingArea, setBuildingArea] = useState<Num>('');
  const [innerArea, setInnerArea] = useState<Num>('');
  const [notes, setNotes] = useState('');
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (opened) {
      setStatus(house.status);
      setType(house.type);
      setFloor(house.floor ?? '');
      setBuildingArea(house.buildingArea ?? '');
      setInnerArea(house.innerArea ?? '');
      setNotes(house.notes ?? '');
      reset();
    }
  }, [opened, house, reset]);

  const inner = toNum(innerArea);
  const gross = toNum(buildingArea);
  // min/max only steer the arrows; clampBehavior="none" keeps what was typed so main can say what is wrong
  const areaHint = inner !== null && gross !== null && gross > 0 && inner > gross ? '套内面积通常小于建筑面积，请核对' : null;

  async function save() {
    const h = await submit(() =>
      api['archives.houses.update']({
        id: house.id,
        status,
        type,
        floor: toNum(floor),
        buildingArea: gross,
        innerArea: inner,
        notes,
      }),
    );
    if (h) {
      showSaved(`已保存 ${h.label}`);
      onSaved();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`编辑房屋 · ${house.label}`} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="房屋状态"
              withAsterisk
              data={[...HOUSE_STATUSES]}
              value={status}
              onChange={(v) => v && setStatus(v as HouseT['status'])}
              allowDeselect={false}
              error={err('status')}
              data-testid="house-status"
            />
            <Select
              label="房屋类型"
              withAsterisk
              data={[...HOUSE_TYPES]}
              value={type}
              onChange={(v) => v && setType(v as HouseT['type'])}
              allowDeselect={false}
              error={err('type')}
            />
            <NumberInput
              clampBehavior="none"
              label="楼层"
              allowDecimal={false}
              min={-10}
              max={200}
              value={floor}
              onChange={(v) => {
                setFloor(v);
                clear('floor');
              }}
              error={err('floor')}
            />
            <div />
            <NumberInput
              clampBehavior="none"
              label="建筑面积（㎡）"
              decimalScale={2}
              min={0}
              value={buildingArea}
              onChange={(v) => {
                setBuildingArea(v);
                clear('buildingArea');
              }}
              error={err('buildingArea')}
              data-testid="house-buildingArea"
            />
            <NumberInput
              clampBehavior="none"
              label="套内面积（㎡）"
              decimalScale={2}
              min={0}
              value={innerArea}
              onChange={(v) => {
                setInnerArea(v);
                clear('innerArea');
              }}
              {...hintProps(areaHint, err('innerArea'))}
              error={err('innerArea')}
            />
          </SimpleGrid>
          <Textarea label="备注" autosize minRows={2} maxRows={6} maxLength={500} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={err('notes')} />
          <FormError message={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy} data-testid="house-edit-save">
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
