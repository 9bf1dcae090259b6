import { registerHistorySource } from '../archives/history';
import type { HistoryEntryT } from '../../../shared/contract/archives';
import { toHandover } from './handover';

// 交付 / 作废交付 / 入住 on the household history: handovers from their own table, moves-in from the audit trail.
registerHistorySource(async (ctx, houseId) => {
  const rows = await ctx.db.selectFrom('handovers').selectAll().where('house_id', '=', houseId).orderBy('handed_at', 'desc').limit(50).execute();
  const entries: HistoryEntryT[] = rows.flatMap((r) => {
    const h = toHandover(r);
    const keys = h.keys.filter((k) => k.qty > 0);
    const tickets = h.defects.map((d) => d.ticketNo).filter((n): n is string => !!n);
    const detail = [
      `领取人：${h.receiverName}`,
      keys.length ? `钥匙：${keys.map((k) => `${k.name}×${k.qty}`).join('、')}` : '未领钥匙',
      h.defects.length ? `验收问题 ${h.defects.length} 项${tickets.length ? `（报修 ${tickets.join('、')}）` : ''}` : '验收无问题',
    ].join('；');
    const out: HistoryEntryT[] = [{ at: h.handedAt, kind: 'movein', title: '交付', detail, staff: h.staff, ref: h.id }];
    if (r.voided_at) out.push({ at: r.voided_at, kind: 'movein', title: '作废交付', detail: r.void_reason ?? '', staff: r.void_by ?? '', ref: h.id });
    return out;
  });
  const moves = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'detail'])
    .where('entity', '=', 'movein')
    .where('entity_id', '=', houseId)
    .where('action', '=', 'moveIn')
    .orderBy('at', 'desc')
    .limit(50)
    .execute();
  for (const m of moves) {
    const d = m.detail ? (JSON.parse(m.detail) as { date?: string }) : {};
    entries.push({ at: m.at, kind: 'movein', title: '入住', detail: `入住日期：${d.date ?? ''}`, staff: m.actor });
  }
  return entries;
});
