import type Database from 'better-sqlite3';
import { personSearchFields } from '../../archives/person-fields';
import { auditor, inserter, updater, type Value } from '../bulk';
import { maskIdNumber, maskIdNumbersIn } from '../../../../shared/domain/idcard';
import { sortKeyOf } from './names';
import type { Change, Plan, Scalar } from './plan';

export interface ApplyInfo {
  actor: string;
  now: string;
  estateId: number;
  fileName: string;
  fileHash: string;
}

export interface Applied {
  buildings: number;
  units: number;
  houses: number;
  people: number;
  occupancies: number;
  updatedHouses: number;
  updatedPeople: number;
  updatedOccupancies: number;
  batchId: number;
}

/** the column updates a list of changes stands for (field names are column names) */
function changeSet(changes: Change[], now: string): Record<string, Value> {
  const set: Record<string, Value> = { updated_at: now };
  for (const c of changes) set[c.field] = c.to;
  return set;
}

/** an audited value: ID numbers only masked (issue 11), in the ID field and in notes that carry extra ones */
function audited(field: string, v: Scalar): Scalar {
  if (typeof v !== 'string') return v;
  if (field === 'id_number') return maskIdNumber(v);
  return field === 'notes' ? maskIdNumbersIn(v) : v;
}

/**
 * Writes a plan with statements prepared once (imports/bulk.ts). Must run inside one transaction on
 * this connection: the caller commits all of it or none.
 */
export function applyPlan(sqlite: Database.Database, plan: Plan, info: ApplyInfo): Applied {
  const { now } = info;
  const source = `roster:${info.fileHash}`;
  const out: Applied = { buildings: 0, units: 0, houses: 0, people: 0, occupancies: 0, updatedHouses: 0, updatedPeople: 0, updatedOccupancies: 0, batchId: 0 };
  const audit = auditor(sqlite, info.actor);
  // one line per changed field, so the history shows exactly what the roster overwrote
  const auditChanges = (entity: string, id: number, changes: Change[]) => {
    for (const c of changes)
      audit(entity, id, 'import.update', { field: c.field, from: audited(c.field, c.from), to: audited(c.field, c.to), file: info.fileName });
  };
  const stamps = { created_at: now, updated_at: now };
  const unvoided = { voided_at: null, void_reason: null };

  const insertBuilding = inserter(sqlite, 'buildings', [
    'estate_id',
    'name',
    'code',
    'floors',
    'sort_key',
    'created_at',
    'updated_at',
    'voided_at',
    'void_reason',
  ] as const);
  for (const b of plan.buildings) {
    if (!b.isNew) continue;
    b.id = insertBuilding({ estate_id: info.estateId, name: b.name, code: b.code, floors: null, sort_key: sortKeyOf(b.code), ...stamps, ...unvoided });
    out.buildings++;
    audit('building', b.id, 'import.create', { name: b.name, file: info.fileName });
  }
  const insertUnit = inserter(sqlite, 'units', ['building_id', 'name', 'code', 'created_at', 'updated_at'] as const);
  for (const u of plan.units) {
    if (!u.isNew) continue;
    u.id = insertUnit({ building_id: u.building.id as number, name: u.name, code: u.code, ...stamps });
    out.units++;
  }
  const insertHouse = inserter(sqlite, 'houses', [
    'estate_id',
    'building_id',
    'unit_id',
    'room_no',
    'floor',
    'building_area',
    'inner_area',
    'type',
    'status',
    'notes',
    'created_at',
    'updated_at',
    'voided_at',
    'void_reason',
  ] as const);
  const updateHouse = updater(sqlite, 'houses');
  for (const h of plan.houses) {
    if (!h.existing) {
      h.id = insertHouse({
        estate_id: info.estateId,
        building_id: h.building.id as number,
        unit_id: h.unit?.id ?? null,
        room_no: h.room,
        floor: h.values.floor,
        building_area: h.values.buildingArea,
        inner_area: h.values.innerArea,
        type: h.type,
        status: h.status,
        notes: h.values.notes,
        ...stamps,
        ...unvoided,
      });
      out.houses++;
      audit('house', h.id, 'import.create', { label: h.label, file: info.fileName });
    } else if (h.changes.length) {
      updateHouse(h.existing.id, changeSet(h.changes, now));
      auditChanges('house', h.existing.id, h.changes);
      out.updatedHouses++;
    }
  }
  const insertPerson = inserter(sqlite, 'people', [
    'name',
    'name_initials',
    'name_pinyin',
    'phone_digits',
    'gender',
    'phone',
    'phone2',
    'id_type',
    'id_number',
    'birthday',
    'emergency_contact',
    'emergency_phone',
    'work_unit',
    'notes',
    'created_at',
    'updated_at',
    'voided_at',
    'void_reason',
  ] as const);
  const updatePerson = updater(sqlite, 'people');
  for (const p of plan.people) {
    const v = p.values;
    if (!p.existing) {
      p.id = insertPerson({
        name: v.name,
        ...personSearchFields(v.name, v.phone),
        gender: v.gender,
        phone: v.phone,
        phone2: v.phone2,
        id_type: v.idType,
        id_number: v.idNumber,
        birthday: null,
        emergency_contact: null,
        emergency_phone: null,
        work_unit: null,
        notes: v.extra.length ? v.extra.join('；') : null,
        ...stamps,
        ...unvoided,
      });
      out.people++;
      audit('person', p.id, 'import.create', { name: v.name, file: info.fileName });
    } else if (p.changes.length) {
      const phoneChange = p.changes.find((c) => c.field === 'phone');
      const phone = typeof phoneChange?.to === 'string' ? phoneChange.to : p.existing.phone;
      updatePerson(p.existing.id, { ...changeSet(p.changes, now), ...personSearchFields(p.existing.name, phone) });
      auditChanges('person', p.existing.id, p.changes);
      out.updatedPeople++;
    }
  }
  const insertOccupancy = inserter(sqlite, 'occupancies', [
    'house_id',
    'person_id',
    'role',
    'move_in_date',
    'move_out_date',
    'lease_start',
    'lease_end',
    'ended_at',
    'source',
    'created_at',
    'updated_at',
  ] as const);
  const updateOccupancy = updater(sqlite, 'occupancies');
  for (const o of plan.occupancies) {
    if (!o.existing) {
      o.id = insertOccupancy({
        house_id: o.house.id as number,
        person_id: o.person.id as number,
        role: o.role,
        move_in_date: o.moveInDate,
        move_out_date: null,
        lease_start: null,
        lease_end: null,
        ended_at: null,
        source,
        ...stamps,
      });
      out.occupancies++;
    } else if (o.changes.length) {
      updateOccupancy(o.existing.occupancyId, changeSet(o.changes, now));
      auditChanges('occupancy', o.existing.occupancyId, o.changes);
      out.updatedOccupancies++;
    }
  }

  const created = { ...out, batchId: undefined, estateId: info.estateId };
  out.batchId = inserter(sqlite, 'import_batches', ['kind', 'file_name', 'file_hash', 'at', 'accepted', 'rejected', 'created_json'] as const)({
    kind: 'roster',
    file_name: info.fileName,
    file_hash: info.fileHash,
    at: now,
    accepted: plan.accepted,
    rejected: plan.rejected.length,
    created_json: JSON.stringify(created),
  });
  audit('import_batch', out.batchId, 'import.roster', {
    file: info.fileName,
    accepted: plan.accepted,
    rejected: plan.rejected.length,
    created,
  });
  return out;
}
