import type { Insertable, Transaction } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { inTransaction } from '../db/tx';
import { audit } from '../db/audit';
import { conflict, invalid, notFound } from '../errors';
import { Rng } from './prng';
import { buildDemoRows, type StartIds } from './rows';

export const DEMO_ESTATE_NAME = '翠湖花园';
export const DEMO_DEFAULT_SEED = 20240601;
export const DEMO_MAX_HOUSES = 20_000;

export interface SeedDemoOptions {
  estateId?: number;
  estateName?: string;
  /** the service phone and address of a new estate: as given, never made up (blank stays blank) */
  phone?: string | null;
  address?: string | null;
  houses: number;
  seed?: number;
}
export interface SeedDemoResult {
  estateId: number;
  houses: number;
  people: number;
}

/**
 * A realistic training estate: blocks and towers, owners, families, tenants, cars, parking and a
 * few conversations. The same seed gives the same estate. Everything lands in one transaction,
 * and an estate that already has houses is never seeded over.
 */
export async function seedDemo(ctx: CoreContext, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  if (!Number.isInteger(opts.houses) || opts.houses < 1 || opts.houses > DEMO_MAX_HOUSES)
    throw invalid(`演示房屋数量应为 1 到 ${DEMO_MAX_HOUSES} 之间的整数`, { houses: '数量无效' });
  const name = (opts.estateName ?? '').trim() || DEMO_ESTATE_NAME;
  if (name.length > 60) throw invalid('项目名称不超过60字', { estateName: '项目名称不超过60字' });
  // read before the transaction: the connection is held by it until it ends
  const actor = await ctx.actor();
  const now = ctx.now();
  const stamp = now.toISOString();

  return inTransaction(ctx.db, async (trx) => {
    const estateId = await resolveEstate(trx, opts.estateId, { name, phone: opts.phone ?? null, address: opts.address ?? null }, stamp);
    const rows = buildDemoRows(new Rng(opts.seed ?? DEMO_DEFAULT_SEED), estateId, opts.houses, now, await firstFreeIds(trx));
    await insertChunked(trx, 'buildings', rows.buildings);
    await insertChunked(trx, 'units', rows.units);
    await insertChunked(trx, 'houses', rows.houses);
    await insertChunked(trx, 'people', rows.people);
    await insertChunked(trx, 'occupancies', rows.occupancies);
    await insertChunked(trx, 'vehicles', rows.vehicles);
    await insertChunked(trx, 'parking_spaces', rows.parking);
    await insertChunked(trx, 'communications', rows.communications);
    const result = { estateId, houses: rows.houses.length, people: rows.people.length };
    await audit(trx, actor, 'estate', estateId, 'seed-demo', { ...result, vehicles: rows.vehicles.length, seed: opts.seed ?? DEMO_DEFAULT_SEED });
    return result;
  });
}

async function resolveEstate(
  trx: Transaction<DB>,
  estateId: number | undefined,
  { name, phone, address }: { name: string; phone: string | null; address: string | null },
  stamp: string,
): Promise<number> {
  let id = estateId;
  if (id !== undefined) {
    const found = await trx.selectFrom('estates').select('id').where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
    if (!found) throw notFound('项目');
  } else {
    // the same name reuses an empty estate (e.g. the one the setup screen just created)
    const found = await trx.selectFrom('estates').select('id').where('name', '=', name).where('voided_at', 'is', null).executeTakeFirst();
    id = found?.id;
  }
  if (id !== undefined) {
    const has = await trx.selectFrom('houses').select('id').where('estate_id', '=', id).limit(1).executeTakeFirst();
    if (has) throw conflict('该项目已有房屋数据，不能重复生成演示数据');
    return id;
  }
  const row = await trx
    .insertInto('estates')
    .values({ name, address, phone, created_at: stamp, updated_at: stamp, voided_at: null, void_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function firstFreeIds(trx: Transaction<DB>): Promise<StartIds> {
  const next = async (table: 'buildings' | 'units' | 'houses' | 'people' | 'occupancies' | 'vehicles') => {
    const r = await trx
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  };
  return {
    buildings: await next('buildings'),
    units: await next('units'),
    houses: await next('houses'),
    people: await next('people'),
    occupancies: await next('occupancies'),
    vehicles: await next('vehicles'),
  };
}

type SeedTable = 'buildings' | 'units' | 'houses' | 'people' | 'occupancies' | 'vehicles' | 'parking_spaces' | 'communications';

/** Multi-row inserts, each kept under SQLite's limit of bound parameters per statement. */
async function insertChunked<T extends SeedTable>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.floor(30_000 / perRow));
  for (let i = 0; i < rows.length; i += size)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}
