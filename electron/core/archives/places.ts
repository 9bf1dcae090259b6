import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import { normaliseCode } from '../../../shared/domain/room';
import { audit } from '../db/audit';
import { conflict, invalid, notFound } from '../errors';
import { inTransaction } from '../db/tx';
import type { BuildingT, EstateT } from '../../../shared/contract/archives';

/** Natural sort key: "3" → "000003", "12A" → "000012A", letters sort after numbers. */
export function sortKeyOf(code: string): string {
  const m = code.match(/^(\d+)(.*)$/);
  return m ? m[1].padStart(6, '0') + m[2] : `~${code}`;
}

/** "3" → "3栋", "A" → "A座", "3栋" stays. */
export function buildingNameOf(raw: string): string {
  const s = raw.trim();
  if (/(栋|幢|座|号楼|楼)$/.test(s)) return s.replace(/号楼$/, '栋');
  const code = normaliseCode(s);
  return /^\d+$/.test(code) ? `${code}栋` : `${code}座`;
}

export function unitNameOf(code: string): string {
  return /^\d+$/.test(code) ? `${code}单元` : code;
}

export async function listEstates(ctx: Pick<CoreContext, 'db'>): Promise<EstateT[]> {
  const rows = await ctx.db.selectFrom('estates').select(['id', 'name', 'address', 'phone']).where('voided_at', 'is', null).orderBy('id').execute();
  if (rows.length === 0) return [];
  const buildings = await ctx.db
    .selectFrom('buildings')
    .select(['estate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('voided_at', 'is', null)
    .groupBy('estate_id')
    .execute();
  const houses = await ctx.db
    .selectFrom('houses')
    .select(['estate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('voided_at', 'is', null)
    .groupBy('estate_id')
    .execute();
  const b = new Map(buildings.map((r) => [r.estate_id, Number(r.n)]));
  const h = new Map(houses.map((r) => [r.estate_id, Number(r.n)]));
  return rows.map((r) => ({ ...r, buildingCount: b.get(r.id) ?? 0, houseCount: h.get(r.id) ?? 0 }));
}

export async function getEstate(ctx: Pick<CoreContext, 'db'>, id: number): Promise<EstateT> {
  const found = (await listEstates(ctx)).find((e) => e.id === id);
  if (!found) throw notFound('项目');
  return found;
}

async function refuseDuplicateName(ctx: Pick<CoreContext, 'db'>, name: string, exceptId?: number) {
  let q = ctx.db.selectFrom('estates').select('id').where('name', '=', name).where('voided_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw invalid(`项目「${name}」已存在`, { name: `项目「${name}」已存在，请换一个名称` });
}

export async function createEstate(ctx: CoreContext, input: { name: string; address?: string | null; phone?: string | null }): Promise<EstateT> {
  const now = ctx.now().toISOString();
  await refuseDuplicateName(ctx, input.name);
  const actor = await ctx.actor();
  // the record and its audit line in one transaction: both land or neither does
  const row = await inTransaction(ctx.db, async (trx) => {
    const created = await trx
      .insertInto('estates')
      .values({
        name: input.name,
        address: input.address ?? null,
        phone: input.phone ?? null,
        created_at: now,
        updated_at: now,
        voided_at: null,
        void_reason: null,
      })
      .returning(['id', 'name', 'address', 'phone'])
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'estate', created.id, 'create', input);
    return created;
  });
  return { ...row, buildingCount: 0, houseCount: 0 };
}

/** 设置 → 项目: the name, service phone and address printed on slips and shown in the header. */
export async function updateEstate(ctx: CoreContext, input: { id: number; name: string; address?: string | null; phone?: string | null }): Promise<EstateT> {
  const stored = await ctx.db.selectFrom('estates').selectAll().where('id', '=', input.id).where('voided_at', 'is', null).executeTakeFirst();
  if (!stored) throw notFound('项目');
  await refuseDuplicateName(ctx, input.name, input.id);
  const next = { name: input.name, address: input.address ?? null, phone: input.phone ?? null };
  // before → after of what changed, as the house audit does
  const changes = Object.fromEntries((Object.keys(next) as (keyof typeof next)[]).filter((k) => stored[k] !== next[k]).map((k) => [k, [stored[k], next[k]]]));
  if (Object.keys(changes).length) {
    const actor = await ctx.actor();
    await inTransaction(ctx.db, async (trx) => {
      await trx
        .updateTable('estates')
        .set({ ...next, updated_at: ctx.now().toISOString() })
        .where('id', '=', input.id)
        .execute();
      await audit(trx, actor, 'estate', input.id, 'update', changes);
    });
  }
  return getEstate(ctx, input.id);
}

export async function listBuildings(ctx: CoreContext, estateId: number): Promise<BuildingT[]> {
  const rows = await ctx.db
    .selectFrom('buildings as b')
    .leftJoin('houses as h', (j) => j.onRef('h.building_id', '=', 'b.id').on('h.voided_at', 'is', null))
    .select(({ fn }) => ['b.id', 'b.estate_id', 'b.name', 'b.code', 'b.floors', fn.count<number>('h.id').as('house_count')])
    .where('b.estate_id', '=', estateId)
    .where('b.voided_at', 'is', null)
    .groupBy('b.id')
    .orderBy('b.sort_key')
    .execute();
  return rows.map((r) => ({ id: r.id, estateId: r.estate_id, name: r.name, code: r.code, floors: r.floors, houseCount: Number(r.house_count) }));
}

export async function getBuilding(ctx: CoreContext, id: number): Promise<BuildingT> {
  const b = await ctx.db.selectFrom('buildings').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  if (!b) throw notFound('楼栋');
  const c = await ctx.db
    .selectFrom('houses')
    .select(({ fn }) => fn.count<number>('id').as('n'))
    .where('building_id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { id: b.id, estateId: b.estate_id, name: b.name, code: b.code, floors: b.floors, houseCount: Number(c.n) };
}

export async function createBuilding(ctx: CoreContext, input: { estateId: number; name: string; floors?: number | null }): Promise<BuildingT> {
  const estate = await ctx.db.selectFrom('estates').select('id').where('id', '=', input.estateId).where('voided_at', 'is', null).executeTakeFirst();
  if (!estate) throw notFound('项目');
  const name = buildingNameOf(input.name);
  const code = normaliseCode(name);
  if (!code) throw conflict('楼栋名称无法识别');
  const dup = await ctx.db.selectFrom('buildings').select('id').where('estate_id', '=', input.estateId).where('code', '=', code).executeTakeFirst();
  if (dup) throw conflict(`楼栋「${name}」已存在`);
  const now = ctx.now().toISOString();
  const actor = await ctx.actor();
  const id = await inTransaction(ctx.db, async (trx) => {
    const created = await trx
      .insertInto('buildings')
      .values({
        estate_id: input.estateId,
        name,
        code,
        floors: input.floors ?? null,
        sort_key: sortKeyOf(code),
        created_at: now,
        updated_at: now,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'building', created.id, 'create', { name, floors: input.floors ?? null });
    return created.id;
  });
  return getBuilding(ctx, id);
}

/** Finds or creates a unit of a building by its code ("2" / "2单元"). */
export async function ensureUnit(db: Kysely<DB>, buildingId: number, rawName: string, now: string): Promise<{ id: number; name: string }> {
  const code = normaliseCode(rawName);
  const found = await db.selectFrom('units').select(['id', 'name']).where('building_id', '=', buildingId).where('code', '=', code).executeTakeFirst();
  if (found) return found;
  const name = unitNameOf(code);
  const { id } = await db
    .insertInto('units')
    .values({ building_id: buildingId, name, code, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, name };
}
