import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { CoreContext } from '../../context';
import type { DeskConfigT } from '../../../../shared/contract/desk';
import { SATISFACTION_SCORE } from '../../../../shared/contract/desk';
import { slaTargetFor } from '../../desk/config';
import { nextTicketNo } from '../../desk/numbering';
import { addEvent, refreshDue } from '../../desk/tickets';
import type { PlannedTicket } from './plan';

const NEEDS_CALLBACK = new Set(['投诉', '报修']);

/**
 * Writes one historic ticket with its timeline rebuilt from the ledger's times:
 * received → dispatched (响应时间) → completed → called back → closed, as far as the row goes.
 */
export async function writeTicket(ctx: CoreContext, trx: Transaction<DB>, estateId: number, t: PlannedTicket, cfg: DeskConfigT, actor: string, fileName: string): Promise<void> {
  const s = t.source;
  const receivedAt = s.receivedAt!;
  const type = s.type!;
  const target = slaTargetFor(cfg, type, s.urgency);
  const no = t.no ?? (await nextTicketNo(trx, type, new Date(receivedAt)));
  const voided = s.status === '已作废';
  const resolved = s.callbackResolved !== false;
  const hasCallback = !!s.callbackAt || s.callbackResolved !== null;
  const callbackAt = s.callbackAt ?? (hasCallback ? (s.completedAt ?? receivedAt) : null);
  // the ledger's status wins; without one the times tell how far the request got
  let status: string = s.status ?? (s.completedAt ? (hasCallback ? (resolved ? '已关闭' : '处理中') : '已完成') : s.respondedAt || s.department ? '已派工' : '已受理');
  if (status === '已回访' && !hasCallback) status = '已完成';
  if (status === '已回访' && !resolved) status = '处理中';
  const closed = status === '已关闭';
  const completedAt = s.completedAt ?? (closed || status === '已完成' || status === '已回访' ? (callbackAt ?? null) : null);
  const respondedAt = s.respondedAt ?? (s.department || completedAt ? (completedAt ?? null) : null);
  const closedAt = closed ? (callbackAt && completedAt && callbackAt > completedAt ? callbackAt : (completedAt ?? callbackAt ?? receivedAt)) : null;

  const { id } = await trx
    .insertInto('tickets')
    .values({
      no,
      type,
      channel: s.channel,
      estate_id: estateId,
      house_id: t.houseId,
      building_id: t.buildingId,
      location: t.location,
      category: t.category,
      subcategory: t.subcategory,
      urgency: s.urgency,
      reporter: s.reporter,
      phone: s.phone,
      phone_digits: s.phone ? s.phone.replace(/\D/g, '') : null,
      description: s.notes ? `${s.description}\n（备注：${s.notes}）` : s.description,
      expected_visit_at: null,
      received_by: actor,
      received_at: receivedAt,
      status,
      status_before_hold: null,
      department: s.department,
      assignee: s.assignee,
      responded_at: respondedAt,
      completed_at: status === '处理中' || status === '已派工' || status === '已受理' ? null : completedAt,
      callback_at: hasCallback ? callbackAt : null,
      closed_at: closedAt,
      voided_at: voided ? receivedAt : null,
      void_reason: voided ? '历史台账记为作废' : null,
      respond_due_at: null,
      resolve_due_at: null,
      sla_clock: target?.clock ?? 'calendar',
      respond_minutes: target?.respondMinutes ?? null,
      resolve_minutes: target?.resolveMinutes ?? null,
      imported: 1,
      import_key: s.key,
      created_at: ctx.now().toISOString(),
      updated_at: ctx.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const ev = (at: string, action: string, from: string | null, to: string, note: string | null) => addEvent(trx, { ticketId: id, at, actor, action, from, to, note });
  let cur = '已受理';
  await ev(receivedAt, 'import', null, cur, `历史台账导入（${fileName} 第${s.row}行）`);
  if (respondedAt) {
    await ev(respondedAt, 'dispatch', cur, '已派工', s.department ? `${s.department}${s.assignee ? ` · ${s.assignee}` : ''}` : null);
    cur = '已派工';
  }
  if (completedAt && status !== '已受理' && status !== '已派工') {
    await ev(completedAt, 'complete', cur, '已完成', null);
    cur = '已完成';
  }
  if (hasCallback && callbackAt) {
    await trx
      .insertInto('callbacks')
      .values({
        ticket_id: id,
        at: callbackAt,
        method: '电话',
        resolved: resolved ? 1 : 0,
        satisfaction: s.satisfaction,
        score: s.satisfaction ? SATISFACTION_SCORE[s.satisfaction] : null,
        comment: s.callbackText || null,
        staff: actor,
        created_at: ctx.now().toISOString(),
      })
      .execute();
    const to = resolved ? '已回访' : '处理中';
    await ev(callbackAt, 'callback', cur, to, `${resolved ? '已解决' : '未解决'}${s.satisfaction ? `，${s.satisfaction}` : ''}${s.callbackText ? `；${s.callbackText}` : ''}`);
    cur = to;
  }
  if (closedAt) await ev(closedAt, 'close', cur, '已关闭', !hasCallback && NEEDS_CALLBACK.has(type) ? '台账记为已关闭（无回访记录）' : null);
  else if (voided) await ev(receivedAt, 'void', cur, '已作废', '历史台账记为作废');
  await refreshDue(ctx, trx, id);
}
