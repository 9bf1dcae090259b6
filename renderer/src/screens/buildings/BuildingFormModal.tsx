import { NumberInput, TextInput } from '@mantine/core';
import { BuildingInput, type BuildingT } from '../../../../shared/contract/archives';
import { api } from '../../bridge';
import { showSaved } from '../../app/call';
import { numberInput } from '../../app/formErrors';
import { FormModal } from '../../components/form/FormModal';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { buildingTitle } from './buildingGrid';

interface BuildingFormModalProps {
  opened: boolean;
  estateId: number;
  onClose: () => void;
  onCreated: (b: BuildingT) => void;
}

/** 新增楼栋: name and number of floors. */
export function BuildingFormModal({ opened, ...rest }: BuildingFormModalProps) {
  return opened ? <BuildingForm {...rest} /> : null;
}

type BuildingValues = { name: string; floors: number | string };

function BuildingForm({ estateId, onClose, onCreated }: Omit<BuildingFormModalProps, 'opened'>) {
  const toInput = (v: BuildingValues) => ({ estateId, name: v.name, floors: numberInput(v.floors) });
  const form = useContractForm({ schema: BuildingInput, initialValues: { name: '', floors: '' } as BuildingValues, toInput });
  return (
    <FormModal
      opened
      onClose={onClose}
      title="新增楼栋"
      size="sm"
      form={form}
      testId="building"
      submit={(v) => api['archives.buildings.create'](parseInput(BuildingInput, toInput, v))}
      onSaved={(b) => {
        showSaved(`已新增楼栋 ${buildingTitle(b.name)}`);
        onCreated(b);
      }}
    >
      <TextInput
        label="楼栋名称"
        placeholder="如 3、3栋、A座"
        description="只写编号时会显示为“3栋”"
        withAsterisk
        data-autofocus
        data-testid="building-name"
        {...form.getInputProps('name')}
      />
      {/* clampBehavior="none": 0 or 150 stays as typed and the contract names the range */}
      <NumberInput
        label="地上楼层数"
        placeholder="选填，1 到 120"
        clampBehavior="none"
        min={1}
        max={120}
        data-testid="building-floors"
        {...form.getInputProps('floors')}
      />
    </FormModal>
  );
}
