import type { GENDERS, ID_TYPES, PersonT } from '../../../../shared/contract/archives';
import type { Input } from '../../../../shared/contract';

type Gender = (typeof GENDERS)[number];
type IdType = (typeof ID_TYPES)[number];

/**
 * What the person inputs hold while editing: text as typed, selects and dates as null when blank
 * (a type, not an interface, so it fits @mantine/form's Record<string, unknown> values).
 */
export type PersonForm = {
  name: string;
  gender: Gender | null;
  phone: string;
  phone2: string;
  idType: IdType | null;
  idNumber: string;
  birthday: string | null;
  emergencyContact: string;
  emergencyPhone: string;
  workUnit: string;
  notes: string;
};

export const emptyPersonForm = (): PersonForm => ({
  name: '',
  gender: null,
  phone: '',
  phone2: '',
  idType: '身份证',
  idNumber: '',
  birthday: null,
  emergencyContact: '',
  emergencyPhone: '',
  workUnit: '',
  notes: '',
});

export function personFormFrom(p: PersonT): PersonForm {
  return {
    name: p.name,
    gender: p.gender,
    phone: p.phone ?? '',
    phone2: p.phone2 ?? '',
    idType: p.idType,
    idNumber: p.idNumber ?? '',
    birthday: p.birthday,
    emergencyContact: p.emergencyContact ?? '',
    emergencyPhone: p.emergencyPhone ?? '',
    workUnit: p.workUnit ?? '',
    notes: p.notes ?? '',
  };
}

/** The contract's PersonInput; blanks are sent as blanks and main turns them into null. */
export type PersonInputT = Omit<Input<'archives.people.update'>, 'id'>;

export function toPersonInput(f: PersonForm): PersonInputT {
  return {
    name: f.name,
    gender: f.gender,
    phone: f.phone,
    phone2: f.phone2,
    idType: f.idNumber.trim() ? (f.idType ?? '身份证') : f.idType,
    idNumber: f.idNumber,
    birthday: f.birthday,
    emergencyContact: f.emergencyContact,
    emergencyPhone: f.emergencyPhone,
    workUnit: f.workUnit,
    notes: f.notes,
  };
}
