// The command line's --house / --building / --template for notices, permits and passes: the record
// each names (the latest live one of that house), as the request the app would send.
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import { DOCUMENT_KIND_TITLES, type DocumentKindT, type DocumentRequestT } from '../../../shared/contract/documents';
import { houseIdByRoom } from './targets';

export interface CliTarget {
  house?: string;
  building?: string;
  template?: string;
  estateId?: number;
}

async function mustHouse(ctx: CoreContext, kind: DocumentKindT, t: CliTarget): Promise<number> {
  if (!t.house) throw new UserError('VALIDATION', `${DOCUMENT_KIND_TITLES[kind]}需要 --house 房号（如 3-2-1502）`);
  return houseIdByRoom(ctx, t.house, t.estateId);
}

export async function cliRequestFor(ctx: CoreContext, kind: DocumentKindT, t: CliTarget): Promise<DocumentRequestT> {
  switch (kind) {
    case 'renovationPermit':
    case 'hotWorkPermit': {
      const houseId = await mustHouse(ctx, kind, t);
      let q = ctx.db.selectFrom('renovations').select('id').where('house_id', '=', houseId).where('voided_at', 'is', null);
      if (kind === 'hotWorkPermit') q = q.where('hot_work', 'is not', null);
      const row = await q.orderBy('id', 'desc').executeTakeFirst();
      if (!row) throw new UserError('NOT_FOUND', `房屋「${t.house}」没有${kind === 'hotWorkPermit' ? '含动火作业的' : ''}装修登记`);
      return { document: kind, renovationId: row.id };
    }
    case 'moveOutPass': {
      const houseId = await mustHouse(ctx, kind, t);
      const row = await ctx.db
        .selectFrom('move_out_passes')
        .select('id')
        .where('house_id', '=', houseId)
        .where('voided_at', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!row) throw new UserError('NOT_FOUND', `房屋「${t.house}」没有搬迁放行条`);
      return { document: kind, passId: row.id };
    }
    default:
      throw new UserError('UNAVAILABLE', `命令行暂不支持 ${kind}`);
  }
}
