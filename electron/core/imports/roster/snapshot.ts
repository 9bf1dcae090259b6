import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

// What the estate already holds, loaded in a few queries so planning a 5000-row roster does not
// ask the database once per row. Loaded again inside the commit transaction when the database changed since the preview.

export interface SnapPerson {
  id: number;
  name: string;
  gender: string | null;
  phone: string | null;
  phone2: string | null;
  idType: string | null;
  idNumber: string | null;
  notes: string | null;
}
export interface SnapOccupant {
  occupancyId: number;
  role: string;
  moveInDate: string | null;
  person: SnapPerson;
}
export interface SnapHouse {
  id: number;
  buildingId: number;
  unitId: number | null;
  room: string;
  floor: number | null;
  buildingArea: number | null;
  innerArea: number | null;
  type: string;
  status: string;
  notes: string | null;
  voided: boolean;
}
export interface Snapshot {
  estateId: number | null;
  buildings: Map<string, { id: number; name: string; voided: boolean }>;
  /** key `${buildingId}|${unitCode}` */
  units: Map<string, { id: number; name: string }>;
  unitsById: Map<number, { code: string; name: string }>;
  /** key `${buildingId}|${unitId ?? 0}|${room}` */
  houses: Map<string, SnapHouse>;
  /** key `${buildingId}|${room}`: to place a roster row without 单元 on the one house that fits */
  housesByRoom: Map<string, SnapHouse[]>;
  /** active occupancies (not ended, not moved out) by house id */
  occupants: Map<number, SnapOccupant[]>;
  /** people with a certificate number, key `${name}|${idNumber}`: the same person owning two houses */
  peopleByNameId: Map<string, SnapPerson>;
}

export const houseKey = (buildingId: number, unitId: number | null, room: string) => `${buildingId}|${unitId ?? 0}|${room}`;

export async function loadSnapshot(db: Kysely<DB>, estateId: number | null): Promise<Snapshot> {
  const snap: Snapshot = {
    estateId,
    buildings: new Map(),
    units: new Map(),
    unitsById: new Map(),
    houses: new Map(),
    housesByRoom: new Map(),
    occupants: new Map(),
    peopleByNameId: new Map(),
  };
  const people = new Map<number, SnapPerson>();
  const personOf = (r: {
    person_id: number;
    name: string;
    gender: string | null;
    phone: string | null;
    phone2: string | null;
    id_type: string | null;
    id_number: string | null;
    notes: string | null;
  }) => {
    let p = people.get(r.person_id);
    if (!p) {
      p = { id: r.person_id, name: r.name, gender: r.gender, phone: r.phone, phone2: r.phone2, idType: r.id_type, idNumber: r.id_number, notes: r.notes };
      people.set(p.id, p);
    }
    return p;
  };

  const withId = await db
    .selectFrom('people')
    .select(['id as person_id', 'name', 'gender', 'phone', 'phone2', 'id_type', 'id_number', 'notes'])
    .where('voided_at', 'is', null)
    .where('id_number', 'is not', null)
    .execute();
  for (const r of withId) {
    const p = personOf(r);
    if (p.idNumber) snap.peopleByNameId.set(`${p.name}|${p.idNumber}`, p);
  }
  if (estateId === null) return snap;

  const buildings = await db.selectFrom('buildings').select(['id', 'code', 'name', 'voided_at']).where('estate_id', '=', estateId).execute();
  for (const b of buildings) snap.buildings.set(b.code, { id: b.id, name: b.name, voided: b.voided_at !== null });

  const units = await db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(['units.id', 'units.building_id', 'units.code', 'units.name'])
    .where('buildings.estate_id', '=', estateId)
    .execute();
  for (const u of units) {
    snap.units.set(`${u.building_id}|${u.code}`, { id: u.id, name: u.name });
    snap.unitsById.set(u.id, { code: u.code, name: u.name });
  }

  const houses = await db.selectFrom('houses').selectAll().where('estate_id', '=', estateId).execute();
  for (const h of houses) {
    const sh: SnapHouse = {
      id: h.id,
      buildingId: h.building_id,
      unitId: h.unit_id,
      room: h.room_no,
      floor: h.floor,
      buildingArea: h.building_area,
      innerArea: h.inner_area,
      type: h.type,
      status: h.status,
      notes: h.notes,
      voided: h.voided_at !== null,
    };
    snap.houses.set(houseKey(h.building_id, h.unit_id, h.room_no), sh);
    const k = `${h.building_id}|${h.room_no}`;
    snap.housesByRoom.set(k, [...(snap.housesByRoom.get(k) ?? []), sh]);
  }

  const occ = await db
    .selectFrom('occupancies')
    .innerJoin('houses', 'houses.id', 'occupancies.house_id')
    .innerJoin('people', 'people.id', 'occupancies.person_id')
    .select([
      'occupancies.id as occupancy_id',
      'occupancies.house_id',
      'occupancies.role',
      'occupancies.move_in_date',
      'people.id as person_id',
      'people.name',
      'people.gender',
      'people.phone',
      'people.phone2',
      'people.id_type',
      'people.id_number',
      'people.notes',
    ])
    .where('houses.estate_id', '=', estateId)
    .where('occupancies.ended_at', 'is', null)
    .where('occupancies.move_out_date', 'is', null)
    .where('people.voided_at', 'is', null)
    .orderBy('occupancies.id')
    .execute();
  for (const o of occ) {
    const list = snap.occupants.get(o.house_id) ?? [];
    list.push({ occupancyId: o.occupancy_id, role: o.role, moveInDate: o.move_in_date, person: personOf(o) });
    snap.occupants.set(o.house_id, list);
  }
  return snap;
}
