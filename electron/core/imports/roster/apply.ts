import type { Transaction, Updateable } from 'kysely';
import type { DB, HousesTable, OccupanciesTable, PeopleTable } from '../../db/schema';
import { audit } from '../../db/audit';
import { personSearchFields } from '../../archives/person-fields';
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

const idOf = (r: { insertId?: bigint }) => Number(r.insertId);

/** the column updates a list of changes stands for (field names are column names) */
function changeSet<T>(changes: Change[], now: string): Updateable<T> {
  const set: Record<string, Scalar> = { updated_at: now };
  for (const c of changes) set[c.field] = c.to;
  return set as Updateable<T>;
}

async function auditChanges(trx: Transaction<DB>, info: ApplyInfo, entity: string, id: number, changes: Change[]): Promise<void> {
  // one line per changed field, so the history shows exactly what the roster overwrote
  for (const c of changes) await audit(trx, info.actor, entity, id, 'import.update', { field: c.field, from: c.from, to: c.to, file: info.fileName });
}

/** Writes a plan. Must run inside one transaction: the caller commits all of it or none. */
export async function applyPlan(trx: Transaction<DB>, plan: Plan, info: ApplyInfo): Promise<Applied> {
  const { now } = info;
  const source = `roster:${info.fileHash}`;
  const out: Applied = { buildings: 0, units: 0, houses: 0, people: 0, occupancies: 0, updatedHouses: 0, updatedPeople: 0, updatedOccupancies: 0, batchId: 0 };

  for (const b of plan.buildings) {
    if (!b.isNew) continue;
    const r = await trx
      .insertInto('buildings')
      .values({
        estate_id: info.estateId,
        name: b.name,
        code: b.code,
        floors: null,
        sort_key: sortKeyOf(b.code),
        created_at: now,
        updated_at: now,
        voided_at: null,
        void_reason: null,
      })
      .executeTakeFirstOrThrow();
    b.id = idOf(r);
    out.buildings++;
    await audit(trx, info.actor, 'building', b.id, 'import.create', { name: b.name, file: info.fileName });
  }
  for (const u of plan.units) {
    if (!u.isNew) continue;
    const r = await trx
      .insertInto('units')
      .values({ building_id: u.building.id as number, name: u.name, code: u.code, created_at: now, updated_at: now })
      .executeTakeFirstOrThrow();
    u.id = idOf(r);
    out.units++;
  }
  for (const h of plan.houses) {
    if (!h.existing) {
      const r = await trx
        .insertInto('houses')
        .values({
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
          created_at: now,
          updated_at: now,
          voided_at: null,
          void_reason: null,
        })
        .executeTakeFirstOrThrow();
      h.id = idOf(r);
      out.houses++;
      await audit(trx, info.actor, 'house', h.id, 'import.create', { label: h.label, file: info.fileName });
    } else if (h.changes.length) {
      await trx.updateTable('houses').set(changeSet<HousesTable>(h.changes, now)).where('id', '=', h.existing.id).execute();
      await auditChanges(trx, info, 'house', h.existing.id, h.changes);
      out.updatedHouses++;
    }
  }
  for (const p of plan.people) {
    const v = p.values;
    if (!p.existing) {
      const r = await trx
        .insertInto('people')
        .values({
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
          created_at: now,
          updated_at: now,
          voided_at: null,
          void_reason: null,
        })
        .executeTakeFirstOrThrow();
      p.id = idOf(r);
      out.people++;
      await audit(trx, info.actor, 'person', p.id, 'import.create', { name: v.name, file: info.fileName });
    } else if (p.changes.length) {
      const phoneChange = p.changes.find((c) => c.field === 'phone');
      const phone = typeof phoneChange?.to === 'string' ? phoneChange.to : p.existing.phone;
      await trx
        .updateTable('people')
        .set({ ...changeSet<PeopleTable>(p.changes, now), ...personSearchFields(p.existing.name, phone) })
        .where('id', '=', p.existing.id)
        .execute();
      await auditChanges(trx, info, 'person', p.existing.id, p.changes);
      out.updatedPeople++;
    }
  }
  for (const o of plan.occupancies) {
    if (!o.existing) {
      const r = await trx
        .insertInto('occupancies')
        .values({
          house_id: o.house.id as number,
          person_id: o.person.id as number,
          role: o.role,
          move_in_date: o.moveInDate,
          move_out_date: null,
          lease_start: null,
          lease_end: null,
          ended_at: null,
          source,
          created_at: now,
          updated_at: now,
        })
        .executeTakeFirstOrThrow();
      o.id = idOf(r);
      out.occupancies++;
    } else if (o.changes.length) {
      await trx.updateTable('occupancies').set(changeSet<OccupanciesTable>(o.changes, now)).where('id', '=', o.existing.occupancyId).execute();
      await auditChanges(trx, info, 'occupancy', o.existing.occupancyId, o.changes);
      out.updatedOccupancies++;
    }
  }

  const created = { ...out, batchId: undefined, estateId: info.estateId };
  const batch = await trx
    .insertInto('import_batches')
    .values({
      kind: 'roster',
      file_name: info.fileName,
      file_hash: info.fileHash,
      at: now,
      accepted: plan.accepted,
      rejected: plan.rejected.length,
      created_json: JSON.stringify(created),
    })
    .executeTakeFirstOrThrow();
  out.batchId = idOf(batch);
  await audit(trx, info.actor, 'import_batch', out.batchId, 'import.roster', {
    file: info.fileName,
    accepted: plan.accepted,
    rejected: plan.rejected.length,
    created,
  });
  return out;
}
