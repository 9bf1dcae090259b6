import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { houseLabel } from '../archives/mappers';
import { prepared } from './prepared';

export interface Place {
  estateId: number;
  houseId: number | null;
  buildingId: number | null;
  /** the house label, or the public-area text (prefixed with its building's name when one is given) */
  location: string;
}

/**
 * Where a request is about, as intake and 修改 take it: a house (its label, building and estate), or
 * a public-area text, optionally in a building. A public area with no building stays in `estateId`.
 */
export async function placeOf(
  ctx: CoreContext,
  input: { houseId?: number | null; location?: string | null; buildingId?: number | null },
  estateId: number,
): Promise<Place> {
  // prepared statements kept per connection: intake runs this on every save (docs/PERFORMANCE.md)
  if (input.houseId) {
    const house = prepared(
      ctx.sqlite,
      `select h.id, h.estate_id, h.building_id, b.name building_name, u.name unit_name, h.room_no
       from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id where h.id = ? and h.voided_at is null`,
    ).get(input.houseId) as
      { id: number; estate_id: number; building_id: number; building_name: string; unit_name: string | null; room_no: string } | undefined;
    if (!house) throw notFound('房屋');
    return {
      estateId: house.estate_id,
      houseId: house.id,
      buildingId: house.building_id,
      location: houseLabel(house.building_name, house.unit_name, house.room_no),
    };
  }
  let location = (input.location ?? '').trim();
  const buildingId = input.buildingId ?? null;
  if (buildingId) {
    const b = prepared(ctx.sqlite, 'select name, estate_id from buildings where id = ? and voided_at is null').get(buildingId) as
      { name: string; estate_id: number } | undefined;
    if (!b) throw notFound('楼栋');
    if (!location.startsWith(b.name)) location = `${b.name} ${location}`.trim();
    return { estateId: b.estate_id, houseId: null, buildingId, location };
  }
  return { estateId, houseId: null, buildingId: null, location };
}
