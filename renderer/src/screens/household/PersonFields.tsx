import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { GENDERS, ID_FORMATS, ID_TYPES } from '../../../../shared/contract/archives';
import { idNumberWarning, normaliseIdNumber } from '../../../../shared/domain/idcard';
import { phoneWarning, toHalfWidth } from '../../../../shared/domain/text';
import { DateField } from '../../components/DateField';
import { hintProps } from '../../components/hints';
import type { PersonForm } from './personForm';

interface PersonFieldsProps {
  value: PersonForm;
  onChange(next: PersonForm): void;
  /** server message for a field (already resolving any "person." prefix) */
  err(key: keyof PersonForm): string | undefined;
  clear(key: keyof PersonForm): void;
  /** the values the form opened with (编辑人员): numbers masked as main sends them; one left unchanged keeps the stored number */
  shown?: PersonForm;
  /** the form path of each input (data-path), so a form can put the cursor on a refused one */
  pathOf?(key: keyof PersonForm): string;
}

type NumberKey = 'phone' | 'phone2' | 'idNumber' | 'emergencyPhone';

/**
 * The hint under a number that still has a * (docs/PRIVACY.md): unchanged, main keeps the stored
 * number; edited but still masked, main refuses it with the same words as here.
 */
function maskedHint(v: PersonForm, shown: PersonForm | undefined, key: NumberKey): string | null {
  if (!v[key].includes('*')) return null;
  if (shown && v[key] === shown[key]) return '保持 * 不变即不修改';
  return key === 'idNumber' ? '证件号码不能包含 *，请输入完整号码' : '电话号码不能包含 *，请输入完整号码';
}

/** The orange hint under 证件号码 while typing: the contract's rule for the type, then the GB 11643 check. */
function idHint(v: PersonForm, shown: PersonForm | undefined): string | null {
  const masked = maskedHint(v, shown, 'idNumber');
  if (masked) return masked;
  const n = normaliseIdNumber(toHalfWidth(v.idNumber));
  if (!n) return null;
  const type = v.idType ?? '身份证';
  if (!ID_FORMATS[type].pattern.test(n)) return ID_FORMATS[type].message;
  return idNumberWarning(type, n);
}

/**
 * The person inputs shared by 添加住户 and 编辑人员, with instant hints for phone and ID numbers.
 * No maxLength: a box that stops taking characters cuts pasted text silently; the contract says
 * the limit instead.
 */
export function PersonFields({ value, onChange, err, clear, shown, pathOf }: PersonFieldsProps) {
  const set = <K extends keyof PersonForm>(key: K, v: PersonForm[K]) => {
    onChange({ ...value, [key]: v });
    clear(key);
  };
  const path = (key: keyof PersonForm) => (pathOf ? { 'data-path': pathOf(key) } : {});
  const text = (key: 'name' | 'phone' | 'phone2' | 'idNumber' | 'emergencyContact' | 'emergencyPhone' | 'workUnit' | 'notes') => ({
    value: value[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value),
    error: err(key),
    ...path(key),
  });

  // a masked number cannot be corrected in place: focusing it selects it all, so typing replaces it
  const selectMasked = (e: React.FocusEvent<HTMLInputElement>) => {
    if (e.currentTarget.value.includes('*')) e.currentTarget.select();
  };
  const phoneHint = (key: 'phone' | 'phone2' | 'emergencyPhone') => hintProps(maskedHint(value, shown, key) ?? phoneWarning(value[key]), err(key));

  return (
    <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
      <TextInput label="姓名" withAsterisk data-testid="person-name" data-autofocus {...text('name')} />
      <Select
        label="性别"
        placeholder="未填写"
        data={[...GENDERS]}
        value={value.gender}
        onChange={(v) => set('gender', v as PersonForm['gender'])}
        clearable
        error={err('gender')}
        {...path('gender')}
      />
      <TextInput label="联系电话" data-testid="person-phone" {...text('phone')} {...phoneHint('phone')} onFocus={selectMasked} />
      <TextInput label="备用电话" data-testid="person-phone2" {...text('phone2')} {...phoneHint('phone2')} onFocus={selectMasked} />
      <Select
        label="证件类型"
        data={[...ID_TYPES]}
        value={value.idType}
        onChange={(v) => set('idType', v as PersonForm['idType'])}
        clearable
        placeholder="未填写（按身份证）"
        error={err('idType')}
        data-testid="person-idType"
        {...path('idType')}
      />
      <TextInput
        label="证件号码"
        data-testid="person-idNumber"
        {...text('idNumber')}
        {...hintProps(idHint(value, shown), err('idNumber'))}
        onFocus={selectMasked}
      />
      <DateField
        label="生日"
        value={value.birthday}
        onChange={(v) => set('birthday', v)}
        error={err('birthday')}
        data-testid="person-birthday"
        {...path('birthday')}
      />
      <TextInput label="工作单位" {...text('workUnit')} />
      <TextInput label="紧急联系人" {...text('emergencyContact')} />
      <TextInput label="紧急联系电话" data-testid="person-emergencyPhone" {...text('emergencyPhone')} {...phoneHint('emergencyPhone')} onFocus={selectMasked} />
      <Textarea label="备注" autosize minRows={1} maxRows={4} style={{ gridColumn: '1 / -1' }} {...text('notes')} />
    </SimpleGrid>
  );
}

/** Reads a nested value of a form by path ("person"), or the whole values. */
function at(values: Record<string, unknown>, path: string | undefined): PersonForm {
  return (path ? values[path] : values) as PersonForm;
}

/**
 * PersonFields bound to a @mantine/form (contractForm.ts): the person's values at `path`
 * ("person" for 添加住户's nested input) or at the top (编辑人员). Each edit sets only the field
 * that changed, so the other fields keep their messages until they are fixed.
 */
export function PersonFormFields<V extends Record<string, unknown>>({ form, path, shown }: { form: UseFormReturnType<V>; path?: string; shown?: PersonForm }) {
  const key = (k: keyof PersonForm) => (path ? `${path}.${k}` : k);
  const value = at(form.values, path);
  const message = (k: keyof PersonForm) => {
    const e = form.errors[key(k)];
    return typeof e === 'string' ? e : undefined;
  };
  return (
    <PersonFields
      value={value}
      onChange={(next) => {
        for (const k of Object.keys(next) as (keyof PersonForm)[]) if (next[k] !== value[k]) form.setFieldValue(key(k), next[k] as never);
      }}
      err={message}
      clear={() => undefined}
      shown={shown}
      pathOf={key}
    />
  );
}
