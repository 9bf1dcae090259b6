import type { CoreContext } from '../context';
import type { VehicleT, ParkingSpaceT } from '../../../shared/contract/archives';
import { normalisePlate } from '../../../shared/domain/text';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { conflict, notFound } from '../errors';
import { getHouse } from './houses';

export async function listVehicles(ctx: CoreContext, houseId: number): Promise<VehicleT[]> {
  const rows = await ctx.db
    .selectFrom('vehicles as v')
    .leftJoin('people as p', 'p.id', 'v.person_id')
    .select(['v.id', 'v.plate', 'v.model', 'v.color', 'v.person_id', 'p.name as person_name', 'v.house_id', 'v.notes'])
    .where('v.house_id', '=', houseId)
    .where('v.voided_at', 'is', null)
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    plate: r.plate,
    model: r.model,
    color: r.color,
    personId: r.person_id,
    personName: r.person_name,
    houseId: r.house_id,
    notes: r.notes,
  }));
}

export async function addVehicle(
  ctx: CoreContext,
  input: { houseId: number; plate: string; model?: string | null; color?: string | null; personId?: number | null; notes?: string | null },
): Promise<VehicleT> {
  await getHouse(ctx, input.houseId);
  const plateNorm = normalisePlate(input.plate);
  const dup = await ctx.db
    .selectFrom('vehicles')
    .select(['id', 'house_id'])
    .where('plate_norm', '=', plateNorm)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  if (dup) throw conflict(`车牌 ${plateNorm} 已登记${dup.house_id === input.houseId ? '在本户' : '在其他房屋'}`);
  const now = ctx.now().toISOString();
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('vehicles')
      .values({
        house_id: input.houseId,
        person_id: input.personId ?? null,
        plate: plateNorm,
        plate_norm: plateNorm,
        model: input.model ?? null,
        color: input.color ?? null,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, await ctx.actor(), 'vehicle', row.id, 'create', { houseId: input.houseId, plate: plateNorm });
    return row.id;
  });
  const v = (await listVehicles(ctx, input.houseId)).find((x) => x.id === id);
  if (!v) throw notFound('车辆');
  return v;
}

export async function voidVehicle(ctx: CoreContext, id: number, reason: string): Promise<{ id: number }> {
  const v = await ctx.db.selectFrom('vehicles').select('id').where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  if (!v) throw notFound('车辆');
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('vehicles').set({ voided_at: ctx.now().toISOString(), void_reason: reason }).where('id', '=', id).execute();
    await audit(trx, await ctx.actor(), 'vehicle', id, 'void', { reason });
  });
  return { id };
}

export async function listParking(ctx: CoreContext, houseId: number): Promise<ParkingSpaceT[]> {
  const rows = await ctx.db
    .selectFrom('parking_spaces as s')
    .leftJoin('vehicles as v', 'v.id', 's.vehicle_id')
    .select(['s.id', 's.code', 's.kind', 's.house_id', 's.vehicle_id', 'v.plate as vehicle_plate', 's.start_date', 's.end_date', 's.notes'])
    .where('s.house_id', '=', houseId)
    .where('s.voided_at', 'is', null)
    .orderBy('s.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind as ParkingSpaceT['kind'],
    houseId: r.house_id,
    vehicleId: r.vehicle_id,
    vehiclePlate: r.vehicle_plate,
    startDate: r.start_date,
    endDate: r.end_date,
    notes: r.notes,
  }));
}

export async function addParking(
  ctx: CoreContext,
  input: { houseId: number; code: string; kind: string; vehicleId?: number | null; startDate?: string | null; endDate?: string | null; notes?: string | null },
): Promise<ParkingSpaceT> {
  const house = await getHouse(ctx, input.houseId);
  const code = input.code.trim().toUpperCase();
  const dup = await ctx.db
    .selectFrom('parking_spaces')
    .select('id')
    .where('estate_id', '=', house.estateId)
    .where('code', '=', code)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  if (dup) throw conflict(`车位 ${code} 已登记，请先作废原登记`);
  if (input.vehicleId) {
    const v = await ctx.db
      .selectFrom('vehicles')
      .select('id')
      .where('id', '=', input.vehicleId)
      .where('house_id', '=', input.houseId)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    if (!v) throw notFound('关联车辆');
  }
  const now = ctx.now().toISOString();
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('parking_spaces')
      .values({
        estate_id: house.estateId,
        house_id: input.houseId,
        vehicle_id: input.vehicleId ?? null,
        code,
        kind: input.kind,
        start_date: input.startDate ?? null,
        end_date: input.endDate ?? null,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, await ctx.actor(), 'parking', row.id, 'create', { houseId: input.houseId, code });
    return row.id;
  });
  const s = (await listParking(ctx, input.houseId)).find((x) => x.id === id);
  if (!s) throw notFound('车位');
  return s;
}

export async function voidParking(ctx: CoreContext, id: number, reason: string): Promise<{ id: number }> {
  const s = await ctx.db.selectFrom('parking_spaces').select('id').where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  if (!s) throw notFound('车位');
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('parking_spaces').set({ voided_at: ctx.now().toISOString(), void_reason: reason }).where('id', '=', id).execute();
    await audit(trx, await ctx.actor(), 'parking', id, 'void', { reason });
  });
  return { id };
}
