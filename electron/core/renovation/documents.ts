// 装修许可证, 动火作业许可证 and 搬迁放行条: filled in by the renovation work of issue 8.
import type { CoreContext } from '../context';
import type { DocumentRequestT } from '../../../shared/contract/documents';
import { UserError } from '../errors';
import type { DocumentSource } from '../documents/model';

type Req<K extends DocumentRequestT['document']> = Extract<DocumentRequestT, { document: K }>;

export async function renovationPermitSource(_ctx: CoreContext, _req: Req<'renovationPermit'> | Req<'hotWorkPermit'>): Promise<DocumentSource> {
  throw new UserError('UNAVAILABLE', '装修许可证尚未实现');
}

export async function moveOutPassSource(_ctx: CoreContext, _req: Req<'moveOutPass'>): Promise<DocumentSource> {
  throw new UserError('UNAVAILABLE', '搬迁放行条尚未实现');
}
