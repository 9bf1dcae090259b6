import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { noticesChannels } from '../../../shared/contract/notices';

/** The notices channels (shared/contract/notices.ts), grouped as the other domains' handlers are. */
export function noticesHandlers(_ctx: CoreContext): Pick<Handlers, keyof typeof noticesChannels> {
  return {};
}
