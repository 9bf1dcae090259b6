import { registerHistorySource } from '../archives/history';

// Notices addressed to a house (one page per house: a building's, a unit's or a chosen list's)
// show on its household history; a posted notice is for no house in particular and does not.
registerHistorySource(async (ctx, houseId) => {
  const rows = await ctx.db
    .selectFrom('notice_houses as nh')
    .innerJoin('notices as n', 'n.id', 'nh.notice_id')
    .select(['n.id', 'n.no', 'n.title', 'n.issued_at', 'n.issued_by', 'n.audience_label', 'n.voided_at', 'n.void_reason', 'nh.amount'])
    .where('nh.house_id', '=', houseId)
    .orderBy('n.issued_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((n) => ({
    at: n.issued_at,
    kind: 'notice',
    title: `通知 ${n.title} ${n.no}${n.voided_at ? ' · 已作废' : ''}`,
    detail: [`发送范围：${n.audience_label}`, n.amount !== null ? `金额 ${n.amount.toFixed(2)} 元` : '', n.voided_at ? `作废原因：${n.void_reason ?? ''}` : '']
      .filter(Boolean)
      .join('；'),
    staff: n.issued_by,
    ref: n.id,
  }));
});
