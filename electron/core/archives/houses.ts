import type { CoreContext } from '../context';
import type { HouseT, BuildingMapT } from '../../../shared/contract/archives';
import { FLOOR_MAX, FLOOR_MIN, HOUSE_STATUSES } from '../../../shared/contract/archives';
import { normaliseCode, floorOfRoom } from '../../../shared/domain/room';
import { audit } from '../db/audit';
import { notFound, UserError } from '../errors';
import { toHouse } from './mappers';
import { ensureUnit, getBuilding } from './places';
import { inTransaction } from '../db/tx';

const houseSelect = (ctx: CoreContext) =>
  ctx.db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select([
      'h.id',
      'h.estate_id',
      'h.building_id',
      'b.name as building_name',
      'h.unit_id',
      'u.name as unit_name',
      'h.room_no',
      'h.floor',
      'h.building_area',
      'h.inner_area',
      'h.type',
      'h.status',
      'h.notes',
      'h.voided_at',
      'h.void_reason',
    ]);

export async function getHouse(ctx: CoreContext, id: number, includeVoided = false): Promise<HouseT> {
  let q = houseSelect(ctx).where('h.id', '=', id);
  if (!includeVoided) q = q.where('h.voided_at', 'is', null);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('房屋');
  return toHouse(row);
}

type HouseInputT = {
  buildingId: number;
  unitName?: string | null;
  roomNo: string;
  floor?: number | null;
  buildingArea?: number | null;
  innerArea?: number | null;
  type: string;
  status: string;
  notes?: string | null;
};

/** The floor a room number implies, when it is one the contract would accept ("99901" implies none). */
function derivedFloor(roomNo: string): number | null {
  const f = floorOfRoom(roomNo);
  return f !== null && f >= FLOOR_MIN && f <= FLOOR_MAX ? f : null;
}

export async function createHouse(ctx: CoreContext, input: HouseInputT): Promise<HouseT> {
  const building = await getBuilding(ctx, input.buildingId);
  const roomNo = normaliseCode(input.roomNo);
  const id = await inTransaction(ctx.db, async (trx) => {
    const now = ctx.now().toISOString();
    const unit = input.unitName ? await ensureUnit(trx, building.id, input.unitName, now) : null;
    let dupQ = trx.selectFrom('houses').select('id').where('building_id', '=', building.id).where('room_no', '=', roomNo);
    dupQ = unit ? dupQ.where('unit_id', '=', unit.id) : dupQ.where('unit_id', 'is', null);
    if (await dupQ.executeTakeFirst()) {
      // named next to 房号, where the user fixes it
      const message = `${building.name}${unit?.name ?? ''}${roomNo} 已存在`;
      throw new UserError('CONFLICT', message, { roomNo: message });
    }
    const row = await trx
      .insertInto('houses')
      .values({
        estate_id: building.estateId,
        building_id: building.id,
        unit_id: unit?.id ?? null,
        room_no: roomNo,
        floor: input.floor ?? derivedFloor(roomNo),
        building_area: input.buildingArea ?? null,
        inner_area: input.innerArea ?? null,
        type: input.type,
        status: input.status,
        notes: input.notes ?? null,
        created_at: now,
        updated_at: now,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, await ctx.actor(), 'house', row.id, 'create', input);
    return row.id;
  });
  return getHouse(ctx, id);
}

export async function updateHouse(
  ctx: CoreContext,
  input: { id: number; floor?: number | null; buildingArea?: number | null; innerArea?: number | null; type: string; status: string; notes?: string | null },
): Promise<HouseT> {
  const before = await getHouse(ctx, input.id);
  const patch = {
    floor: input.floor ?? null,
    building_area: input.buildingArea ?? null,
    inner_area: input.innerArea ?? null,
    type: input.type,
    status: input.status,
    notes: input.notes ?? null,
    updated_at: ctx.now().toISOString(),
  };
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('houses').set(patch).where('id', '=', input.id).execute();
    const changes: Record<string, [unknown, unknown]> = {};
    if (before.status !== input.status) changes.status = [before.status, input.status];
    if (before.type !== input.type) changes.type = [before.type, input.type];
    if (before.buildingArea !== patch.building_area) changes.buildingArea = [before.buildingArea, patch.building_area];
    if (before.innerArea !== patch.inner_area) changes.innerArea = [before.innerArea, patch.inner_area];
    if (before.floor !== patch.floor) changes.floor = [before.floor, patch.floor];
    if (before.notes !== patch.notes) changes.notes = [before.notes, patch.notes];
    // 保存 with nothing changed is not an event: the household history would read "无变化"
    if (Object.keys(changes).length) await audit(trx, await ctx.actor(), 'house', input.id, 'update', changes);
  });
  return getHouse(ctx, input.id);
}

export async function voidHouse(ctx: CoreContext, id: number, reason: string): Promise<HouseT> {
  await getHouse(ctx, id);
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('houses').set({ voided_at: ctx.now().toISOString(), void_reason: reason }).where('id', '=', id).execute();
    await audit(trx, await ctx.actor(), 'house', id, 'void', { reason });
  });
  return getHouse(ctx, id, true);
}

/** Houses of a building as map cells, with current owners' names. */
export async function buildingMap(ctx: CoreContext, buildingId: number): Promise<BuildingMapT> {
  const building = await getBuilding(ctx, buildingId);
  const rows = await ctx.db
    .selectFrom('houses as h')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.room_no', 'h.unit_id', 'u.name as unit_name', 'u.code as unit_code', 'h.floor', 'h.status', 'h.type'])
    .where('h.building_id', '=', buildingId)
    .where('h.voided_at', 'is', null)
    .execute();
  const owners = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .innerJoin('houses as h', 'h.id', 'o.house_id')
    .select(['o.house_id', 'p.name', 'o.role'])
    .where('h.building_id', '=', buildingId)
    .where('o.ended_at', 'is', null)
    .where('o.role', 'in', ['owner', 'co_owner'])
    .orderBy('o.id')
    .execute();
  const ownerNames = new Map<number, string[]>();
  for (const o of owners) ownerNames.set(o.house_id, [...(ownerNames.get(o.house_id) ?? []), o.name]);

  const unitMap = new Map<string, { id: number | null; name: string | null; code: string }>();
  for (const r of rows) unitMap.set(String(r.unit_id ?? 0), { id: r.unit_id, name: r.unit_name, code: r.unit_code ?? '' });
  const units = [...unitMap.values()].sort((a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true })).map(({ id, name }) => ({ id, name }));

  const statusCounts: Record<string, number> = Object.fromEntries(HOUSE_STATUSES.map((s) => [s, 0]));
  for (const r of rows) statusCounts[r.status] = (statusCounts[r.status] ?? 0) + 1;
  const cells = rows
    .map((r) => ({
      id: r.id,
      roomNo: r.room_no,
      unitName: r.unit_name,
      floor: r.floor,
      status: r.status as BuildingMapT['cells'][number]['status'],
      type: r.type as BuildingMapT['cells'][number]['type'],
      ownerNames: ownerNames.get(r.id)?.join('、') ?? null,
    }))
    .sort((a, b) => (b.floor ?? 0) - (a.floor ?? 0) || a.roomNo.localeCompare(b.roomNo, 'zh-CN', { numeric: true }));
  return { building, units, cells, statusCounts };
}
