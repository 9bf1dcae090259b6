// A notice's printout: filled in by the notices work of issue 8.
import type { CoreContext } from '../context';
import type { DocumentRequestT } from '../../../shared/contract/documents';
import { UserError } from '../errors';
import type { DocumentSource } from '../documents/model';

export async function noticeSource(_ctx: CoreContext, _req: Extract<DocumentRequestT, { document: 'notice' }>): Promise<DocumentSource> {
  throw new UserError('UNAVAILABLE', '通知公告尚未实现');
}
