import type { CoreContext } from '../context';
import type { HistoryEntryT } from '../../../shared/contract/archives';
import { ROLE_LABELS, type PersonRoleT } from '../../../shared/contract/archives';

/**
 * The household history is assembled from every domain that knows something about a house.
 * Each domain registers a source; later ones (tickets, handover, notices, fees) add theirs.
 */
export type HistorySource = (ctx: CoreContext, houseId: number) => Promise<HistoryEntryT[]>;
const sources: HistorySource[] = [];
export function registerHistorySource(source: HistorySource): void {
  if (!sources.includes(source)) sources.push(source);
}

const ACTION_TITLES: Record<string, string> = {
  create: '建档',
  update: '修改房屋信息',
  void: '作废房屋',
  attach: '登记住户',
  moveOut: '住户迁出',
  rosterImport: '名册导入',
};

/** Archive changes of the house itself, from the audit trail. */
const archiveSource: HistorySource = async (ctx, houseId) => {
  const rows = await ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'house').where('entity_id', '=', houseId).orderBy('at', 'desc').limit(200).execute();
  const personIds = new Set<number>();
  const parsed = rows.map((r) => {
    const detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
    if (typeof detail.personId === 'number') personIds.add(detail.personId);
    return { r, detail };
  });
  const names = new Map<number, string>();
  if (personIds.size) {
    for (const p of await ctx.db.selectFrom('people').select(['id', 'name']).where('id', 'in', [...personIds]).execute()) names.set(p.id, p.name);
  }
  return parsed.map(({ r, detail }) => {
    let text: string | null = null;
    if (r.action === 'attach') text = `${names.get(detail.personId as number) ?? ''}（${ROLE_LABELS[detail.role as PersonRoleT] ?? ''}）`;
    else if (r.action === 'moveOut') text = `${names.get(detail.personId as number) ?? ''} 于 ${String(detail.date)} 迁出${detail.note ? `：${String(detail.note)}` : ''}`;
    else if (r.action === 'update') {
      const changes = detail as Record<string, [unknown, unknown]>;
      const labels: Record<string, string> = { status: '状态', type: '类型', buildingArea: '建筑面积', innerArea: '套内面积', floor: '楼层', notes: '备注' };
      const parts = Object.entries(changes).map(([k, [a, b]]) => `${labels[k] ?? k}：${a ?? '空'} → ${b ?? '空'}`);
      text = parts.length ? parts.join('；') : '无变化';
    } else if (r.action === 'void') text = String(detail.reason ?? '');
    else if (r.action === 'rosterImport') text = String(detail.summary ?? '');
    return { at: r.at, kind: 'archive', title: ACTION_TITLES[r.action] ?? r.action, detail: text, staff: r.actor };
  });
};
registerHistorySource(archiveSource);

export async function houseHistory(ctx: CoreContext, houseId: number): Promise<HistoryEntryT[]> {
  const all = (await Promise.all(sources.map((s) => s(ctx, houseId)))).flat();
  return all.sort((a, b) => b.at.localeCompare(a.at));
}
