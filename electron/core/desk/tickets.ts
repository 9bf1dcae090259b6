import type { Transaction, Updateable } from 'kysely';
import type { DB, TicketsTable } from '../db/schema';
import type { CoreContext } from '../context';
import type { DeskConfigT, TicketActionT, TicketDetailT, TicketStatusT } from '../../../shared/contract/desk';
import { ACTION_LABELS, SATISFACTION_SCORE } from '../../../shared/contract/desk';
import { conflict, invalid, notFound } from '../errors';
import { placeOf } from './place';
import { resolveMinutesFor, visitRefusal } from './visit';
import { readDeskConfig, slaTargetFor } from './config';
import { loadCalendar } from './calendar';
import { nextTicketNo } from './numbering';
import { discardFiles, prepareAttachments, storeAttachmentsSync } from './attachments';
import { getTicketDetail, holdsFor, slaOf, toTicket, type TicketRecord } from './ticket-read';
import { allowedActions, nextStatus, refusal } from './lifecycle';
import { prepared } from './prepared';
import { intakePhone } from './phone';
import { audit } from '../db/audit';

type Trx = Transaction<DB>;

export async function addEvent(
  trx: Trx,
  e: { ticketId: number; at: string; actor: string; action: string; from: string | null; to: string | null; note?: string | null; data?: unknown },
): Promise<void> {
  await trx
    .insertInto('ticket_events')
    .values({
      ticket_id: e.ticketId,
      at: e.at,
      actor: e.actor,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      note: e.note ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

/** Stores the current deadlines on the row so due-soon / overdue lists are index lookups. */
export async function refreshDue(ctx: CoreContext, trx: Trx, ticketId: number): Promise<void> {
  const t = await trx.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirstOrThrow();
  // inside a transaction every read must go through trx (the connection is held by it), or be synchronous (the cached config)
  const cfg = await readDeskConfig({ db: trx, sqlite: ctx.sqlite });
  const cal = await loadCalendar({ db: trx, sqlite: ctx.sqlite }, cfg);
  const holds = (await holdsFor({ db: trx }, [ticketId])).get(ticketId) ?? [];
  const sla = slaOf(t, holds, cal, ctx.now().getTime(), 0);
  await trx.updateTable('tickets').set({ respond_due_at: sla.respondDueAt, resolve_due_at: sla.resolveDueAt }).where('id', '=', ticketId).execute();
}

export interface IntakeFields {
  type: string;
  channel: string;
  houseId?: number | null;
  location?: string | null;
  buildingId?: number | null;
  estateId?: number;
  category: string;
  subcategory?: string | null;
  urgency: string;
  reporter?: string | null;
  phone?: string | null;
  description: string;
  expectedVisitAt?: string | null;
  receivedBy?: string | null;
  attachments?: { fileName: string; dataBase64: string }[];
}

function validateCategory(cfg: DeskConfigT, category: string, subcategory: string | null | undefined): void {
  const cat = cfg.categories.find((c) => c.name === category);
  if (!cat) throw invalid(`类别「${category}」不在类别设置中`, { category: '请选择类别' });
  if (subcategory && cat.children.length && !cat.children.includes(subcategory))
    throw invalid(`「${category}」下没有子类别「${subcategory}」`, { subcategory: '请选择子类别' });
}

const INSERT_TICKET = `insert into tickets (no, type, channel, estate_id, house_id, building_id, location, category, subcategory, urgency, reporter, phone, phone_digits,
  description, expected_visit_at, received_by, received_at, status, respond_due_at, resolve_due_at, sla_clock, respond_minutes, resolve_minutes, imported, created_at, updated_at)
  values (@no, @type, @channel, @estate_id, @house_id, @building_id, @location, @category, @subcategory, @urgency, @reporter, @phone, @phone_digits,
  @description, @expected_visit_at, @received_by, @received_at, @status, @respond_due_at, @resolve_due_at, @sla_clock, @respond_minutes, @resolve_minutes, 0, @created_at, @updated_at)`;
const INSERT_EVENT = `insert into ticket_events (ticket_id, at, actor, action, from_status, to_status, note, data) values (?, ?, ?, 'create', null, '已受理', ?, null)`;
const INSERT_AUDIT = `insert into audit_log (at, actor, entity, entity_id, action, detail) values (?, ?, 'ticket', ?, 'create', ?)`;

/**
 * 受理: one form for every request type. Everything that can be is read or checked before the write
 * (the config and calendar come from the per-connection cache); the write is one synchronous
 * transaction of five prepared statements (number, ticket, event, audit line; the photos' rows), its
 * deadlines computed here rather than read back, and the answer is built from what was written.
 */
export async function createTicket(ctx: CoreContext, input: IntakeFields): Promise<TicketDetailT> {
  const cfg = await readDeskConfig(ctx);
  validateCategory(cfg, input.category, input.subcategory);
  // a public area belongs to the estate the desk is working on (else the first one)
  const estate = (
    input.estateId
      ? prepared(ctx.sqlite, 'select id from estates where voided_at is null and id = ?').get(input.estateId)
      : prepared(ctx.sqlite, 'select id from estates where voided_at is null order by id limit 1').get()
  ) as { id: number } | undefined;
  if (input.estateId && !estate) throw notFound('项目');
  if (!estate && !input.houseId) throw conflict('请先完成项目设置');
  const { estateId, location, buildingId } = await placeOf(ctx, input, estate?.id ?? 0);
  const files = prepareAttachments(input.attachments ?? []);
  const target = slaTargetFor(cfg, input.type, input.urgency);
  const actor = await ctx.actor();
  const now = ctx.now();
  if (input.expectedVisitAt) {
    const why = visitRefusal(input.expectedVisitAt, now.getTime());
    if (why) throw invalid(why, { expectedVisitAt: why });
  }
  // a repair is due by the visit agreed with the owner (docs/ARCHITECTURE.md, service desk), when the clock is calendar time
  const resolveMinutes = resolveMinutesFor(
    input.type,
    target?.clock ?? 'calendar',
    input.expectedVisitAt ?? null,
    now.getTime(),
    target?.resolveMinutes ?? null,
  );
  const cal = await loadCalendar(ctx, cfg);
  const at = now.toISOString();
  // typed in full, or filled (masked) from one of the house's residents: their stored number (docs/PRIVACY.md)
  const phone = await intakePhone(ctx, input.phone, input.houseId);
  const record: TicketRecord = {
    id: 0,
    no: '',
    type: input.type,
    channel: input.channel,
    estate_id: estateId,
    house_id: input.houseId ?? null,
    building_id: buildingId,
    location,
    category: input.category,
    subcategory: input.subcategory ?? null,
    urgency: input.urgency,
    reporter: input.reporter ?? null,
    phone,
    phone_digits: phone ? phone.replace(/\D/g, '') : null,
    description: input.description,
    expected_visit_at: input.expectedVisitAt ?? null,
    received_by: input.receivedBy || actor,
    received_at: at,
    status: '已受理',
    status_before_hold: null,
    department: null,
    assignee: null,
    responded_at: null,
    completed_at: null,
    callback_at: null,
    closed_at: null,
    voided_at: null,
    void_reason: null,
    respond_due_at: null,
    resolve_due_at: null,
    sla_clock: target?.clock ?? 'calendar',
    respond_minutes: target?.respondMinutes ?? null,
    resolve_minutes: resolveMinutes,
    imported: 0,
    import_key: null,
    created_at: at,
    updated_at: at,
  };
  // the deadlines refreshDue would store: a new ticket has no holds
  const due = slaOf(record, [], cal, now.getTime(), 0);
  record.respond_due_at = due.respondDueAt;
  record.resolve_due_at = due.resolveDueAt;
  const note = `${input.channel}受理`;
  const written: string[] = [];
  const { sqlite } = ctx;
  // the one connection, held from Kysely (no other transaction is half-way through), for one synchronous transaction
  const saved = await ctx.db
    .connection()
    .execute(async () =>
      sqlite.transaction(() => {
        record.no = nextTicketNo(sqlite, input.type, now);
        const { id: _id, status_before_hold: _h, import_key: _k, imported: _i, ...values } = record;
        record.id = Number(prepared(sqlite, INSERT_TICKET).run(values).lastInsertRowid);
        const eventId = Number(prepared(sqlite, INSERT_EVENT).run(record.id, at, actor, note).lastInsertRowid);
        const attachments = storeAttachmentsSync(ctx, record.id, files, written);
        prepared(sqlite, INSERT_AUDIT).run(
          at,
          actor || '系统',
          record.id,
          JSON.stringify({ no: record.no, type: record.type, location: record.location, photos: files.length }),
        );
        return { eventId, attachments };
      })(),
    )
    .catch((e: unknown) => {
      discardFiles(written);
      throw e;
    });
  const estateName = (prepared(sqlite, 'select name from estates where id = ?').pluck().get(estateId) as string | undefined) ?? '';
  return {
    ticket: toTicket(record, slaOf(record, [], cal, now.getTime(), cfg.dueSoonMinutes * 60_000), estateName),
    events: [{ id: saved.eventId, at, actor, action: 'create', label: ACTION_LABELS.create, fromStatus: null, toStatus: '已受理', note, changes: [] }],
    callbacks: [],
    attachments: saved.attachments,
    allowed: allowedActions({ type: record.type, status: '已受理', statusBeforeHold: null, department: null, hasCallback: false }),
  };
}

async function loadForUpdate(trx: Trx, id: number): Promise<TicketRecord & { has_callback: boolean }> {
  const t = await trx.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('工单');
  const cb = await trx.selectFrom('callbacks').select('id').where('ticket_id', '=', id).where('resolved', '=', 1).executeTakeFirst();
  return { ...t, has_callback: !!cb };
}

function stateOf(t: TicketRecord & { has_callback: boolean }) {
  return {
    type: t.type,
    status: t.status as TicketStatusT,
    statusBeforeHold: t.status_before_hold as TicketStatusT | null,
    department: t.department,
    hasCallback: t.has_callback,
  };
}

/** Applies one lifecycle step, refusing invalid ones with a Chinese message. */
export async function transition(
  ctx: CoreContext,
  input: { id: number; action: TicketActionT; note?: string | null; department?: string | null; assignee?: string | null; reason?: string | null },
): Promise<TicketDetailT> {
  const cfg = await readDeskConfig(ctx);
  if (input.action === 'callback') throw invalid('回访请使用回访登记');
  const actor = await ctx.actor();
  await ctx.db.transaction().execute(async (trx) => {
    const t = await loadForUpdate(trx, input.id);
    const why = refusal(stateOf(t), input.action);
    if (why) throw conflict(why);
    const now = ctx.now().toISOString();
    const to = nextStatus(stateOf(t), input.action);
    const patch: Updateable<TicketsTable> = { status: to, updated_at: now };

    if (input.action === 'dispatch' || input.action === 'reassign') {
      if (!input.department) throw invalid('请选择处理部门', { department: '请选择处理部门' });
      const dept = cfg.departments.find((d) => d.name === input.department);
      if (!dept) throw invalid(`部门「${input.department}」不在部门设置中`, { department: '请选择处理部门' });
      if (input.assignee && dept.staff.length && !dept.staff.includes(input.assignee))
        throw invalid(`${dept.name}没有「${input.assignee}」`, { assignee: '请选择处理人' });
      if (input.action === 'reassign' && input.department === t.department && (input.assignee ?? null) === t.assignee) throw conflict('转派对象与当前相同');
      patch.department = input.department;
      patch.assignee = input.assignee ?? null;
      if (!t.responded_at) patch.responded_at = now;
    }
    if (input.action === 'complete') {
      patch.completed_at = now;
      if (!t.responded_at) patch.responded_at = now;
    }
    if (input.action === 'close') patch.closed_at = now;
    if (input.action === 'sendBack') {
      if (!input.note && !input.reason) throw invalid('请填写退回原因', { note: '请填写退回原因' });
      patch.department = null;
      patch.assignee = null;
    }
    if (input.action === 'hold') {
      if (!input.note && !input.reason) throw invalid('请填写挂起原因', { note: '请填写挂起原因' });
      patch.status_before_hold = t.status;
      await trx.insertInto('ticket_holds').values({ ticket_id: t.id, start_at: now, end_at: null }).execute();
    }
    if (input.action === 'resume') {
      patch.status_before_hold = null;
      await trx.updateTable('ticket_holds').set({ end_at: now }).where('ticket_id', '=', t.id).where('end_at', 'is', null).execute();
    }
    if (input.action === 'reopen') {
      if (!input.note && !input.reason) throw invalid('请填写重开原因', { note: '请填写重开原因' });
      patch.completed_at = null;
      patch.closed_at = null;
      patch.callback_at = null;
    }
    if (input.action === 'void') {
      if (!input.reason) throw invalid('请填写作废原因', { reason: '请填写作废原因' });
      patch.voided_at = now;
      patch.void_reason = input.reason;
      // a voided ticket on hold is no longer paused
      await trx.updateTable('ticket_holds').set({ end_at: now }).where('ticket_id', '=', t.id).where('end_at', 'is', null).execute();
    }
    await trx.updateTable('tickets').set(patch).where('id', '=', t.id).execute();
    // the audit line beside the timeline's event (docs/AUDIT.md): each changed column before → after
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(patch))
      if (k !== 'updated_at' && t[k as keyof TicketRecord] !== v) changes[k] = [t[k as keyof TicketRecord] ?? null, v ?? null];
    await audit(trx, actor, 'ticket', t.id, input.action, { no: t.no, changes, reason: input.reason ?? null, note: input.note ?? null });
    const who = input.action === 'dispatch' || input.action === 'reassign' ? `${input.department}${input.assignee ? ` · ${input.assignee}` : ''}` : null;
    const note = [who, input.reason, input.note].filter(Boolean).join('；') || null;
    await addEvent(trx, {
      ticketId: t.id,
      at: now,
      actor,
      action: input.action,
      from: t.status,
      to,
      note,
      data: { department: input.department ?? null, assignee: input.assignee ?? null },
    });
    await refreshDue(ctx, trx, t.id);
  });
  return getTicketDetail(ctx, input.id);
}

/** 回访: resolved → 已回访; not resolved → back to 处理中 (reopened) with the callback on the timeline. */
export async function recordCallback(
  ctx: CoreContext,
  input: { ticketId: number; method: string; resolved: boolean; satisfaction?: string | null; comment?: string | null },
): Promise<TicketDetailT> {
  if (input.resolved && !input.satisfaction) throw invalid('请选择满意度', { satisfaction: '请选择满意度' });
  if (!input.resolved && !input.comment) throw invalid('未解决时请填写回访意见', { comment: '请填写业主反馈的问题' });
  const actor = await ctx.actor();
  await ctx.db.transaction().execute(async (trx) => {
    const t = await loadForUpdate(trx, input.ticketId);
    const why = refusal(stateOf(t), 'callback');
    if (why) throw conflict(why);
    const now = ctx.now().toISOString();
    const score = input.satisfaction ? SATISFACTION_SCORE[input.satisfaction as keyof typeof SATISFACTION_SCORE] : null;
    await trx
      .insertInto('callbacks')
      .values({
        ticket_id: t.id,
        at: now,
        method: input.method,
        resolved: input.resolved ? 1 : 0,
        satisfaction: input.satisfaction ?? null,
        score,
        comment: input.comment ?? null,
        staff: actor,
        created_at: now,
      })
      .execute();
    const to = nextStatus(stateOf(t), 'callback', input.resolved);
    await audit(trx, actor, 'ticket', t.id, 'callback', {
      no: t.no,
      changes: { status: [t.status, to] },
      method: input.method,
      resolved: input.resolved,
      satisfaction: input.satisfaction ?? null,
      comment: input.comment ?? null,
    });
    const note = `${input.method}回访：${input.resolved ? '已解决' : '未解决'}${input.satisfaction ? `，${input.satisfaction}` : ''}${input.comment ? `；${input.comment}` : ''}`;
    await addEvent(trx, { ticketId: t.id, at: now, actor, action: 'callback', from: t.status, to: input.resolved ? '已回访' : t.status, note });
    if (input.resolved) {
      await trx.updateTable('tickets').set({ status: to, callback_at: now, updated_at: now }).where('id', '=', t.id).execute();
    } else {
      await trx.updateTable('tickets').set({ status: to, completed_at: null, callback_at: now, updated_at: now }).where('id', '=', t.id).execute();
      await addEvent(trx, { ticketId: t.id, at: now, actor, action: 'reopen', from: t.status, to, note: '回访未解决，重新处理' });
    }
    await refreshDue(ctx, trx, t.id);
  });
  return getTicketDetail(ctx, input.ticketId);
}
