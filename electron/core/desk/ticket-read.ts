import type { Selectable } from 'kysely';
import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { TicketsTable } from '../db/schema';
import { z } from 'zod';
import type { DeskConfigT, TicketChangeT, TicketDetailT, TicketRowT, TicketT, TicketStatusT } from '../../../shared/contract/desk';
import { ACTION_LABELS, TicketChange } from '../../../shared/contract/desk';
import { computeSla, type Hold } from './sla';
import type { WorkCalendar } from './working-time';
import { loadCalendar } from './calendar';
import { readDeskConfig } from './config';
import { prepared } from './prepared';
import { allowedActions } from './lifecycle';
import { notFound } from '../errors';
import { isMasked, maskedPhone } from '../../../shared/domain/mask';

export type TicketRecord = Selectable<TicketsTable>;

const ms = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** The SLA state of a ticket now, from its snapshot of targets and its holds. */
export function slaOf(t: TicketRecord, holds: Hold[], cal: WorkCalendar, nowMs: number, dueSoonMs: number) {
  const target =
    t.respond_minutes === null && t.resolve_minutes === null
      ? null
      : {
          type: t.type as TicketT['type'],
          urgency: t.urgency as TicketT['urgency'],
          respondMinutes: t.respond_minutes,
          resolveMinutes: t.resolve_minutes,
          clock: t.sla_clock as 'calendar' | 'working',
        };
  const sla = computeSla(cal, {
    target,
    receivedMs: Date.parse(t.received_at),
    respondedMs: ms(t.responded_at),
    completedMs: ms(t.completed_at),
    holds,
    nowMs,
    dueSoonMs,
    finished: t.status === '已作废' || t.status === '已关闭',
  });
  // a voided ticket has no verdict: its clock stopped because nobody is to act, not because it was done
  return t.status === '已作废' ? { ...sla, state: 'voided' as const, respondLateMinutes: null, resolveLateMinutes: null } : sla;
}

export async function holdsFor(ctx: Pick<CoreContext, 'db'>, ticketIds: number[]): Promise<Map<number, Hold[]>> {
  const map = new Map<number, Hold[]>();
  if (!ticketIds.length) return map;
  const rows = await ctx.db.selectFrom('ticket_holds').selectAll().where('ticket_id', 'in', ticketIds).execute();
  for (const r of rows) map.set(r.ticket_id, [...(map.get(r.ticket_id) ?? []), { startMs: Date.parse(r.start_at), endMs: ms(r.end_at) }]);
  return map;
}

export function toTicket(t: TicketRecord, sla: TicketT['sla'], estateName = ''): TicketT {
  return {
    id: t.id,
    no: t.no,
    type: t.type as TicketT['type'],
    channel: t.channel as TicketT['channel'],
    estateId: t.estate_id,
    estateName,
    houseId: t.house_id,
    location: t.location,
    buildingId: t.building_id,
    category: t.category,
    subcategory: t.subcategory,
    urgency: t.urgency as TicketT['urgency'],
    reporter: t.reporter,
    phone: t.phone,
    description: t.description,
    expectedVisitAt: t.expected_visit_at,
    receivedBy: t.received_by,
    receivedAt: t.received_at,
    status: t.status as TicketStatusT,
    department: t.department,
    assignee: t.assignee,
    respondedAt: t.responded_at,
    completedAt: t.completed_at,
    closedAt: t.closed_at,
    imported: t.imported === 1,
    voidReason: t.void_reason,
    sla,
  };
}

/** A list row, built directly (a page is 100 of these; no full ticket object in between). */
export function toRow(t: TicketRecord, sla: TicketT['sla']): TicketRowT {
  return {
    id: t.id,
    no: t.no,
    type: t.type as TicketT['type'],
    channel: t.channel as TicketT['channel'],
    location: t.location,
    category: t.category,
    subcategory: t.subcategory,
    urgency: t.urgency as TicketT['urgency'],
    reporter: t.reporter,
    // rows only ever go to screens (list, callbacks queue, dashboard): masked for every role (docs/PRIVACY.md)
    phone: maskedPhone(t.phone),
    status: t.status as TicketStatusT,
    department: t.department,
    assignee: t.assignee,
    receivedAt: t.received_at,
    imported: t.imported === 1,
    sla,
    summary: t.description.length > 60 ? `${t.description.slice(0, 60)}…` : t.description,
  };
}

/** The holds of a page of tickets, in one prepared statement (the ids passed as one JSON array). */
function holdsOfPage(sqlite: Database.Database, ticketIds: number[]): Map<number, Hold[]> {
  const map = new Map<number, Hold[]>();
  if (!ticketIds.length) return map;
  const rows = prepared(sqlite, 'select ticket_id, start_at, end_at from ticket_holds where ticket_id in (select value from json_each(?)) order by id').all(
    JSON.stringify(ticketIds),
  ) as { ticket_id: number; start_at: string; end_at: string | null }[];
  for (const r of rows) {
    const list = map.get(r.ticket_id);
    const hold = { startMs: Date.parse(r.start_at), endMs: ms(r.end_at) };
    if (list) list.push(hold);
    else map.set(r.ticket_id, [hold]);
  }
  return map;
}

/** Rows with their SLA state, computed for the page only (synchronous: the caller holds the connection). */
export function pageRowsWithSla(sqlite: Database.Database, cfg: DeskConfigT, cal: WorkCalendar, records: TicketRecord[], nowMs: number): TicketRowT[] {
  const holds = holdsOfPage(
    sqlite,
    records.map((r) => r.id),
  );
  return records.map((r) => toRow(r, slaOf(r, holds.get(r.id) ?? [], cal, nowMs, cfg.dueSoonMinutes * 60_000)));
}

/** the before → after list a 修改 event keeps in its data */
function changesOf(data: string | null): TicketChangeT[] {
  if (!data) return [];
  const parsed = TicketEventData.safeParse(JSON.parse(data));
  return parsed.success ? parsed.data.changes : [];
}
const TicketEventData = z.object({ changes: z.array(TicketChange) });

/** a phone as a screen shows it; a value already masked (a 修改 change written since masking) stays as it is */
const masked = (v: string | null) => (v !== null && isMasked(v) ? v : maskedPhone(v));

/**
 * A ticket as a screen gets it (docs/PRIVACY.md): the contact phone masked for every role, and so are
 * the phones in its 修改 history. The full number comes only through privacy.reveal (audited) or on a
 * printout that says it carries it, which reads getTicketDetail itself.
 */
export function screenDetail(d: TicketDetailT): TicketDetailT {
  return {
    ...d,
    ticket: { ...d.ticket, phone: masked(d.ticket.phone) },
    events: d.events.map((e) =>
      e.changes.some((c) => c.field === 'phone')
        ? { ...e, changes: e.changes.map((c) => (c.field === 'phone' ? { ...c, from: masked(c.from), to: masked(c.to) } : c)) }
        : e,
    ),
  };
}

/** The whole ticket with its full phone: for main's own use (printouts); a screen gets screenDetail of it. */
export async function getTicketDetail(ctx: CoreContext, id: number): Promise<TicketDetailT> {
  const t = await ctx.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('工单');
  const cfg = await readDeskConfig(ctx);
  const cal = await loadCalendar(ctx, cfg);
  const holds = (await holdsFor(ctx, [id])).get(id) ?? [];
  const sla = slaOf(t, holds, cal, ctx.now().getTime(), cfg.dueSoonMinutes * 60_000);
  const estate = await ctx.db.selectFrom('estates').select('name').where('id', '=', t.estate_id).executeTakeFirst();
  const [events, callbacks, attachments] = await Promise.all([
    ctx.db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', id).orderBy('at').orderBy('id').execute(),
    ctx.db.selectFrom('callbacks').selectAll().where('ticket_id', '=', id).orderBy('at').execute(),
    ctx.db.selectFrom('attachments').select(['id', 'file_name', 'mime', 'size', 'created_at']).where('ticket_id', '=', id).orderBy('id').execute(),
  ]);
  return {
    ticket: toTicket(t, sla, estate?.name ?? ''),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actor,
      action: e.action,
      label: ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      changes: e.action === 'edit' ? changesOf(e.data) : [],
    })),
    callbacks: callbacks.map((c) => ({
      id: c.id,
      at: c.at,
      method: c.method as TicketDetailT['callbacks'][number]['method'],
      resolved: c.resolved === 1,
      satisfaction: c.satisfaction as TicketDetailT['callbacks'][number]['satisfaction'],
      comment: c.comment,
      staff: c.staff,
    })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, at: a.created_at })),
    allowed: allowedActions({
      type: t.type,
      status: t.status as TicketStatusT,
      statusBeforeHold: t.status_before_hold as TicketStatusT | null,
      department: t.department,
      hasCallback: callbacks.some((c) => c.resolved === 1),
    }),
  };
}
