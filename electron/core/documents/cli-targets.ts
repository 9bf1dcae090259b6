// The command line's --house / --building / --template for notices, permits and passes: the record
// each names (the latest live one of that house), as the request the app would send.
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import { DOCUMENT_KIND_TITLES, type DocumentKindT, type DocumentRequestT } from '../../../shared/contract/documents';
import { houseIdByRoom, houseIdsOfBuilding } from './targets';

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
    case 'notice':
      return { document: kind, noticeId: await latestNotice(ctx, t) };
    default:
      throw new UserError('UNAVAILABLE', `命令行暂不支持 ${kind}`);
  }
}

/**
 * A notice as it was issued (its stored pages, docs/PRINTING.md): the latest live one, made from
 * --template (its name, or the notice's title), addressed to --house or to a house of --building.
 */
async function latestNotice(ctx: CoreContext, t: CliTarget): Promise<number> {
  let q = ctx.db.selectFrom('notices as n').leftJoin('notice_templates as tp', 'tp.id', 'n.template_id').select('n.id').where('n.voided_at', 'is', null);
  if (t.estateId) q = q.where('n.estate_id', '=', t.estateId);
  const name = t.template?.trim();
  if (name) q = q.where((eb) => eb.or([eb('tp.name', '=', name), eb('n.title', '=', name)]));
  let houseIds: number[] | null = null;
  if (t.house) houseIds = [await houseIdByRoom(ctx, t.house, t.estateId)];
  else if (t.building) houseIds = (await houseIdsOfBuilding(ctx, t.building, t.estateId)).houseIds;
  if (houseIds) {
    const ids = houseIds;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('notice_houses as nh').select('nh.notice_id').whereRef('nh.notice_id', '=', 'n.id').where('nh.house_id', 'in', ids)),
    );
  }
  const row = await q.orderBy('n.id', 'desc').executeTakeFirst();
  if (!row) {
    const what = [name ? `模板「${name}」` : '', t.house ? `房屋「${t.house}」` : t.building ? `楼栋「${t.building}」` : ''].filter(Boolean).join('、');
    throw new UserError('NOT_FOUND', what ? `没有找到${what}的通知（请先在「通知公告」中发布）` : '还没有发布过通知');
  }
  return row.id;
}
