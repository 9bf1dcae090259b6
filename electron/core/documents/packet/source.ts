// 入住资料包 (move-in packet): filled in by the packet work of issue 8.
import type { CoreContext } from '../../context';
import type { DocumentRequestT } from '../../../../shared/contract/documents';
import { UserError } from '../../errors';
import type { DocumentSource } from '../model';

export async function packetSource(_ctx: CoreContext, _req: Extract<DocumentRequestT, { document: 'moveInPacket' }>): Promise<DocumentSource> {
  throw new UserError('UNAVAILABLE', '入住资料包尚未实现');
}
