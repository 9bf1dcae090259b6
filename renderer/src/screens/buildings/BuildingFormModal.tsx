import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { BuildingInput, type BuildingT } from '../../../../shared/contract/archives';
import { api } from '../../bridge';
import { submitForm, showSaved } from '../../app/call';
import { dropField, numberOrNull, zodFields } from '../../app/formErrors';
import { buildingTitle } from './buildingGrid';

/** 新增楼栋: name and number of floors. */
export function BuildingFormModal({ opened, estateId, onClose, onCreated }: { opened: boolean; estateId: number; onClose: () => void; onCreated: (b: BuildingT) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="新增楼栋" size="sm">
      {opened ? <BuildingForm estateId={estateId} onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function BuildingForm({ estateId, onCancel, onCreated }: { estateId: number; onCancel: () => void; onCreated: (b: BuildingT) => void }) {
  const [name, setName] = useState('');
  const [floors, setFloors] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const input = { estateId, name, floors: numberOrNull(floors) };
    const parsed = BuildingInput.safeParse(input);
    if (!parsed.success) return setErrors(zodFields(parsed.error));
    setSaving(true);
    const r = await submitForm(api['archives.buildings.create'](input));
    setSaving(false);
    if (!r.ok) return setErrors(r.fields);
    showSaved(`已新增楼栋 ${buildingTitle(r.value.name)}`);
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
        <TextInput
          label="楼栋名称"
          placeholder="如 3、3栋、A座"
          description="只写编号时会显示为“3栋”"
          withAsterisk
          data-autofocus
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setErrors(dropField('name'));
          }}
          error={errors.name}
          data-testid="building-name"
        />
        <NumberInput
          label="地上楼层数"
          placeholder="选填"
          min={1}
          max={120}
          allowDecimal={false}
          value={floors}
          onChange={(v) => {
            setFloors(v);
            setErrors(dropField('floors'));
          }}
          error={errors.floors}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            取消
          </Button>
          <Button type="submit" loading={saving} data-testid="building-save">
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
