// Houses named the way staff write them, for the command line and batch printing:
// "3-2-1502" / "3栋2单元1502" for one house, "3" / "3栋" for a building (shared/domain/room.ts).
import { sql } from 'kysely';
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import { normaliseCode, parseRoom } from '../../../shared/domain/room';

/** The one current house a room text names; refused when it names none or several. */
export async function houseIdByRoom(ctx: CoreContext, text: string, estateId?: number): Promise<number> {
  const ref = parseRoom(text);
  if (!ref) throw new UserError('VALIDATION', `无法识别房号「${text}」，请写成 3-2-1502 或 3栋2单元1502`);
  let q = ctx.db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'b.code as building', 'u.code as unit', 'h.room_no', 'h.estate_id'])
    .where('h.room_no', '=', ref.room)
    .where('h.voided_at', 'is', null);
  if (ref.building) q = q.where('b.code', '=', ref.building);
  if (ref.unit) q = q.where('u.code', '=', ref.unit);
  if (estateId) q = q.where('h.estate_id', '=', estateId);
  const rows = await q.limit(6).execute();
  if (rows.length === 0) throw new UserError('NOT_FOUND', `没有找到房屋「${text}」`);
  if (rows.length > 1) {
    const names = rows.map((r) => [r.building, r.unit, r.room_no].filter(Boolean).join('-')).join('、');
    throw new UserError('VALIDATION', `「${text}」对应多套房屋（${names}），请写全楼栋和单元`);
  }
  return rows[0].id;
}

/** The current houses of a building (by its number), in unit, floor and room order. */
export async function houseIdsOfBuilding(ctx: CoreContext, text: string, estateId?: number): Promise<{ buildingId: number; houseIds: number[] }> {
  const code = normaliseCode(text);
  let q = ctx.db.selectFrom('buildings').select(['id', 'estate_id']).where('code', '=', code).where('voided_at', 'is', null);
  if (estateId) q = q.where('estate_id', '=', estateId);
  const buildings = await q.execute();
  if (buildings.length === 0) throw new UserError('NOT_FOUND', `没有找到楼栋「${text}」`);
  if (buildings.length > 1) throw new UserError('VALIDATION', `多个项目都有楼栋「${text}」，请用 --estate 指定项目编号`);
  const houses = await ctx.db
    .selectFrom('houses as h')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select('h.id')
    .where('h.building_id', '=', buildings[0].id)
    .where('h.voided_at', 'is', null)
    // unit 10 after unit 9: shorter codes first, then by text
    .orderBy(sql`length(u.code)`)
    .orderBy('u.code')
    .orderBy('h.floor')
    .orderBy('h.room_no')
    .execute();
  if (houses.length === 0) throw new UserError('NOT_FOUND', `楼栋「${text}」没有房屋`);
  return { buildingId: buildings[0].id, houseIds: houses.map((h) => h.id) };
}
