import type { PreviewRowT } from '../../../../shared/contract/imports';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/mask';
import { houseLabel } from '../../archives/mappers';
import { advancedStatus, buildingName, statusFromRoster, unitName } from './names';
import type { HouseRecord, OwnerRecord, ParsedRow } from './records';
import { houseKey, type SnapHouse, type SnapOccupant, type SnapPerson, type Snapshot } from './snapshot';
import type { Gender, HouseType, IdType } from './values';

// Turns parsed roster rows into what the import would do to this estate: which buildings, units,
// houses, people and occupancies to create, which fields to fill or change, and the status of
// every row. The same plan drives the preview and the commit (kept from the preview while the database is unchanged, see imports/plan-memo.ts).

export type Scalar = string | number | null;
export interface Change {
  field: string;
  from: Scalar;
  to: Scalar;
}

export interface PlanBuilding {
  code: string;
  name: string;
  id: number | null; // null until created
  isNew: boolean;
}
export interface PlanUnit {
  building: PlanBuilding;
  code: string;
  name: string;
  id: number | null;
  isNew: boolean;
}
interface HouseValues {
  floor: number | null;
  buildingArea: number | null;
  innerArea: number | null;
  type: HouseType | null;
  notes: string | null;
}
type HouseField = keyof HouseValues;
const HOUSE_FIELD_LABELS: Record<HouseField, string> = { floor: '楼层', buildingArea: '建筑面积', innerArea: '套内面积', type: '房屋类型', notes: '备注' };

export interface PlanHouse {
  building: PlanBuilding;
  unit: PlanUnit | null;
  room: string;
  label: string;
  existing: SnapHouse | null;
  id: number | null;
  values: HouseValues;
  provider: Partial<Record<HouseField, number>>;
  hasOwner: boolean;
  hasMoveIn: boolean;
  firstRow: number;
  /** canonical row text → first row with it, to spot exact duplicates */
  canon: Map<string, number>;
  occupancies: PlanOccupancy[];
  /** for a new house */
  type: HouseType;
  status: string;
  changes: Change[];
  /** rows that supplied a changed value */
  changeRows: Set<number>;
}
interface PersonValues {
  name: string;
  gender: Gender | null;
  phone: string | null;
  phone2: string | null;
  idType: IdType | null;
  idNumber: string | null;
  extra: string[];
}
export interface PlanPerson {
  existing: SnapPerson | null;
  id: number | null;
  values: PersonValues;
  firstRow: number;
  changes: Change[];
}
export interface PlanOccupancy {
  house: PlanHouse;
  person: PlanPerson;
  role: string;
  moveInDate: string | null;
  existing: SnapOccupant | null;
  id: number | null;
  row: number;
  changes: Change[];
}

export interface Plan {
  rows: PreviewRowT[];
  buildings: PlanBuilding[];
  units: PlanUnit[];
  houses: PlanHouse[];
  people: PlanPerson[];
  occupancies: PlanOccupancy[];
  accepted: number;
  rejected: { row: number; reason: string }[];
  warnings: { row: number; reason: string }[];
  willCreate: { houses: number; people: number; buildings: number };
}

interface RowState {
  parsed: ParsedRow;
  house: PlanHouse | null;
  reason: string | null;
  warnings: string[];
  duplicateOf: number | null;
  contributed: boolean;
  introduced: PlanOccupancy[];
}

const OWNER_ROLES = new Set(['owner', 'co_owner']);

function canonical(h: HouseRecord, owners: OwnerRecord[]): string {
  return JSON.stringify([h, owners]);
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 0.005;
}

/** Adds what one roster row says about a person to what earlier rows said; the first row wins on conflicts. */
function mergeOwner(p: PlanPerson, o: OwnerRecord, merging: boolean, warnings: string[]): void {
  const v = p.values;
  const known = [v.phone, v.phone2].filter((x): x is string => !!x);
  let differs = false;
  for (const ph of [o.phone, o.phone2]) {
    if (!ph || known.includes(ph)) continue;
    if (known.length) differs = true;
    if (!v.phone) v.phone = ph;
    else if (!v.phone2) v.phone2 = ph;
    else v.extra.push(`其他电话：${ph}`);
    known.push(ph);
  }
  if (merging && differs) warnings.push(`与第${p.firstRow}行为同一业主（${v.name}），电话不同，已合并`);
  if (o.idNumber) {
    if (!v.idNumber) {
      v.idNumber = o.idNumber;
      v.idType = o.idType;
    } else if (v.idNumber !== o.idNumber) {
      warnings.push(`与第${p.firstRow}行为同一业主（${v.name}），证件号不同（${maskIdNumber(o.idNumber)}），以第${p.firstRow}行为准，另记入备注`);
      v.extra.push(`其他证件号：${o.idNumber}`);
    }
  }
  if (!v.gender) v.gender = o.gender;
  for (const e of o.extra) if (!v.extra.includes(e)) v.extra.push(e);
}

function emptyPerson(name: string): PersonValues {
  return { name, gender: null, phone: null, phone2: null, idType: null, idNumber: null, extra: [] };
}

function houseChanges(h: PlanHouse): void {
  const db = h.existing;
  if (!db) return;
  const v = h.values;
  const add = (field: string, from: Scalar, to: Scalar, f?: HouseField) => {
    h.changes.push({ field, from, to });
    h.changeRows.add(f && h.provider[f] !== undefined ? h.provider[f] : h.firstRow);
  };
  if (v.floor !== null && db.floor === null) add('floor', null, v.floor, 'floor');
  if (v.buildingArea !== null && !sameNumber(db.buildingArea, v.buildingArea)) add('building_area', db.buildingArea, v.buildingArea, 'buildingArea');
  if (v.innerArea !== null && !sameNumber(db.innerArea, v.innerArea)) add('inner_area', db.innerArea, v.innerArea, 'innerArea');
  if (v.notes && !db.notes) add('notes', null, v.notes, 'notes');
  const next = advancedStatus(db.status, statusFromRoster(h.hasOwner, h.hasMoveIn));
  if (next) add('status', db.status, next);
}

function personChanges(p: PlanPerson): void {
  const db = p.existing;
  if (!db) return;
  const v = p.values;
  const has = (ph: string) => ph === db.phone || ph === db.phone2;
  if (v.gender && !db.gender) p.changes.push({ field: 'gender', from: null, to: v.gender });
  // a number the person already has, in either field, is not a change
  if (v.phone && !has(v.phone)) p.changes.push({ field: 'phone', from: db.phone, to: v.phone });
  if (v.phone2 && !has(v.phone2)) p.changes.push({ field: 'phone2', from: db.phone2, to: v.phone2 });
  if (v.idNumber && v.idNumber !== db.idNumber) {
    p.changes.push({ field: 'id_number', from: db.idNumber, to: v.idNumber });
    if (v.idType !== db.idType) p.changes.push({ field: 'id_type', from: db.idType, to: v.idType });
  } else if (v.idType && !db.idType && v.idNumber) p.changes.push({ field: 'id_type', from: null, to: v.idType });
  const missing = v.extra.filter((e) => !(db.notes ?? '').includes(e));
  if (missing.length) p.changes.push({ field: 'notes', from: db.notes, to: [db.notes, ...missing].filter(Boolean).join('；') });
}

export function planImport(parsed: ParsedRow[], snap: Snapshot): Plan {
  const buildings = new Map<string, PlanBuilding>();
  const units = new Map<string, PlanUnit>();
  const houses = new Map<string, PlanHouse>();
  const people = new Map<string, PlanPerson>();
  const occupancies: PlanOccupancy[] = [];
  const states: RowState[] = [];

  const buildingFor = (code: string): PlanBuilding | string => {
    let b = buildings.get(code);
    if (!b) {
      const found = snap.buildings.get(code);
      if (found?.voided) return `楼栋“${found.name}”已作废，未导入`;
      b = found ? { code, name: found.name, id: found.id, isNew: false } : { code, name: buildingName(code), id: null, isNew: true };
      buildings.set(code, b);
    }
    return b;
  };
  const unitFor = (b: PlanBuilding, code: string, knownId?: number): PlanUnit => {
    const k = `${b.code}|${code}`;
    let u = units.get(k);
    if (!u) {
      const found =
        knownId !== undefined
          ? { id: knownId, name: snap.unitsById.get(knownId)?.name ?? unitName(code) }
          : b.id !== null
            ? snap.units.get(`${b.id}|${code}`)
            : undefined;
      u = found ? { building: b, code, name: found.name, id: found.id, isNew: false } : { building: b, code, name: unitName(code), id: null, isNew: true };
      units.set(k, u);
    }
    return u;
  };

  for (const row of parsed) {
    const st: RowState = { parsed: row, house: null, reason: row.reason, warnings: [...row.warnings], duplicateOf: null, contributed: false, introduced: [] };
    states.push(st);
    const h = row.house;
    if (st.reason || !h) continue;

    const b = buildingFor(h.building);
    if (typeof b === 'string') {
      st.reason = b;
      continue;
    }
    let unit = h.unit ? unitFor(b, h.unit) : null;
    let existing: SnapHouse | null = null;
    if (b.id !== null) {
      existing = snap.houses.get(houseKey(b.id, unit?.id ?? null, h.room)) ?? null;
      if (!existing && !unit) {
        // a roster without 单元 still finds "3栋2单元1502" when the building has only one 1502
        const same = snap.housesByRoom.get(`${b.id}|${h.room}`) ?? [];
        if (same.length === 1) {
          existing = same[0];
          if (existing.unitId !== null) unit = unitFor(b, snap.unitsById.get(existing.unitId)?.code ?? '', existing.unitId);
        }
      }
    }
    const label = houseLabel(b.name, unit?.name ?? null, h.room);
    if (existing?.voided) {
      st.reason = `房屋“${label}”已作废，未导入`;
      continue;
    }
    const key = existing ? `id:${existing.id}` : `${b.code}|${unit?.code ?? ''}|${h.room}`;
    let house = houses.get(key);
    if (!house) {
      house = {
        building: b,
        unit,
        room: h.room,
        label,
        existing,
        id: existing?.id ?? null,
        values: { floor: null, buildingArea: null, innerArea: null, type: null, notes: null },
        provider: {},
        hasOwner: false,
        hasMoveIn: false,
        firstRow: row.row,
        canon: new Map(),
        occupancies: [],
        type: '住宅',
        status: '未售',
        changes: [],
        changeRows: new Set(),
      };
      houses.set(key, house);
      st.contributed = true;
    }
    st.house = house;

    const canon = canonical(h, row.owners);
    const dupOf = house.canon.get(canon);
    if (dupOf !== undefined) {
      st.duplicateOf = dupOf;
      st.warnings.unshift(`与第${dupOf}行完全相同，已合并`);
      continue;
    }
    house.canon.set(canon, row.row);

    const incoming: HouseValues = { floor: h.floor, buildingArea: h.buildingArea, innerArea: h.innerArea, type: h.houseType, notes: h.notes };
    for (const f of Object.keys(incoming) as HouseField[]) {
      const val = incoming[f];
      if (val === null) continue;
      const cur = house.values[f];
      if (cur === null) {
        (house.values as Record<HouseField, Scalar>)[f] = val;
        house.provider[f] = row.row;
        st.contributed = true;
      } else if (typeof cur === 'number' && typeof val === 'number' ? !sameNumber(cur, val) : cur !== val) {
        st.warnings.push(`${HOUSE_FIELD_LABELS[f]}与第${house.provider[f]}行不一致（${cur} / ${val}），以第${house.provider[f]}行为准`);
      }
    }
    if (row.owners.length) house.hasOwner = true;
    if (h.moveInDate) house.hasMoveIn = true;

    for (const o of row.owners) {
      const same = house.occupancies.find((oc) => oc.person.values.name === o.name);
      if (same) {
        mergeOwner(same.person, o, true, st.warnings);
        if (!same.moveInDate && h.moveInDate) same.moveInDate = h.moveInDate;
        continue;
      }
      // the person: already living in this house, or the same name and certificate elsewhere, or new
      const current = house.existing ? (snap.occupants.get(house.existing.id) ?? []) : [];
      const occ = current.find((c) => c.person.name === o.name) ?? null;
      let person: PlanPerson | undefined;
      if (occ) {
        const k = `id:${occ.person.id}`;
        person = people.get(k) ?? { existing: occ.person, id: occ.person.id, values: emptyPerson(o.name), firstRow: row.row, changes: [] };
        people.set(k, person);
      } else if (o.idNumber) {
        const known = snap.peopleByNameId.get(`${o.name}|${o.idNumber}`);
        const k = known ? `id:${known.id}` : `new:${o.name}|${o.idNumber}`;
        person = people.get(k) ?? { existing: known ?? null, id: known?.id ?? null, values: emptyPerson(o.name), firstRow: row.row, changes: [] };
        people.set(k, person);
      } else {
        person = { existing: null, id: null, values: emptyPerson(o.name), firstRow: row.row, changes: [] };
        people.set(`new:${row.row}:${o.name}`, person);
      }
      mergeOwner(person, o, false, st.warnings);

      let role = occ?.role ?? 'co_owner';
      if (!occ) {
        const ownerInDb = current.some((c) => c.role === 'owner');
        const ownerPlanned = house.occupancies.some((oc) => oc.role === 'owner');
        if (!ownerInDb && !ownerPlanned) role = 'owner';
        const registered = current.filter((c) => OWNER_ROLES.has(c.role)).map((c) => c.person.name);
        if (registered.length)
          st.warnings.push(`该房屋已登记业主（${registered.join('、')}），${o.name}将作为共有业主加入；如已过户，请在档案中为原业主办理迁出`);
      }
      const po: PlanOccupancy = { house, person, role, moveInDate: h.moveInDate, existing: occ, id: occ?.occupancyId ?? null, row: row.row, changes: [] };
      house.occupancies.push(po);
      occupancies.push(po);
      st.introduced.push(po);
      st.contributed = true;
    }
  }

  // what changes for records that already exist
  const byRow = new Map(states.map((s) => [s.parsed.row, s]));
  for (const h of houses.values()) {
    if (h.existing) {
      houseChanges(h);
      if (h.values.type && h.values.type !== h.existing.type)
        byRow.get(h.provider.type ?? h.firstRow)?.warnings.push(`房屋类型与档案不同（档案：${h.existing.type}，名册：${h.values.type}），未修改`);
    } else {
      h.type = h.values.type ?? '住宅';
      h.status = statusFromRoster(h.hasOwner, h.hasMoveIn);
    }
  }
  for (const p of people.values()) personChanges(p);
  for (const o of occupancies)
    if (o.existing && o.moveInDate && !o.existing.moveInDate) o.changes.push({ field: 'move_in_date', from: null, to: o.moveInDate });

  const rows: PreviewRowT[] = [];
  const rejected: Plan['rejected'] = [];
  const warnings: Plan['warnings'] = [];
  let accepted = 0;
  for (const st of states) {
    const r = st.parsed;
    let status: PreviewRowT['status'];
    if (st.reason) status = 'rejected';
    else if (st.duplicateOf !== null || !st.contributed) status = 'duplicate';
    else {
      const h = st.house as PlanHouse;
      const isNew = !h.existing || st.introduced.some((o) => !o.existing);
      const isUpdate = h.changeRows.has(r.row) || st.introduced.some((o) => o.changes.length > 0 || o.person.changes.length > 0);
      status = isNew ? 'new' : isUpdate ? 'update' : 'unchanged';
      accepted++;
    }
    if (status === 'rejected') rejected.push({ row: r.row, reason: st.reason as string });
    else for (const w of st.warnings) warnings.push({ row: r.row, reason: w });
    rows.push({
      row: r.row,
      status,
      house: st.house?.label ?? r.houseText,
      ownerName: r.owners.length ? r.owners.map((o) => o.name).join('、') : null,
      // the preview is a screen: the number masked (docs/PRIVACY.md); the import itself stores it whole
      phone: r.owners[0]?.phone ? maskPhone(r.owners[0].phone) : null,
      reason: st.reason,
      warnings: st.warnings,
    });
  }

  const peopleList = [...people.values()];
  const houseList = [...houses.values()];
  return {
    rows,
    buildings: [...buildings.values()],
    units: [...units.values()],
    houses: houseList,
    people: peopleList,
    occupancies,
    accepted,
    rejected,
    warnings,
    willCreate: {
      buildings: [...buildings.values()].filter((b) => b.isNew).length,
      houses: houseList.filter((h) => !h.existing).length,
      people: peopleList.filter((p) => !p.existing).length,
    },
  };
}
