import type { CoreContext } from '../../context';
import type { Handlers } from '../../dispatch';
import type { packetChannels } from '../../../../shared/contract/packet';
import { getTexts, updateTexts } from './texts';

/** The packet's channels (its fixed texts, edited in 设置 → 单据文字). */
export function packetHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof packetChannels> {
  return {
    'documents.texts.get': () => getTexts(ctx),
    'documents.texts.update': (patch) => updateTexts(ctx, patch),
  };
}
