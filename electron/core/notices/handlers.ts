import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { noticesChannels } from '../../../shared/contract/notices';
import './history-source';

/** The notices channels (shared/contract/notices.ts), grouped as the other domains' handlers are. */
// notices.ts renders through the printout fonts (subset-font): loaded on first use (docs/PERFORMANCE.md, "Start")
const notices = () => import('./notices');

export function noticesHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof noticesChannels> {
  return {
    'notices.templates.list': async (i) => (await notices()).listTemplates(ctx, i.includeVoided),
    'notices.templates.save': async (i) => (await notices()).saveTemplate(ctx, i),
    'notices.templates.void': async (i) => (await notices()).voidTemplate(ctx, i.id, i.reason),
    'notices.preview': async (i) => (await notices()).previewNotice(ctx, i),
    'notices.issue': async (i) => (await notices()).issueNotice(ctx, i),
    'notices.list': async (i) => (await notices()).listNotices(ctx, i),
    'notices.get': async (i) => (await notices()).getNotice(ctx, i.id),
    'notices.void': async (i) => (await notices()).voidNotice(ctx, i.id, i.reason),
  };
}
