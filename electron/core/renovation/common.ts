import type { Transaction } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { houseLabel } from '../archives/mappers';
import { cstParts } from '../../../shared/domain/time';
import { notFound } from '../errors';

/** 元 (contract) → 分 (table) and back */
export const toFen = (yuan: number) => Math.round(yuan * 100);
export const toYuan = (fen: number) => fen / 100;

export interface HouseFacts {
  id: number;
  estateId: number;
  label: string;
  status: string;
}

/** The house a record is for, with the label printed and shown (3栋2单元1502); refused when voided or absent. */
export async function houseFacts(db: CoreContext['db'] | Transaction<DB>, houseId: number, allowVoided = false): Promise<HouseFacts> {
  const row = await db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.estate_id', 'h.room_no', 'h.status', 'h.voided_at', 'b.name as building_name', 'u.name as unit_name'])
    .where('h.id', '=', houseId)
    .executeTakeFirst();
  if (!row || (row.voided_at && !allowVoided)) throw notFound('房屋');
  return { id: row.id, estateId: row.estate_id, label: houseLabel(row.building_name, row.unit_name, row.room_no), status: row.status };
}

/**
 * "ZX2026-0007": prefix, the year in China time, and a per-year sequence kept in `counters`. A number
 * already taken (an import, a hand-made row) moves the counter past it.
 */
export async function nextYearNo(trx: Transaction<DB>, prefix: 'ZX' | 'FX', at: Date, taken: (no: string) => Promise<boolean>): Promise<string> {
  const year = cstParts(at).year;
  const key = `${prefix === 'ZX' ? 'renovation' : 'moveout'}:${year}`;
  const no = (n: number) => `${prefix}${year}-${String(n).padStart(4, '0')}`;
  for (;;) {
    const { value } = await trx
      .insertInto('counters')
      .values({ key, value: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    if (!(await taken(no(value)))) return no(value);
  }
}

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
