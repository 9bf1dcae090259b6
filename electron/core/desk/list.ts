import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { DashboardT, DeskConfigT, TicketRowT } from '../../../shared/contract/desk';
import { TICKET_STATUSES } from '../../../shared/contract/desk';
import { cstDayBounds, cstDate } from '../../../shared/domain/time';
import { readDeskConfig } from './config';
import { pageRowsWithSla, type TicketRecord } from './ticket-read';
import { calendarWarning, loadCalendar } from './calendar';
import { prepared } from './prepared';
import type { WorkCalendar } from './working-time';

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

/**
 * The running statuses, written as a literal: SQLite uses a partial index only when the query's WHERE
 * contains the index's own condition, and a bound parameter list never does (migrations 0003, 0011).
 */
const RUNNING = `status in ('已受理','已派工','处理中')`;
const UNFINISHED = `status in ('已受理','已派工','处理中','挂起')`;
/** "TS2026", "BX20261116-0", "ts-2025-001": what staff type when they have a ticket number */
const TICKET_NO_PREFIX = /^[A-Za-z]{2}[-\d]/;
/** a count stops this many rows past the page it answers (docs/PERFORMANCE.md): "1,100+ 条" */
export const COUNT_CAP = 1000;
/** a text with at most this many trigram candidates is found through tickets_text, else by a newest-first scan */
const RARE_TEXT = 2000;
/** up to this many, its page is found through the candidates too (see whereOf) */
const MIDDLING_TEXT = 20_000;

interface Where {
  conds: string[];
  params: unknown[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The trigram query for a text: every three-character piece (tickets_text has detail=none, so no phrases). */
function trigramQuery(text: string): string | null {
  const chars = [...text];
  // LIKE's own wildcards (and the backslash the old filter put before them) would not mean the same in the index
  if (chars.length < 3 || /[%_\\]/.test(text)) return null;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join('');
    grams.add(`"${gram.replace(/"/g, '""')}"`);
  }
  return [...grams].join(' ');
}

/**
 * Every filter but the due ones, as SQL. `rare` says the text was routed through the trigram index, so
 * the whole result is small (at most RARE_TEXT candidates) and is read, ordered and counted at once.
 */
function whereOf(sqlite: Database.Database, f: TicketQuery): Where & { rare: boolean; counted?: Where; from: string } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    conds.push(cond);
    params.push(...values);
  };
  if (f.status?.length) {
    // statuses as literals in one order, so a set that is a partial index's own condition uses that index
    const known = TICKET_STATUSES.filter((s) => f.status?.includes(s));
    if (known.length === new Set(f.status).size) add(`status in (${known.map((s) => `'${s}'`).join(',')})`);
    else add(`status in (${placeholders(f.status.length)})`, ...f.status);
  }
  if (f.type?.length) add(`type in (${placeholders(f.type.length)})`, ...f.type);
  if (f.category) add('category = ?', f.category);
  if (f.buildingId) add('building_id = ?', f.buildingId);
  if (f.houseId) add('house_id = ?', f.houseId);
  if (f.department) add('department = ?', f.department);
  if (f.from) add('received_at >= ?', cstDayBounds(f.from).start);
  if (f.to) add('received_at < ?', cstDayBounds(f.to).end);
  if (f.needsCallback) add(`status = '已完成' and type in ('投诉', '报修')`);
  let from = 'tickets';
  let rare = false;
  let counted: Where | undefined;
  // 未结工单 by deadline and nothing else: walked in deadline order on its partial index (migration 0011)
  if (conds.length === 1 && conds[0] === UNFINISHED && f.sort === 'due' && !f.text?.trim()) from = 'tickets indexed by tickets_unfinished_due';
  const text = f.text?.trim();
  if (text && TICKET_NO_PREFIX.test(text)) {
    // a ticket number as typed: a range on the unique index instead of a scan
    const prefix = text.toUpperCase();
    add('no >= ? and no < ?', prefix, `${prefix}\uffff`);
  } else if (text) {
    // a %, _ or \ typed matches itself: escaped with a backslash, which ESCAPE makes the escape character
    const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    add(
      "(location like ? escape '\\' or reporter like ? escape '\\' or phone_digits like ? escape '\\' or description like ? escape '\\')",
      like,
      like,
      like,
      like,
    );
    const grams = trigramQuery(text);
    if (grams !== null && !f.due) {
      const n = prepared(sqlite, 'select count(*) from (select 1 from tickets_text where tickets_text match ? limit ?)')
        .pluck()
        .get(grams, MIDDLING_TEXT + 1) as number;
      const fts = 'id in (select rowid from tickets_text where tickets_text match ?)';
      if (n <= RARE_TEXT) {
        add(fts, grams);
        rare = true;
      } else if (n <= MIDDLING_TEXT && (f.sort ?? 'receivedAt') === 'receivedAt' && conds.length === 1) {
        // middling ("1502", a building) and no other filter: walk the receipt-time index and keep the candidates' ids (a
        // bloom filter, no row read) until the page is full; a LIKE scan would read tens of thousands of rows
        add(fts, grams);
        from = 'tickets indexed by tickets_received';
      } else {
        // common enough for a newest-first scan to fill the page soon; the count still goes through
        // the candidates, which stops after the cap instead of scanning most of the table
        counted = { conds: [...conds, fts], params: [...params, grams] };
      }
    }
  }
  return { conds, params, rare, counted, from };
}

interface Leg extends Where {
  /** the partial index that serves the half (named: with statistics the planner prefers a wider one that returns rows out of order) */
  index: string;
}

/**
 * The two disjoint halves of a due filter, each served by its partial index: overdue is "resolve
 * deadline passed" plus "not responded, respond deadline passed, resolve deadline not passed"; due soon
 * is "resolve deadline within the window" plus "respond deadline within it, resolve deadline beyond it".
 */
function dueLegs(due: 'dueSoon' | 'overdue', nowIso: string, soonIso: string): Leg[] {
  const resolve = 'tickets_open_resolve_due';
  const respond = 'tickets_open_respond_due';
  if (due === 'overdue')
    return [
      { index: resolve, conds: [RUNNING, 'resolve_due_at < ?'], params: [nowIso] },
      {
        index: respond,
        conds: [RUNNING, 'responded_at is null', 'respond_due_at < ?', '(resolve_due_at is null or resolve_due_at >= ?)'],
        params: [nowIso, nowIso],
      },
    ];
  return [
    {
      index: resolve,
      conds: [RUNNING, 'resolve_due_at >= ?', 'resolve_due_at <= ?', '(responded_at is not null or respond_due_at is null or respond_due_at >= ?)'],
      params: [nowIso, soonIso, nowIso],
    },
    {
      index: respond,
      conds: [RUNNING, 'responded_at is null', 'respond_due_at >= ?', 'respond_due_at <= ?', '(resolve_due_at is null or resolve_due_at > ?)'],
      params: [nowIso, soonIso, soonIso],
    },
  ];
}

const sql = (w: Where) => (w.conds.length ? ` where ${w.conds.join(' and ')}` : '');
const merge = (a: Where, b: Where): Where => ({ conds: [...b.conds, ...a.conds], params: [...b.params, ...a.params] });

function orderOf(f: TicketQuery): string {
  const dir = f.dir ?? (f.sort === 'due' ? 'asc' : 'desc');
  if (f.sort === 'due') return `resolve_due_at ${dir}, id ${dir}`;
  if (f.sort === 'no') return `no ${dir}`;
  return `received_at ${dir}, id ${dir}`;
}

/**
 * A LIMIT written into the SQL: a bound LIMIT makes SQLite prepare the statement again on every call
 * (it plans with the value), ~0.1 ms on a page of 100 (docs/PERFORMANCE.md). The few page sizes each
 * keep a statement; offsets stay bound.
 */
const lit = (n: number): string => String(Math.max(0, Math.floor(n)));

/** Full rows of the given ids, in that order. */
function rowsById(sqlite: Database.Database, ids: number[]): TicketRecord[] {
  if (!ids.length) return [];
  const rows = prepared(sqlite, 'select * from tickets where id in (select value from json_each(?))').all(JSON.stringify(ids)) as TicketRecord[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

interface ListPage {
  records: TicketRecord[];
  total: number;
  /** the count stopped at COUNT_CAP rows past the page: there are more than `total` */
  capped: boolean;
}

/** One page and its count, synchronously on the held connection (listTickets, dashboard). */
function listPage(sqlite: Database.Database, f: TicketQuery, nowIso: string, soonIso: string, withTotal: boolean): ListPage {
  const limit = f.limit ?? 50;
  const offset = f.offset ?? 0;
  const order = orderOf(f);
  const where = whereOf(sqlite, f);

  if (f.due) {
    // each half on its partial index, merged in order (with sort=due the resolve half is read only as far as the page);
    // only ids and sort keys go through the union, full rows for the page only
    const legs = dueLegs(f.due, nowIso, soonIso).map((leg) => ({ ...merge(where, leg), index: leg.index }));
    // only the sort key besides the id, so each half reads its index alone
    const key = f.sort === 'due' ? 'resolve_due_at' : f.sort === 'no' ? 'no' : 'received_at';
    const union = legs.map((leg) => `select id, ${key} from tickets indexed by ${leg.index}${sql(leg)}`).join(' union all ');
    const params = legs.flatMap((leg) => leg.params);
    const ids = prepared(sqlite, `${union} order by ${order} limit ${lit(limit)} offset ?`)
      .pluck()
      .all(...params, offset) as number[];
    const total = withTotal
      ? (prepared(sqlite, `select ${legs.map((leg) => `(select count(*) from tickets indexed by ${leg.index}${sql(leg)})`).join(' + ')}`)
          .pluck()
          .get(...params) as number)
      : ids.length;
    return { records: rowsById(sqlite, ids), total, capped: false };
  }

  if (where.rare) {
    // at most RARE_TEXT candidates: every match's id in order, counted exactly
    const ids = prepared(sqlite, `select id from tickets${sql(where)} order by ${order}`)
      .pluck()
      .all(...where.params) as number[];
    return { records: rowsById(sqlite, ids.slice(offset, offset + limit)), total: ids.length, capped: false };
  }

  const records = prepared(sqlite, `select * from ${where.from}${sql(where)} order by ${order} limit ${lit(limit)} offset ?`).all(
    ...where.params,
    offset,
  ) as TicketRecord[];
  // a short page ends the result: its count is known
  if (!withTotal || (records.length < limit && (records.length > 0 || offset === 0))) return { records, total: offset + records.length, capped: false };
  const upTo = offset + limit + COUNT_CAP;
  const counted = where.counted ?? where;
  const n = prepared(sqlite, `select count(*) from (select 1 from tickets${sql(counted)} limit ${lit(upTo + 1)})`)
    .pluck()
    .get(...counted.params) as number;
  return { records, total: Math.min(n, upTo), capped: n > upTo };
}

/** The statements run on the one connection while Kysely's lock on it is held, so no transaction is half-way through. */
function held<T>(ctx: CoreContext, work: () => T): Promise<T> {
  return ctx.db.connection().execute(async () => work());
}

function clock(ctx: CoreContext, cfg: DeskConfigT) {
  const now = ctx.now();
  return { nowMs: now.getTime(), nowIso: now.toISOString(), soonIso: new Date(now.getTime() + cfg.dueSoonMinutes * 60_000).toISOString() };
}

export async function listTickets(ctx: CoreContext, f: TicketQuery, withTotal = true): Promise<{ rows: TicketRowT[]; total: number; capped?: boolean }> {
  const cfg = await readDeskConfig(ctx);
  const cal = await loadCalendar(ctx, cfg);
  const { nowMs, nowIso, soonIso } = clock(ctx, cfg);
  return held(ctx, () => {
    const page = listPage(ctx.sqlite, f, nowIso, soonIso, withTotal);
    const rows = pageRowsWithSla(ctx.sqlite, cfg, cal, page.records, nowMs);
    return page.capped ? { rows, total: page.total, capped: true } : { rows, total: page.total };
  });
}

const DASHBOARD_STATUSES = `('已受理','已派工','处理中','挂起','已完成','已回访')`;

function dashboardOn(sqlite: Database.Database, ctx: CoreContext, cfg: DeskConfigT, cal: WorkCalendar): Omit<DashboardT, 'calendarWarning'> {
  const { nowMs, nowIso, soonIso } = clock(ctx, cfg);
  const counts: Record<string, number> = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0]));
  const open = prepared(sqlite, `select status, count(*) n from tickets where status in ${DASHBOARD_STATUSES} group by status`).all() as {
    status: string;
    n: number;
  }[];
  for (const r of open) counts[r.status] = r.n;
  const dueSoon = listPage(sqlite, { due: 'dueSoon', sort: 'due', limit: 50 }, nowIso, soonIso, false);
  const overdue = listPage(sqlite, { due: 'overdue', sort: 'due', limit: 50 }, nowIso, soonIso, true);
  const awaiting = prepared(sqlite, `select count(*) from tickets where type in ('投诉', '报修') and status = '已完成'`).pluck().get() as number;
  const today = cstDayBounds(cstDate(ctx.now()));
  const received = prepared(sqlite, 'select count(*) from tickets where received_at >= ? and received_at < ?').pluck().get(today.start, today.end) as number;
  const completed = prepared(sqlite, 'select count(*) from tickets where completed_at >= ? and completed_at < ?').pluck().get(today.start, today.end) as number;
  return {
    counts,
    dueSoon: pageRowsWithSla(sqlite, cfg, cal, dueSoon.records, nowMs),
    overdue: pageRowsWithSla(sqlite, cfg, cal, overdue.records, nowMs),
    overdueTotal: overdue.total,
    awaitingCallback: awaiting,
    today: { received, completed },
  };
}

export async function dashboard(ctx: CoreContext): Promise<DashboardT> {
  const cfg = await readDeskConfig(ctx);
  const cal = await loadCalendar(ctx, cfg);
  const figures = await held(ctx, () => dashboardOn(ctx.sqlite, ctx, cfg, cal));
  return { ...figures, calendarWarning: await calendarWarning(ctx) };
}
