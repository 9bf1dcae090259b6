// The monthly complaint statistics (月度投诉统计分析): one computation, every figure defined once in
// docs/REPORTS.md. A ticket belongs to the month in which it was received, in China time; voided
// tickets count nowhere. Rates are fractions 0..1, rounded to 4 places; hours and per-100 to 2.
import type { ExpressionBuilder } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { UserError } from '../errors';
import { cstDate, cstMonthBounds } from '../../../shared/domain/time';
import type { BreakdownRowT, MonthlyReportT, TicketRefT } from '../../../shared/contract/reports';
import { TICKET_TYPES } from '../../../shared/contract/desk';

const COMPLAINT = '投诉';
/** statuses of a house someone lives in (docs/REPORTS.md, per 100 households) */
const OCCUPIED = ['已入住', '出租', '装修中'];
const REPEAT_DAYS = 30;
/** Chinese name order for ties (one collator: building one per comparison is slow) */
const ZH = new Intl.Collator('zh-CN');
const SATISFIED = ['非常满意', '满意'];
const DISSATISFIED = ['不满意', '非常不满意'];

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const rate = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const change = (now: number, before: number) => (before > 0 ? round((now - before) / before, 4) : null);
const hours = (fromIso: string, toIso: string) => (Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000;

/** the month before (-1) or a year before (-12) "YYYY-MM" */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

interface Row {
  id: number;
  no: string;
  channel: string;
  category: string;
  location: string;
  house_id: number | null;
  building: string | null;
  department: string | null;
  received_at: string;
  responded_at: string | null;
  completed_at: string | null;
  closed_at: string | null;
  status: string;
  respond_due_at: string | null;
  resolve_due_at: string | null;
}

const ref = (t: Row): TicketRefT => ({ id: t.id, no: t.no, location: t.location, category: t.category, receivedAt: t.received_at });

/** The tickets that count as an estate's complaints received in [from, to): one definition for every read below (docs/REPORTS.md). */
const complaintsIn = (estateId: number, from: string, to: string) => (eb: ExpressionBuilder<DB & { t: DB['tickets'] }, 't'>) =>
  eb.and([
    eb('t.type', '=', COMPLAINT),
    eb('t.received_at', '>=', from),
    eb('t.received_at', '<', to),
    eb('t.estate_id', '=', estateId),
    eb('t.voided_at', 'is', null),
  ]);

/** complaints of an estate received in [from, to), oldest first: one range read on (type, received_at) */
async function complaintsBetween(ctx: CoreContext, estateId: number, from: string, to: string): Promise<Row[]> {
  return ctx.db
    .selectFrom('tickets as t')
    .leftJoin('buildings as b', 'b.id', 't.building_id')
    .select([
      't.id',
      't.no',
      't.channel',
      't.category',
      't.location',
      't.house_id',
      'b.name as building',
      't.department',
      't.received_at',
      't.responded_at',
      't.completed_at',
      't.closed_at',
      't.status',
      't.respond_due_at',
      't.resolve_due_at',
    ])
    .where(complaintsIn(estateId, from, to))
    .orderBy('t.received_at')
    .orderBy('t.id')
    .execute();
}

/** counts by a key, largest first (then by name), with share and 环比 against last month's complaints */
function breakdown(now: Row[], before: Row[], key: (t: Row) => string): BreakdownRowT[] {
  const groups = new Map<string, number[]>();
  for (const t of now) {
    const k = key(t);
    const ids = groups.get(k);
    if (ids) ids.push(t.id);
    else groups.set(k, [t.id]);
  }
  const prev = new Map<string, number>();
  for (const t of before) prev.set(key(t), (prev.get(key(t)) ?? 0) + 1);
  return [...groups.entries()]
    .map(([name, ids]) => ({
      name,
      count: ids.length,
      share: rate(ids.length, now.length) ?? 0,
      previousCount: prev.get(name) ?? 0,
      change: change(ids.length, prev.get(name) ?? 0),
      ticketIds: ids,
    }))
    .sort((a, b) => b.count - a.count || ZH.compare(a.name, b.name));
}

export async function monthlyReport(ctx: CoreContext, input: { estateId: number; month: string }): Promise<MonthlyReportT> {
  const { estateId, month } = input;
  const estate = await ctx.db.selectFrom('estates').select('name').where('id', '=', estateId).executeTakeFirst();
  if (!estate) throw new UserError('NOT_FOUND', '项目不存在');
  const nowIso = ctx.now().toISOString();
  const { start, end } = cstMonthBounds(month);

  // one read covers the month, last month (环比) and the 30 days a repeat looks back
  const previous = cstMonthBounds(shiftMonth(month, -1));
  const repeatFrom = new Date(Date.parse(start) - REPEAT_DAYS * 86_400_000).toISOString();
  const span = await complaintsBetween(ctx, estateId, previous.start < repeatFrom ? previous.start : repeatFrom, end);
  const complaints = span.filter((t) => t.received_at >= start);
  const lastMonth = span.filter((t) => t.received_at >= previous.start && t.received_at < start);
  const lastYear = cstMonthBounds(shiftMonth(month, -12));
  const lastYearCount = Number(
    (
      await ctx.db
        .selectFrom('tickets as t')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(complaintsIn(estateId, lastYear.start, lastYear.end))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const typeCounts = await ctx.db
    .selectFrom('tickets')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('received_at', '>=', start)
    .where('received_at', '<', end)
    .where('estate_id', '=', estateId)
    .where('voided_at', 'is', null)
    .groupBy('type')
    .execute();

  const occupied = Number(
    (
      await ctx.db
        .selectFrom('houses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('estate_id', '=', estateId)
        .where('voided_at', 'is', null)
        .where('status', 'in', OCCUPIED)
        .executeTakeFirstOrThrow()
    ).n,
  );

  const byType: Record<string, number> = Object.fromEntries(TICKET_TYPES.map((t) => [t, 0]));
  for (const r of typeCounts) byType[r.type] = Number(r.n);

  // ---- timeliness: judged once the deadline has passed or the step is done
  let respondJudged = 0;
  let respondOnTime = 0;
  let resolveJudged = 0;
  let resolveOnTime = 0;
  const overdue: TicketRefT[] = [];
  const responseHours: number[] = [];
  const resolutionHours: number[] = [];
  for (const t of complaints) {
    let late = false;
    if (t.respond_due_at && (t.responded_at || t.respond_due_at < nowIso)) {
      respondJudged++;
      if (t.responded_at && t.responded_at <= t.respond_due_at) respondOnTime++;
      else late = true;
    }
    if (t.resolve_due_at && (t.completed_at || t.resolve_due_at < nowIso)) {
      resolveJudged++;
      if (t.completed_at && t.completed_at <= t.resolve_due_at) resolveOnTime++;
      else late = true;
    }
    if (late) overdue.push(ref(t));
    if (t.responded_at) responseHours.push(hours(t.received_at, t.responded_at));
    if (t.completed_at) resolutionHours.push(hours(t.received_at, t.completed_at));
  }
  const avg = (xs: number[]) => (xs.length ? round(xs.reduce((s, x) => s + x, 0) / xs.length, 2) : null);

  // ---- callbacks: the latest callback of each complaint
  const ids = complaints.map((t) => t.id);
  const latest = new Map<number, { satisfaction: string | null; score: number | null; comment: string | null }>();
  const callbackRows = await ctx.db
    .selectFrom('callbacks as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .select(['c.ticket_id', 'c.satisfaction', 'c.score', 'c.comment'])
    .where(complaintsIn(estateId, start, end))
    .orderBy('c.at')
    .orderBy('c.id')
    .execute();
  for (const r of callbackRows) latest.set(r.ticket_id, r);
  // due a callback: completed, or called back already (a callback that found it unsolved reopens it)
  const due = complaints.filter((t) => t.completed_at || latest.has(t.id));
  const called = due.filter((t) => latest.has(t.id)).length;
  let rated = 0;
  let satisfied = 0;
  let scoreSum = 0;
  let scored = 0;
  const dissatisfied: MonthlyReportT['callbacks']['dissatisfied'] = [];
  for (const t of complaints) {
    const c = latest.get(t.id);
    if (!c?.satisfaction) continue;
    rated++;
    if (SATISFIED.includes(c.satisfaction)) satisfied++;
    if (c.score !== null) {
      scoreSum += c.score;
      scored++;
    }
    if (DISSATISFIED.includes(c.satisfaction)) dissatisfied.push({ ...ref(t), satisfaction: c.satisfaction, comment: c.comment ?? '' });
  }

  // ---- repeats: same house and category within the 30 days before (earlier months included)
  const earlier = new Map<string, Array<{ no: string; at: string; id: number }>>();
  for (const r of span) {
    if (r.house_id === null || r.received_at < repeatFrom) continue;
    const k = `${r.house_id}|${r.category}`;
    const list = earlier.get(k);
    if (list) list.push({ no: r.no, at: r.received_at, id: r.id });
    else earlier.set(k, [{ no: r.no, at: r.received_at, id: r.id }]);
  }
  const repeats: MonthlyReportT['repeats'] = [];
  for (const t of complaints) {
    if (t.house_id === null) continue;
    const before = (earlier.get(`${t.house_id}|${t.category}`) ?? []).filter(
      (e) =>
        e.id !== t.id &&
        (e.at < t.received_at || (e.at === t.received_at && e.id < t.id)) &&
        Date.parse(t.received_at) - Date.parse(e.at) <= REPEAT_DAYS * 86_400_000,
    );
    const prev = before[before.length - 1];
    if (prev) repeats.push({ ...ref(t), previousNo: prev.no, previousAt: prev.at });
  }

  // ---- daily trend: every day of the month, China days
  const counts = new Map<string, number>();
  for (const t of complaints) counts.set(cstDate(t.received_at), (counts.get(cstDate(t.received_at)) ?? 0) + 1);
  const daily: MonthlyReportT['daily'] = [];
  for (let ms = Date.parse(start); ms < Date.parse(end); ms += 86_400_000) {
    const date = cstDate(ms);
    daily.push({ date, count: counts.get(date) ?? 0 });
  }

  const byCategory = breakdown(complaints, lastMonth, (t) => t.category);
  const closedByEnd = complaints.filter((t) => t.closed_at && t.closed_at < end);
  return {
    month,
    estateId,
    estateName: estate.name,
    byType,
    complaints: {
      total: complaints.length,
      previousMonth: lastMonth.length,
      sameMonthLastYear: lastYearCount,
      monthOnMonth: change(complaints.length, lastMonth.length),
      yearOnYear: change(complaints.length, lastYearCount),
      occupiedHouseholds: occupied,
      per100Households: occupied > 0 ? round((complaints.length / occupied) * 100, 2) : null,
      ticketIds: ids,
    },
    byCategory,
    byBuilding: breakdown(complaints, lastMonth, (t) => t.building ?? '公共区域'),
    byChannel: breakdown(complaints, lastMonth, (t) => t.channel),
    byDepartment: breakdown(complaints, lastMonth, (t) => t.department ?? '未派工'),
    timeliness: {
      respondedOnTimeRate: rate(respondOnTime, respondJudged),
      resolvedOnTimeRate: rate(resolveOnTime, resolveJudged),
      respondJudged,
      resolveJudged,
      avgResponseHours: avg(responseHours),
      avgResolutionHours: avg(resolutionHours),
      overdue,
    },
    closure: {
      closed: closedByEnd.length,
      closedRate: rate(closedByEnd.length, complaints.length),
      carriedOver: complaints.filter((t) => !t.closed_at || t.closed_at >= end).map(ref),
    },
    callbacks: {
      called,
      due: due.length,
      rate: rate(called, due.length),
      rated,
      satisfied,
      satisfactionRate: rate(satisfied, rated),
      averageScore: scored ? round(scoreSum / scored, 2) : null,
      dissatisfied,
    },
    repeats,
    topIssues: byCategory.slice(0, 5).map((r) => ({ name: r.name, count: r.count })),
    daily,
  };
}
