import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { getHouse } from '../archives/houses';

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
  if (input.houseId) {
    const house = await getHouse(ctx, input.houseId);
    return { estateId: house.estateId, houseId: house.id, buildingId: house.buildingId, location: house.label };
  }
  let location = (input.location ?? '').trim();
  const buildingId = input.buildingId ?? null;
  if (buildingId) {
    const b = await ctx.db.selectFrom('buildings').select(['name', 'estate_id']).where('id', '=', buildingId).where('voided_at', 'is', null).executeTakeFirst();
    if (!b) throw notFound('楼栋');
    if (!location.startsWith(b.name)) location = `${b.name} ${location}`.trim();
    return { estateId: b.estate_id, houseId: null, buildingId, location };
  }
  return { estateId, houseId: null, buildingId: null, location };
}
