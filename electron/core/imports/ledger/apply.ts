import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { CoreContext } from '../../context';
import type { DeskConfigT } from '../../../../shared/contract/desk';
import { SATISFACTION_SCORE } from '../../../../shared/contract/desk';
import { slaTargetFor } from '../../desk/config';
import { nextTicketNo } from '../../desk/numbering';
import { addEvent, refreshDue } from '../../desk/tickets';
import { isRunningNumber } from './records';
import type { PlannedTicket } from './plan';
import { callbackComment } from './timeline';

/** Writes one historic ticket (imported = 1) with the timeline rebuilt from the ledger's times. */
export async function writeTicket(
  ctx: CoreContext,
  trx: Transaction<DB>,
  estateId: number,
  t: PlannedTicket,
  cfg: DeskConfigT,
  actor: string,
  fileName: string,
): Promise<void> {
  const s = t.source;
  const tl = t.timeline;
  const type = s.type!;
  // the targets in force now, as for a ticket taken at the counter today
  const target = slaTargetFor(cfg, type, s.urgency);
  const no = t.no ?? (await nextTicketNo(trx, type, new Date(s.receivedAt!)));
  const now = ctx.now().toISOString();

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
      received_at: s.receivedAt!,
      status: tl.status,
      status_before_hold: null,
      department: s.department,
      assignee: s.assignee,
      responded_at: tl.respondedAt,
      completed_at: tl.completedAt,
      callback_at: tl.callbackAt,
      closed_at: tl.closedAt,
      voided_at: tl.voidedAt,
      void_reason: tl.voidedAt ? '历史台账记为作废' : null,
      respond_due_at: null,
      resolve_due_at: null,
      sla_clock: target?.clock ?? 'calendar',
      respond_minutes: target?.respondMinutes ?? null,
      resolve_minutes: target?.resolveMinutes ?? null,
      imported: 1,
      import_key: s.key,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  if (tl.callback) {
    await trx
      .insertInto('callbacks')
      .values({
        ticket_id: id,
        at: tl.callback.at,
        method: s.callbackMethod,
        resolved: tl.callback.resolved ? 1 : 0,
        satisfaction: s.satisfaction,
        score: s.satisfaction ? SATISFACTION_SCORE[s.satisfaction] : null,
        comment: callbackComment(s.callbackText),
        staff: actor,
        created_at: now,
      })
      .execute();
  }
  const ledgerNo = s.no && (isRunningNumber(s.no) || s.no !== no) ? `，台账编号 ${s.no}` : '';
  for (const e of tl.events) {
    const note = e.action === 'import' ? `历史台账导入（${fileName} 第${s.row}行${ledgerNo}）` : e.note;
    await addEvent(trx, { ticketId: id, at: e.at, actor, action: e.action, from: e.from, to: e.to, note });
  }
  await refreshDue(ctx, trx, id);
}
