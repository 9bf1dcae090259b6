import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { renovationChannels } from '../../../shared/contract/renovation';

/** The renovation channels (shared/contract/renovation.ts), grouped as the other domains' handlers are. */
export function renovationHandlers(_ctx: CoreContext): Pick<Handlers, keyof typeof renovationChannels> {
  return {};
}
