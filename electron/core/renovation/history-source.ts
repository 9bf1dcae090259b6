import { registerHistorySource } from '../archives/history';

// 装修 and 搬迁放行 on the household history, from their audit lines (entity 'renovation' and
// 'moveOutPass'), so each step shows who did it and when: registered, edited, started, inspected,
// accepted, deposit refunded, voided; a pass issued, checked at the gate, voided.
const fen = (n: unknown) => `${(Number(n) / 100).toFixed(2)} 元`;
type Detail = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const RENOVATION: Record<string, { title: string; text(d: Detail): string | null }> = {
  create: { title: '装修登记', text: (d) => `${s(d.permitNo)} 施工单位：${s(d.contractor)}，工期 ${s(d.period)}` },
  update: { title: '修改装修登记', text: (d) => s(d.permitNo) },
  start: { title: '装修开工', text: (d) => s(d.permitNo) },
  inspect: { title: '装修巡查', text: (d) => `${s(d.permitNo)} ${s(d.date)} ${s(d.by)}：${s(d.findings)}（${s(d.result)}）` },
  accept: { title: '装修验收', text: (d) => `${s(d.permitNo)} 验收人：${s(d.by)}${d.note ? `，${s(d.note)}` : ''}` },
  refund: {
    title: '退还装修押金',
    text: (d) => `${s(d.permitNo)} 退还 ${fen(d.amount)}${Number(d.deducted) > 0 ? `，扣除 ${fen(d.deducted)}（${s(d.reason)}）` : ''}`,
  },
  void: { title: '作废装修登记', text: (d) => `${s(d.permitNo)}：${s(d.reason)}` },
};
const PASS: Record<string, { title: string; text(d: Detail): string | null }> = {
  create: {
    title: '开具搬迁放行条',
    text: (d) => `${s(d.passNo)} ${s(d.applicant)}，${s(d.items)} 项物品${d.plate ? `，车牌 ${s(d.plate)}` : ''}，有效期 ${s(d.valid)}`,
  },
  check: { title: '门岗查验放行', text: (d) => s(d.passNo) },
  void: { title: '作废放行条', text: (d) => `${s(d.passNo)}：${s(d.reason)}` },
};

registerHistorySource(async (ctx, houseId) => {
  const renovationIds = (await ctx.db.selectFrom('renovations').select('id').where('house_id', '=', houseId).execute()).map((r) => r.id);
  const passIds = (await ctx.db.selectFrom('move_out_passes').select('id').where('house_id', '=', houseId).execute()).map((r) => r.id);
  if (!renovationIds.length && !passIds.length) return [];
  const rows = await ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(renovationIds.length ? [eb.and([eb('entity', '=', 'renovation'), eb('entity_id', 'in', renovationIds)])] : []),
        ...(passIds.length ? [eb.and([eb('entity', '=', 'moveOutPass'), eb('entity_id', 'in', passIds)])] : []),
      ]),
    )
    .orderBy('at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => {
    const d = r.detail ? (JSON.parse(r.detail) as Detail) : {};
    const renovation = r.entity === 'renovation';
    const kind = (renovation ? RENOVATION : PASS)[r.action];
    return {
      at: r.at,
      kind: renovation ? 'renovation' : 'moveOutPass',
      title: kind?.title ?? r.action,
      detail: kind ? kind.text(d) : null,
      staff: r.actor,
      ref: r.entity_id,
    };
  });
});
