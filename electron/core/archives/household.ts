import type { CoreContext } from '../context';
import type { HouseholdT } from '../../../shared/contract/archives';
import { getHouse } from './houses';
import { listOccupancies } from './people';
import { listVehicles, listParking } from './vehicles';
import { listCommunications } from './communications';
import { houseHistory } from './history';

/** 一户一档: everything about one house on one screen. */
export async function getHousehold(ctx: CoreContext, houseId: number): Promise<HouseholdT> {
  const house = await getHouse(ctx, houseId, true);
  const [occupants, vehicles, parking, communications, history] = await Promise.all([
    listOccupancies(ctx, houseId),
    listVehicles(ctx, houseId),
    listParking(ctx, houseId),
    listCommunications(ctx, houseId),
    houseHistory(ctx, houseId),
  ]);
  return { house, occupants, vehicles, parking, communications, history };
}
