// A notice's printout (documents/registry.ts): the pages stored when it was issued, so a reprint is
// exactly the notice as issued. One unit for a posted notice, one per house otherwise. The print
// service writes the print log (documents.log.list {kind:'notice', refId}).
import type { CoreContext } from '../context';
import type { DocumentRequestT } from '../../../shared/contract/documents';
import { UserError } from '../errors';
import type { DocumentSource } from '../documents/model';
import { letterheadFor } from '../documents/letterhead';
import { noticePages } from './notices';

export async function noticeSource(ctx: CoreContext, req: Extract<DocumentRequestT, { document: 'notice' }>): Promise<DocumentSource> {
  const { row, units, houseIds } = await noticePages(ctx, req.noticeId);
  if (row.voided_at) throw new UserError('CONFLICT', `通知 ${row.no} 已作废，不能再打印`);
  return {
    kind: 'notice',
    title: row.title,
    fileBase: `${row.title}-${row.year}-${String(row.seq).padStart(3, '0')}号`,
    pageSize: 'A4',
    letterhead: await letterheadFor(ctx, row.estate_id),
    audience: `${row.no} ${row.audience_label}`,
    houseId: houseIds.length === 1 ? houseIds[0] : null,
    refId: row.id,
    count: units.length,
    unit: async (i) => units[i] ?? [],
  };
}
