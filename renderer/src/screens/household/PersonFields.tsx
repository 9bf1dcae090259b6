import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { GENDERS, ID_TYPES } from '../../../../shared/contract/archives';
import { idNumberWarning } from '../../../../shared/domain/idcard';
import { phoneWarning } from '../../../../shared/domain/text';
import { DateField } from '../../components/DateField';
import { hintProps } from '../../components/hints';
import type { PersonForm } from './personForm';

interface PersonFieldsProps {
  value: PersonForm;
  onChange(next: PersonForm): void;
  /** server message for a field (already resolving any "person." prefix) */
  err(key: keyof PersonForm): string | undefined;
  clear(key: keyof PersonForm): void;
  /** the stored ID number is shown masked; leaving it unchanged keeps it */
  idMasked?: boolean;
}

/** The person inputs shared by 添加住户 and 编辑人员, with instant hints for phone and ID numbers. */
export function PersonFields({ value, onChange, err, clear, idMasked }: PersonFieldsProps) {
  const set = <K extends keyof PersonForm>(key: K, v: PersonForm[K]) => {
    onChange({ ...value, [key]: v });
    clear(key);
  };
  const text = (key: 'name' | 'phone' | 'phone2' | 'idNumber' | 'emergencyContact' | 'emergencyPhone' | 'workUnit' | 'notes') => ({
    value: value[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value),
    error: err(key),
  });

  const idStillMasked = idMasked && value.idNumber.includes('*');
  const idHint = idStillMasked ? '号码已部分隐藏；不修改则保留原号码' : idNumberWarning(value.idType ?? '身份证', value.idNumber);

  return (
    <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
      <TextInput label="姓名" withAsterisk maxLength={40} data-testid="person-name" data-autofocus {...text('name')} />
      <Select
        label="性别"
        placeholder="未填写"
        data={[...GENDERS]}
        value={value.gender}
        onChange={(v) => set('gender', v as PersonForm['gender'])}
        clearable
        error={err('gender')}
      />
      <TextInput label="联系电话" maxLength={40} data-testid="person-phone" {...text('phone')} {...hintProps(phoneWarning(value.phone), err('phone'))} error={err('phone')} />
      <TextInput label="备用电话" maxLength={40} {...text('phone2')} {...hintProps(phoneWarning(value.phone2), err('phone2'))} error={err('phone2')} />
      <Select
        label="证件类型"
        data={[...ID_TYPES]}
        value={value.idType}
        onChange={(v) => set('idType', v as PersonForm['idType'])}
        clearable
        placeholder="未填写"
        error={err('idType')}
      />
      <TextInput
        label="证件号码"
        maxLength={40}
        data-testid="person-idNumber"
        {...text('idNumber')}
        {...hintProps(idHint, err('idNumber'))}
        error={err('idNumber')}
        onFocus={(e) => {
          // a masked number cannot be corrected in place: start from blank
          if (idStillMasked) e.currentTarget.select();
        }}
      />
      <DateField label="生日" value={value.birthday} onChange={(v) => set('birthday', v)} error={err('birthday')} />
      <TextInput label="工作单位" maxLength={100} {...text('workUnit')} />
      <TextInput label="紧急联系人" maxLength={40} {...text('emergencyContact')} />
      <TextInput
        label="紧急联系电话"
        maxLength={40}
        {...text('emergencyPhone')}
        {...hintProps(phoneWarning(value.emergencyPhone), err('emergencyPhone'))}
        error={err('emergencyPhone')}
      />
      <Textarea label="备注" maxLength={500} autosize minRows={1} maxRows={4} style={{ gridColumn: '1 / -1' }} {...text('notes')} />
    </SimpleGrid>
  );
}
