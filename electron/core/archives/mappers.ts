import type { Selectable } from 'kysely';
import type { PeopleTable } from '../db/schema';
import type { PersonT, HouseT } from '../../../shared/contract/archives';
import { idNumberWarning } from '../../../shared/domain/idcard';
import { maskedPhone, maskIdNumber } from '../../../shared/domain/mask';

export function houseLabel(buildingName: string, unitName: string | null, roomNo: string): string {
  return `${buildingName}${unitName ?? ''}${roomNo}`;
}

/**
 * A person as every screen gets them, whatever the role (docs/PRIVACY.md): phones and the ID number
 * masked; the full number only through privacy.reveal, which is audited. The ID warning is worked
 * out here from the stored number, so the screen can still say a check digit is wrong.
 */
export function toPerson(row: Selectable<PeopleTable>): PersonT {
  const idType = (row.id_type ?? (row.id_number ? '身份证' : null)) as PersonT['idType'];
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as PersonT['gender'],
    phone: maskedPhone(row.phone),
    phone2: maskedPhone(row.phone2),
    idType,
    idNumber: row.id_number ? maskIdNumber(row.id_number) : null,
    idMasked: !!row.id_number,
    idWarning: idNumberWarning(idType ?? '身份证', row.id_number),
    birthday: row.birthday,
    emergencyContact: row.emergency_contact,
    emergencyPhone: maskedPhone(row.emergency_phone),
    workUnit: row.work_unit,
    notes: row.notes,
  };
}

export interface HouseRow {
  id: number;
  estate_id: number;
  building_id: number;
  building_name: string;
  unit_id: number | null;
  unit_name: string | null;
  room_no: string;
  floor: number | null;
  building_area: number | null;
  inner_area: number | null;
  type: string;
  status: string;
  notes: string | null;
  voided_at: string | null;
  void_reason: string | null;
}

export function toHouse(r: HouseRow): HouseT {
  return {
    id: r.id,
    estateId: r.estate_id,
    buildingId: r.building_id,
    buildingName: r.building_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    roomNo: r.room_no,
    label: houseLabel(r.building_name, r.unit_name, r.room_no),
    floor: r.floor,
    buildingArea: r.building_area,
    innerArea: r.inner_area,
    type: r.type as HouseT['type'],
    status: r.status as HouseT['status'],
    notes: r.notes,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}
