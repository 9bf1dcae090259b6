import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { moveinChannels } from '../../../shared/contract/movein';
import { getPlan, setPlan } from './plan';
import { getHandoverView, listHouses, moveIn, saveHandover, voidHandover } from './handover';
import './history-source';

/** The movein channels (shared/contract/movein.ts), grouped as the other domains' handlers are. */
export function moveinHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof moveinChannels> {
  return {
    'movein.plan.get': (i) => getPlan(ctx, i.buildingId),
    'movein.plan.set': (i) => setPlan(ctx, i),
    'movein.houses.list': (i) => listHouses(ctx, i.buildingId),
    'movein.handover.get': (i) => getHandoverView(ctx, i.houseId),
    'movein.handover.save': (i) => saveHandover(ctx, i),
    'movein.moveIn': (i) => moveIn(ctx, i),
    'movein.handover.void': (i) => voidHandover(ctx, i.id, i.reason),
  };
}
