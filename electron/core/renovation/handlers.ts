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
import { passForScreen, renovationForScreen } from './numbers';
import './history-source';

const screen =
  <T, U>(f: (v: T) => U) =>
  (p: Promise<T>) =>
    p.then(f);
const renovation = screen(renovationForScreen);
const pass = screen(passForScreen);

/**
 * The renovation channels (shared/contract/renovation.ts), grouped as the other domains' handlers are.
 * Every answer goes to a screen, so its numbers are masked here (numbers.ts, docs/PRIVACY.md); the
 * services themselves return stored numbers, which the printouts read.
 */
export function renovationHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof renovationChannels> {
  return {
    'renovation.list': (i) => listRenovations(ctx, i.houseId).then((rs) => rs.map(renovationForScreen)),
    'renovation.get': (i) => renovation(getRenovation(ctx, i.id)),
    'renovation.save': (i) => renovation(saveRenovation(ctx, i)),
    'renovation.start': (i) => renovation(startRenovation(ctx, i.id)),
    'renovation.inspect': (i) => renovation(inspectRenovation(ctx, i)),
    'renovation.accept': (i) => renovation(acceptRenovation(ctx, i)),
    'renovation.refund': (i) => renovation(refundRenovation(ctx, i)),
    'renovation.void': (i) => renovation(voidRenovation(ctx, i.id, i.reason)),
    'moveout.list': (i) => listPasses(ctx, i.houseId).then((ps) => ps.map(passForScreen)),
    'moveout.save': (i) => pass(savePass(ctx, i)),
    'moveout.check': (i) => pass(checkPass(ctx, i.id)),
    'moveout.void': (i) => pass(voidPass(ctx, i.id, i.reason)),
  };
}
