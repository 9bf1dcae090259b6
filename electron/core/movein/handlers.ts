import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { moveinChannels } from '../../../shared/contract/movein';

/** The movein channels (shared/contract/movein.ts), grouped as the other domains' handlers are. */
export function moveinHandlers(_ctx: CoreContext): Pick<Handlers, keyof typeof moveinChannels> {
  return {};
}
