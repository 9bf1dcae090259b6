import { Stack, TextInput } from '@mantine/core';
import { EstateInput, EstateUpdate, type EstateT } from '../../../../shared/contract/archives';
import { api } from '../../bridge';
import { showSaved } from '../../app/call';
import { FormModal } from '../../components/form/FormModal';
import { useContractForm } from '../../components/form/contractForm';

interface EstateValues extends Record<string, unknown> {
  name: string;
  phone: string;
  address: string;
}

const valuesOf = (e: EstateT | null): EstateValues => ({ name: e?.name ?? '', phone: e?.phone ?? '', address: e?.address ?? '' });

/**
 * 项目名称、服务中心电话、地址: the name is in the header, the lookup and on every printout, the
 * phone and address on the slips. `estate` null adds a new estate to the same database.
 */
export function EstateFormModal({ estate, opened, onClose, onSaved }: { estate: EstateT | null; opened: boolean; onClose(): void; onSaved(e: EstateT): void }) {
  return opened ? <EstateForm key={estate?.id ?? 'new'} estate={estate} onClose={onClose} onSaved={onSaved} /> : null;
}

function EstateForm({ estate, onClose, onSaved }: { estate: EstateT | null; onClose(): void; onSaved(e: EstateT): void }) {
  const editing = estate !== null;
  // the schema main parses the call with: same limits, same messages, next to the field
  const form = useContractForm({
    schema: editing ? EstateUpdate : EstateInput,
    initialValues: valuesOf(estate),
    toInput: (v: EstateValues) => (editing ? { id: estate.id, ...v } : v),
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={editing ? `编辑项目 · ${estate.name}` : '新增项目'}
      form={form}
      testId="estate"
      submitLabel={editing ? '保存' : '新增'}
      submit={(v) => (editing ? api['archives.estates.update']({ id: estate.id, ...v }) : api['archives.estates.create'](v))}
      onSaved={(e) => {
        showSaved(editing ? `项目「${e.name}」已保存` : `已新增项目「${e.name}」`);
        onSaved(e);
      }}
    >
      <Stack gap="sm">
        <TextInput label="项目名称" withAsterisk data-autofocus data-testid="estate-name-input" {...form.getInputProps('name')} />
        <TextInput
          label="服务中心电话"
          description="印在受理单、派工单上，业主查询进度时拨打"
          placeholder="如 0755-88886666"
          data-testid="estate-phone-input"
          {...form.getInputProps('phone')}
        />
        <TextInput label="地址" placeholder="如 深圳市南山区某某路 88 号" data-testid="estate-address-input" {...form.getInputProps('address')} />
      </Stack>
    </FormModal>
  );
}
