import type { CoreContext } from '../../context';
import type { Handlers } from '../../dispatch';
import type { packetChannels } from '../../../../shared/contract/packet';

/** The packet's channels (its fixed texts, edited in 设置). */
export function packetHandlers(_ctx: CoreContext): Pick<Handlers, keyof typeof packetChannels> {
  return {};
}
