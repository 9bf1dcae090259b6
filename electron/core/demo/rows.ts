import type { Insertable } from 'kysely';
import type {
  BuildingsTable,
  CommunicationsTable,
  HousesTable,
  OccupanciesTable,
  ParkingSpacesTable,
  PeopleTable,
  UnitsTable,
  VehiclesTable,
} from '../db/schema';
import { personSearchFields } from '../archives/person-fields';
import { buildingNameOf, sortKeyOf, unitNameOf } from '../archives/places';
import { normalisePlate } from '../../../shared/domain/text';
import { cstDate, fromCst } from '../../../shared/domain/time';
import type { HOUSE_STATUSES } from '../../../shared/contract/archives';
import type { Rng } from './prng';
import { planLayout } from './layout';
import { birthDate, idNumber, mobile, plate } from './identity';
import { CAR_COLOURS, CAR_MODELS, COMM_CHANNEL_WEIGHTS, COMM_SUMMARIES, STAFF, WORK_UNITS, givenName, surname, type Gender } from './names';

export interface DemoRows {
  buildings: Insertable<BuildingsTable>[];
  units: Insertable<UnitsTable>[];
  houses: Insertable<HousesTable>[];
  people: Insertable<PeopleTable>[];
  occupancies: Insertable<OccupanciesTable>[];
  vehicles: Insertable<VehiclesTable>[];
  parking: Insertable<ParkingSpacesTable>[];
  communications: Insertable<CommunicationsTable>[];
}

/** First free id of each table: rows are linked before they are inserted, in one transaction. */
export interface StartIds {
  buildings: number;
  units: number;
  houses: number;
  people: number;
  occupancies: number;
  vehicles: number;
}

// How a real estate a few years after delivery looks: mostly lived in, some let, a few still unsold.
type HouseStatusT = (typeof HOUSE_STATUSES)[number];

const HOME_STATUS: readonly (readonly [HouseStatusT, number])[] = [
  ['已入住', 62],
  ['出租', 12],
  ['已交付', 8],
  ['空置', 7],
  ['装修中', 6],
  ['未售', 3],
  ['已售未交付', 2],
];
const SHOP_STATUS: readonly (readonly [HouseStatusT, number])[] = [
  ['出租', 50],
  ['已入住', 30],
  ['空置', 20],
];

const DAY = 86_400_000;
const addDays = (date: string, days: number) => cstDate(new Date(Date.parse(`${date}T12:00:00+08:00`) + days * DAY));
/** an instant at a Shanghai wall-clock date and time */
const at = (date: string, hour: number, minute: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return fromCst(y, m, d, hour, minute).toISOString();
};

export function buildDemoRows(rng: Rng, estateId: number, houseCount: number, now: Date, start: StartIds): DemoRows {
  const stamp = now.toISOString();
  const today = cstDate(now);
  const rows: DemoRows = { buildings: [], units: [], houses: [], people: [], occupancies: [], vehicles: [], parking: [], communications: [] };
  const usedPhones = new Set<string>();
  const usedPlates = new Set<string>();
  const ids = { ...start };
  let parkingSeq = 0;

  const uniquePhone = () => {
    let p = mobile(rng);
    while (usedPhones.has(p)) p = mobile(rng);
    usedPhones.add(p);
    return p;
  };

  const addPerson = (o: { gender: Gender; family?: string; born: [number, number]; phone: boolean; id: boolean; extra?: Partial<Insertable<PeopleTable>> }) => {
    const family = o.family ?? surname(rng);
    const name = family + givenName(rng, o.gender);
    const birthday = birthDate(rng, o.born[0], o.born[1]);
    const phone = o.phone ? uniquePhone() : null;
    // ID numbers only for adults born 1950–2000: rosters rarely carry children's
    const id = o.id && Number(birthday.slice(0, 4)) <= 2000 ? idNumber(rng, birthday, o.gender) : null;
    const row: Insertable<PeopleTable> = {
      id: ids.people++,
      name,
      ...personSearchFields(name, phone),
      gender: o.gender,
      phone,
      phone2: null,
      id_type: id ? '身份证' : null,
      id_number: id,
      birthday,
      emergency_contact: null,
      emergency_phone: null,
      work_unit: null,
      notes: null,
      created_at: stamp,
      updated_at: stamp,
      voided_at: null,
      void_reason: null,
      ...o.extra,
    };
    rows.people.push(row);
    return { id: row.id as number, row, name, phone, birthYear: Number(birthday.slice(0, 4)), gender: o.gender, family };
  };

  const occupy = (houseId: number, personId: number, role: string, extra: Partial<Insertable<OccupanciesTable>> = {}) =>
    rows.occupancies.push({
      id: ids.occupancies++,
      house_id: houseId,
      person_id: personId,
      role,
      move_in_date: null,
      move_out_date: null,
      lease_start: null,
      lease_end: null,
      ended_at: null,
      source: 'demo',
      created_at: stamp,
      updated_at: stamp,
      ...extra,
    });

  for (const b of planLayout(houseCount, rng)) {
    const buildingId = ids.buildings++;
    const name = buildingNameOf(b.code);
    rows.buildings.push({
      id: buildingId,
      estate_id: estateId,
      name,
      code: b.code,
      floors: b.floors,
      sort_key: sortKeyOf(b.code),
      created_at: stamp,
      updated_at: stamp,
      voided_at: null,
      void_reason: null,
    });
    const unitIds = new Map<number, number>();
    for (let u = 1; u <= b.units; u++) {
      unitIds.set(u, ids.units);
      rows.units.push({ id: ids.units++, building_id: buildingId, name: unitNameOf(String(u)), code: String(u), created_at: stamp, updated_at: stamp });
    }

    for (const r of b.rooms) {
      const houseId = ids.houses++;
      const status = rng.weighted(r.type === '商铺' ? SHOP_STATUS : HOME_STATUS);
      rows.houses.push({
        id: houseId,
        estate_id: estateId,
        building_id: buildingId,
        unit_id: r.unit === null ? null : (unitIds.get(r.unit) ?? null),
        room_no: r.roomNo,
        floor: r.floor,
        building_area: r.area,
        inner_area: Math.round(r.area * rng.float(0.76, 0.82, 3) * 100) / 100,
        type: r.type,
        status,
        notes: null,
        created_at: stamp,
        updated_at: stamp,
        voided_at: null,
        void_reason: null,
      });
      if (status === '未售') continue;

      // the owner, and a spouse as co-owner on about a third of homes
      const ownerGender: Gender = rng.chance(0.6) ? '男' : '女';
      const owner = addPerson({ gender: ownerGender, born: [1955, 1995], phone: true, id: true });
      const livesHere = status === '已入住';
      const moveIn = livesHere ? addDays(today, -rng.int(60, 3000)) : null;
      occupy(houseId, owner.id, 'owner', { move_in_date: moveIn });
      let spouse: ReturnType<typeof addPerson> | null = null;
      if (r.type === '住宅' && rng.chance(0.3)) {
        const g: Gender = ownerGender === '男' ? '女' : '男';
        const y = Math.min(2000, Math.max(1950, owner.birthYear + rng.int(-5, 5)));
        spouse = addPerson({ gender: g, born: [y, y], phone: rng.chance(0.85), id: true });
        occupy(houseId, spouse.id, 'co_owner', { move_in_date: moveIn });
      }
      if (rng.chance(0.25)) {
        const em = spouse ?? { name: surname(rng) + givenName(rng, rng.chance(0.5) ? '男' : '女'), phone: uniquePhone() };
        owner.row.emergency_contact = em.name;
        owner.row.emergency_phone = em.phone;
      }
      if (rng.chance(0.2)) owner.row.work_unit = rng.pick(WORK_UNITS);

      // family living with the owner: children share the father's surname, or an elderly parent
      if (livesHere && r.type === '住宅') {
        const father = ownerGender === '男' ? owner : spouse?.gender === '男' ? spouse : owner;
        const n = rng.weighted([
          [0, 10],
          [1, 25],
          [2, 35],
          [3, 30],
        ] as const);
        for (let i = 0; i < n; i++) {
          const g: Gender = rng.chance(0.5) ? '男' : '女';
          const childYear = owner.birthYear + rng.int(24, 34);
          const member =
            childYear <= 2018 && rng.chance(0.75)
              ? addPerson({ gender: g, family: father.family, born: [childYear, childYear], phone: childYear <= 2005, id: true })
              : addPerson({
                  gender: g,
                  family: father.family,
                  born: [Math.max(1950, owner.birthYear - 30), Math.max(1950, owner.birthYear - 24)],
                  phone: rng.chance(0.6),
                  id: true,
                });
          occupy(houseId, member.id, 'family', { move_in_date: moveIn });
        }
      }

      // tenants on let homes, with the lease; now and then the previous tenant, moved out
      let tenantId: number | null = null;
      if (status === '出租') {
        const leaseStart = addDays(today, -rng.int(0, 360));
        const leaseEnd = addDays(addDays(leaseStart, rng.chance(0.7) ? 365 : 730), -1);
        const k =
          r.type === '商铺'
            ? 1
            : rng.weighted([
                [1, 55],
                [2, 35],
                [3, 10],
              ] as const);
        for (let i = 0; i < k; i++) {
          const t = addPerson({ gender: rng.chance(0.5) ? '男' : '女', born: [1970, 2000], phone: i === 0 || rng.chance(0.6), id: true });
          if (i === 0) tenantId = t.id;
          occupy(houseId, t.id, 'tenant', { move_in_date: leaseStart, lease_start: leaseStart, lease_end: leaseEnd });
        }
        if (rng.chance(0.25)) {
          const out = addDays(leaseStart, -rng.int(1, 20));
          const inn = addDays(out, -rng.int(365, 730));
          const prev = addPerson({ gender: rng.chance(0.5) ? '男' : '女', born: [1970, 2000], phone: true, id: true });
          occupy(houseId, prev.id, 'tenant', { move_in_date: inn, move_out_date: out, lease_start: inn, lease_end: out, ended_at: at(out, 10, 0) });
        }
      }

      // cars of households that live here (owner's or the tenant's), some with a parking space
      if ((livesHere || status === '出租') && r.type === '住宅' && rng.chance(0.4)) {
        const cars = rng.chance(0.12) ? 2 : 1;
        for (let c = 0; c < cars; c++) {
          let p = plate(rng);
          while (usedPlates.has(p)) p = plate(rng);
          usedPlates.add(p);
          const vehicleId = ids.vehicles++;
          rows.vehicles.push({
            id: vehicleId,
            house_id: houseId,
            person_id: tenantId ?? owner.id,
            plate: p,
            plate_norm: normalisePlate(p),
            model: rng.pick(CAR_MODELS),
            color: rng.pick(CAR_COLOURS),
            notes: null,
            created_at: stamp,
            updated_at: stamp,
            voided_at: null,
            void_reason: null,
          });
          if (rng.chance(0.6)) {
            parkingSeq += rng.int(1, 3);
            const owned = rng.chance(0.4);
            const startDate = owned ? null : addDays(today, -rng.int(0, 300));
            rows.parking.push({
              estate_id: estateId,
              house_id: houseId,
              vehicle_id: vehicleId,
              code: `B${parkingSeq % 2 ? 1 : 2}-${String(parkingSeq).padStart(3, '0')}`,
              kind: owned ? '产权' : '租赁',
              start_date: startDate,
              end_date: startDate ? addDays(addDays(startDate, 365), -1) : null,
              notes: null,
              created_at: stamp,
              updated_at: stamp,
              voided_at: null,
              void_reason: null,
            });
          }
        }
      }

      // a few conversations at the counter in the last 60 days, in office hours
      if (rng.chance(0.1)) {
        const n = rng.int(1, 3);
        for (let i = 0; i < n; i++) {
          const when = at(addDays(today, -rng.int(1, 60)), rng.int(8, 17), rng.pick([0, 10, 20, 30, 40, 50]));
          rows.communications.push({
            house_id: houseId,
            person_id: tenantId ?? owner.id,
            at: when,
            channel: rng.weighted(COMM_CHANNEL_WEIGHTS),
            summary: rng.pick(COMM_SUMMARIES),
            staff: rng.pick(STAFF),
            created_at: stamp,
            voided_at: null,
            void_reason: null,
          });
        }
      }
    }
  }
  return rows;
}
