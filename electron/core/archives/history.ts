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
  'import.create': '名册导入建档',
  'import.update': '名册导入更新',
};
const FIELD_LABELS: Record<string, string> = { status: '状态', type: '类型', buildingArea: '建筑面积', innerArea: '套内面积', floor: '楼层', notes: '备注' };

/** Archive changes of the house and of its people, from the audit trail. */
const archiveSource: HistorySource = async (ctx, houseId) => {
  const people = await ctx.db.selectFrom('occupancies').select('person_id').where('house_id', '=', houseId).execute();
  const personIdsOfHouse = people.map((p) => p.person_id);
  const rows = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'house'), eb('entity_id', '=', houseId)]),
        ...(personIdsOfHouse.length ? [eb.and([eb('entity', '=', 'person'), eb('entity_id', 'in', personIdsOfHouse), eb('action', '=', 'update')])] : []),
      ]),
    )
    .orderBy('at', 'desc')
    .limit(200)
    .execute();
  const personIds = new Set<number>();
  const parsed = rows.map((r) => {
    const detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
    if (typeof detail.personId === 'number') personIds.add(detail.personId);
    if (r.entity === 'person' && r.entity_id) personIds.add(r.entity_id);
    return { r, detail };
  });
  const names = new Map<number, string>();
  if (personIds.size) {
    for (const p of await ctx.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('id', 'in', [...personIds])
      .execute())
      names.set(p.id, p.name);
  }
  return parsed.map(({ r, detail }) => {
    let text: string | null = null;
    if (r.entity === 'person') {
      const fields = Array.isArray(detail.fields) ? (detail.fields as string[]) : [];
      return {
        at: r.at,
        kind: 'archive',
        title: '修改住户信息',
        detail: `${names.get(r.entity_id ?? 0) ?? ''}${fields.length ? `：${fields.map(personFieldLabel).join('、')}` : ''}`,
        staff: r.actor,
      };
    }
    if (r.action === 'attach') text = `${names.get(detail.personId as number) ?? ''}（${ROLE_LABELS[detail.role as PersonRoleT] ?? ''}）`;
    else if (r.action === 'moveOut')
      text = `${names.get(detail.personId as number) ?? ''} 于 ${String(detail.date)} 迁出${detail.note ? `：${String(detail.note)}` : ''}`;
    else if (r.action === 'update') {
      const changes = detail as Record<string, [unknown, unknown]>;
      const parts = Object.entries(changes).map(([k, [a, b]]) => `${FIELD_LABELS[k] ?? k}：${a ?? '空'} → ${b ?? '空'}`);
      text = parts.length ? parts.join('；') : '无变化';
    } else if (r.action === 'void') text = String(detail.reason ?? '');
    else if (r.action === 'import.create') text = `来自 ${String(detail.file ?? '名册')}`;
    else if (r.action === 'import.update')
      text = `${FIELD_LABELS[String(detail.field)] ?? String(detail.field)}：${String(detail.from ?? '空')} → ${String(detail.to ?? '空')}（${String(detail.file ?? '名册')}）`;
    return { at: r.at, kind: 'archive', title: ACTION_TITLES[r.action] ?? r.action, detail: text, staff: r.actor };
  });
};
registerHistorySource(archiveSource);

function personFieldLabel(column: string): string {
  const labels: Record<string, string> = {
    name: '姓名',
    gender: '性别',
    phone: '电话',
    phone2: '备用电话',
    id_type: '证件类型',
    id_number: '证件号码',
    birthday: '生日',
    emergency_contact: '紧急联系人',
    emergency_phone: '紧急联系电话',
    work_unit: '工作单位',
    notes: '备注',
  };
  return labels[column] ?? column;
}

export async function houseHistory(ctx: CoreContext, houseId: number): Promise<HistoryEntryT[]> {
  const all = (await Promise.all(sources.map((s) => s(ctx, houseId)))).flat();
  return all.sort((a, b) => b.at.localeCompare(a.at));
}
