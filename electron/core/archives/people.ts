import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import type { OccupancyT, PersonT, PersonRoleT } from '../../../shared/contract/archives';
import { normaliseIdNumber, maskIdNumber } from '../../../shared/domain/idcard';
import { normalisePhone } from '../../../shared/domain/text';
import { cstDate } from '../../../shared/domain/time';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { conflict, invalid, notFound } from '../errors';
import { personSearchFields } from './person-fields';
import { toPerson } from './mappers';
import { getHouse } from './houses';
import { readSettings } from '../system/settings';

export interface PersonFields {
  name: string;
  gender?: string | null;
  phone?: string | null;
  phone2?: string | null;
  idType?: string | null;
  idNumber?: string | null;
  birthday?: string | null;
  emergencyContact?: string | null;
  emergencyPhone?: string | null;
  workUnit?: string | null;
  notes?: string | null;
}

const phoneOrNull = (p: string | null | undefined) => (p ? normalisePhone(p) || null : null);

function personColumns(p: PersonFields, storedId: string | null) {
  const phone = phoneOrNull(p.phone);
  let idNumber = p.idNumber ? normaliseIdNumber(p.idNumber) : null;
  // The form shows a masked number; sending it back unchanged must not overwrite the real one.
  if (idNumber?.includes('*')) {
    if (storedId && idNumber === maskIdNumber(storedId).toUpperCase()) idNumber = storedId;
    else throw invalid('证件号码不能包含 *，请输入完整号码', { idNumber: '证件号码不能包含 *，请输入完整号码' });
  }
  return {
    name: p.name.trim(),
    gender: p.gender ?? null,
    phone,
    phone2: phoneOrNull(p.phone2),
    id_type: idNumber ? (p.idType ?? '身份证') : (p.idType ?? null),
    id_number: idNumber,
    birthday: p.birthday ?? null,
    emergency_contact: p.emergencyContact ?? null,
    emergency_phone: phoneOrNull(p.emergencyPhone),
    work_unit: p.workUnit ?? null,
    notes: p.notes ?? null,
    ...personSearchFields(p.name, phone),
  };
}

async function revealIds(ctx: CoreContext) {
  return (await readSettings(ctx)).showFullIdNumbers;
}

export async function getPerson(ctx: CoreContext, id: number): Promise<PersonT> {
  const row = await ctx.db.selectFrom('people').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('人员');
  return toPerson(row, await revealIds(ctx));
}

export async function insertPerson(trx: Transaction<DB>, p: PersonFields, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('people')
    .values({ ...personColumns(p, null), created_at: now, updated_at: now, voided_at: null, void_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listOccupancies(ctx: CoreContext, houseId: number): Promise<OccupancyT[]> {
  const reveal = await revealIds(ctx);
  const rows = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .selectAll('p')
    .select(['o.id as occ_id', 'o.house_id', 'o.role', 'o.move_in_date', 'o.move_out_date', 'o.lease_start', 'o.lease_end', 'o.ended_at'])
    .where('o.house_id', '=', houseId)
    .where('p.voided_at', 'is', null)
    .execute();
  const roleOrder: Record<string, number> = { owner: 0, co_owner: 1, family: 2, tenant: 3, temporary: 4 };
  return rows
    .map((r) => ({
      id: r.occ_id,
      houseId: r.house_id,
      person: toPerson(r, reveal),
      role: r.role as PersonRoleT,
      moveInDate: r.move_in_date,
      moveOutDate: r.move_out_date,
      leaseStart: r.lease_start,
      leaseEnd: r.lease_end,
      active: r.ended_at === null,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || roleOrder[a.role] - roleOrder[b.role] || a.id - b.id);
}

async function getOccupancy(ctx: CoreContext, id: number): Promise<OccupancyT> {
  const row = await ctx.db.selectFrom('occupancies').select('house_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('住户登记');
  const found = (await listOccupancies(ctx, row.house_id)).find((o) => o.id === id);
  if (!found) throw notFound('住户登记');
  return found;
}

export async function attachPerson(
  ctx: CoreContext,
  input: { houseId: number; personId?: number; person?: PersonFields; role: PersonRoleT; moveInDate?: string | null; leaseStart?: string | null; leaseEnd?: string | null },
): Promise<OccupancyT> {
  await getHouse(ctx, input.houseId);
  if (input.role === 'tenant' && !input.leaseStart && !input.leaseEnd) {
    // a tenant without lease dates is allowed (rosters lack them), but the desk should try
  }
  const occId = await inTransaction(ctx.db, async (trx) => {
    const now = ctx.now().toISOString();
    let personId = input.personId;
    if (personId) {
      const p = await trx.selectFrom('people').select('id').where('id', '=', personId).where('voided_at', 'is', null).executeTakeFirst();
      if (!p) throw notFound('人员');
    } else if (input.person) {
      personId = await insertPerson(trx, input.person, now);
      await audit(trx, await ctx.actor(), 'person', personId, 'create', { name: input.person.name });
    } else throw invalid('请选择或填写人员');
    const active = await trx.selectFrom('occupancies').select('id').where('house_id', '=', input.houseId).where('person_id', '=', personId).where('ended_at', 'is', null).executeTakeFirst();
    if (active) throw conflict('此人已登记在该房屋，请直接编辑');
    const { id } = await trx
      .insertInto('occupancies')
      .values({
        house_id: input.houseId,
        person_id: personId,
        role: input.role,
        move_in_date: input.moveInDate ?? null,
        move_out_date: null,
        lease_start: input.leaseStart ?? null,
        lease_end: input.leaseEnd ?? null,
        ended_at: null,
        source: 'manual',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, await ctx.actor(), 'house', input.houseId, 'attach', { occupancyId: id, personId, role: input.role });
    return id;
  });
  return getOccupancy(ctx, occId);
}

export async function updatePerson(ctx: CoreContext, input: PersonFields & { id: number }): Promise<PersonT> {
  const stored = await ctx.db.selectFrom('people').selectAll().where('id', '=', input.id).where('voided_at', 'is', null).executeTakeFirst();
  if (!stored) throw notFound('人员');
  const cols = personColumns(input, stored.id_number);
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('people').set({ ...cols, updated_at: ctx.now().toISOString() }).where('id', '=', input.id).execute();
    const changed = Object.keys(cols).filter((k) => (stored as Record<string, unknown>)[k] !== (cols as Record<string, unknown>)[k] && !k.startsWith('name_') && k !== 'phone_digits');
    // ID numbers are not copied into the audit trail in clear
    await audit(trx, await ctx.actor(), 'person', input.id, 'update', { fields: changed });
  });
  return getPerson(ctx, input.id);
}

export async function moveOut(ctx: CoreContext, input: { occupancyId: number; moveOutDate: string; note?: string | null }): Promise<OccupancyT> {
  const occ = await ctx.db.selectFrom('occupancies').selectAll().where('id', '=', input.occupancyId).executeTakeFirst();
  if (!occ) throw notFound('住户登记');
  if (occ.ended_at) throw conflict('此人已迁出');
  if (occ.move_in_date && input.moveOutDate < occ.move_in_date) throw invalid('迁出日期不能早于入住日期', { moveOutDate: '迁出日期不能早于入住日期' });
  if (input.moveOutDate > cstDate(ctx.now())) throw invalid('迁出日期不能晚于今天', { moveOutDate: '迁出日期不能晚于今天' });
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('occupancies').set({ move_out_date: input.moveOutDate, ended_at: ctx.now().toISOString(), updated_at: ctx.now().toISOString() }).where('id', '=', occ.id).execute();
    await audit(trx, await ctx.actor(), 'house', occ.house_id, 'moveOut', { occupancyId: occ.id, personId: occ.person_id, date: input.moveOutDate, note: input.note ?? null });
  });
  return getOccupancy(ctx, occ.id);
}
