import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { noticesChannels } from '../../../shared/contract/notices';
import { getNotice, issueNotice, listNotices, listTemplates, previewNotice, saveTemplate, voidNotice, voidTemplate } from './notices';
import './history-source';

/** The notices channels (shared/contract/notices.ts), grouped as the other domains' handlers are. */
export function noticesHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof noticesChannels> {
  return {
    'notices.templates.list': (i) => listTemplates(ctx, i.includeVoided),
    'notices.templates.save': (i) => saveTemplate(ctx, i),
    'notices.templates.void': (i) => voidTemplate(ctx, i.id, i.reason),
    'notices.preview': (i) => previewNotice(ctx, i),
    'notices.issue': (i) => issueNotice(ctx, i),
    'notices.list': (i) => listNotices(ctx, i),
    'notices.get': (i) => getNotice(ctx, i.id),
    'notices.void': (i) => voidNotice(ctx, i.id, i.reason),
  };
}
