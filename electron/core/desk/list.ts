import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import type { DashboardT, TicketRowT } from '../../../shared/contract/desk';
import { OPEN_STATUSES, TICKET_STATUSES } from '../../../shared/contract/desk';
import { cstDayBounds, cstDate } from '../../../shared/domain/time';
import { readDeskConfig } from './config';
import { rowsWithSla } from './ticket-read';
import { calendarWarning } from './calendar';

export interface TicketQuery {
  status?: string[];
  type?: string[];
  category?: string;
  buildingId?: number;
  houseId?: number;
  department?: string;
  from?: string;
  to?: string;
  due?: 'dueSoon' | 'overdue';
  text?: string;
  needsCallback?: boolean;
  sort?: 'receivedAt' | 'due' | 'no';
  dir?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

const RUNNING = ['已受理', '已派工', '处理中'];
/** "TS2026", "BX20261116-0", "ts-2025-001": what staff type when they have a ticket number */
const TICKET_NO_PREFIX = /^[A-Za-z]{2}[-\d]/;

type Q = SelectQueryBuilder<DB, 'tickets', object>;

/** Filters in SQL so that paging and counting stay in the database, whatever the table's size. */
function applyFilters(q: Q, f: TicketQuery, nowIso: string, soonIso: string): Q {
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.type?.length) q = q.where('type', 'in', f.type);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.buildingId) q = q.where('building_id', '=', f.buildingId);
  if (f.houseId) q = q.where('house_id', '=', f.houseId);
  if (f.department) q = q.where('department', '=', f.department);
  if (f.from) q = q.where('received_at', '>=', cstDayBounds(f.from).start);
  if (f.to) q = q.where('received_at', '<', cstDayBounds(f.to).end);
  if (f.needsCallback) q = q.where('status', '=', '已完成').where('type', 'in', ['投诉', '报修']);
  if (f.due === 'overdue')
    q = q
      .where('status', 'in', RUNNING)
      .where((eb) => eb.or([eb('resolve_due_at', '<', nowIso), eb.and([eb('responded_at', 'is', null), eb('respond_due_at', '<', nowIso)])]));
  if (f.due === 'dueSoon')
    q = q
      .where('status', 'in', RUNNING)
      .where((eb) =>
        eb.or([
          eb.and([eb('resolve_due_at', '>=', nowIso), eb('resolve_due_at', '<=', soonIso)]),
          eb.and([eb('responded_at', 'is', null), eb('respond_due_at', '>=', nowIso), eb('respond_due_at', '<=', soonIso)]),
        ]),
      )
      .where((eb) => eb.or([eb('resolve_due_at', 'is', null), eb('resolve_due_at', '>=', nowIso)]))
      .where((eb) => eb.or([eb('responded_at', 'is not', null), eb('respond_due_at', 'is', null), eb('respond_due_at', '>=', nowIso)]));
  const text = f.text?.trim();
  if (text && TICKET_NO_PREFIX.test(text)) {
    // a ticket number as typed: a range on the unique index instead of a scan
    const prefix = text.toUpperCase();
    q = q.where('no', '>=', prefix).where('no', '<', `${prefix}\uffff`);
  } else if (text) {
    const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('location', 'like', like), eb('reporter', 'like', like), eb('phone_digits', 'like', like), eb('description', 'like', like)]));
  }
  return q;
}

export async function listTickets(ctx: CoreContext, f: TicketQuery, withTotal = true): Promise<{ rows: TicketRowT[]; total: number }> {
  const cfg = await readDeskConfig(ctx);
  const now = ctx.now();
  const nowIso = now.toISOString();
  const soonIso = new Date(now.getTime() + cfg.dueSoonMinutes * 60_000).toISOString();
  const base = applyFilters(ctx.db.selectFrom('tickets'), f, nowIso, soonIso);
  const dir = f.dir ?? (f.sort === 'due' ? 'asc' : 'desc');
  let q = base.selectAll();
  if (f.sort === 'due') q = q.orderBy('resolve_due_at', dir).orderBy('id', dir);
  else if (f.sort === 'no') q = q.orderBy('no', dir);
  else q = q.orderBy('received_at', dir).orderBy('id', dir);
  const records = await q
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  const total = withTotal ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : records.length;
  return { rows: await rowsWithSla(ctx, records), total };
}

export async function dashboard(ctx: CoreContext): Promise<DashboardT> {
  const counts: Record<string, number> = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0]));
  const open = await ctx.db
    .selectFrom('tickets')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', [...OPEN_STATUSES, '已完成', '已回访'])
    .groupBy('status')
    .execute();
  for (const r of open) counts[r.status] = Number(r.n);
  const [dueSoon, overdue, awaiting] = await Promise.all([
    listTickets(ctx, { due: 'dueSoon', sort: 'due', limit: 50 }, false),
    listTickets(ctx, { due: 'overdue', sort: 'due', limit: 50 }),
    listTickets(ctx, { needsCallback: true, limit: 1 }),
  ]);
  const today = cstDayBounds(cstDate(ctx.now()));
  const received = await ctx.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('received_at', '>=', today.start)
    .where('received_at', '<', today.end)
    .executeTakeFirstOrThrow();
  const completed = await ctx.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('completed_at', '>=', today.start)
    .where('completed_at', '<', today.end)
    .executeTakeFirstOrThrow();
  return {
    counts,
    dueSoon: dueSoon.rows,
    overdue: overdue.rows,
    overdueTotal: overdue.total,
    awaitingCallback: awaiting.total,
    today: { received: Number(received.n), completed: Number(completed.n) },
    calendarWarning: await calendarWarning(ctx),
  };
}
