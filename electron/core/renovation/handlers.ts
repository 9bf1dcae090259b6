import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { renovationChannels } from '../../../shared/contract/renovation';
import {
  acceptRenovation,
  getRenovation,
  inspectRenovation,
  listRenovations,
  refundRenovation,
  saveRenovation,
  startRenovation,
  voidRenovation,
} from './renovations';
import { checkPass, listPasses, savePass, voidPass } from './moveout';
import './history-source';

/** The renovation channels (shared/contract/renovation.ts), grouped as the other domains' handlers are. */
export function renovationHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof renovationChannels> {
  return {
    'renovation.list': (i) => listRenovations(ctx, i.houseId),
    'renovation.get': (i) => getRenovation(ctx, i.id),
    'renovation.save': (i) => saveRenovation(ctx, i),
    'renovation.start': (i) => startRenovation(ctx, i.id),
    'renovation.inspect': (i) => inspectRenovation(ctx, i),
    'renovation.accept': (i) => acceptRenovation(ctx, i),
    'renovation.refund': (i) => refundRenovation(ctx, i),
    'renovation.void': (i) => voidRenovation(ctx, i.id, i.reason),
    'moveout.list': (i) => listPasses(ctx, i.houseId),
    'moveout.save': (i) => savePass(ctx, i),
    'moveout.check': (i) => checkPass(ctx, i.id),
    'moveout.void': (i) => voidPass(ctx, i.id, i.reason),
  };
}
