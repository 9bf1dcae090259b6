import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { AUDIT_ACTION_LABELS, type AuditLineT, type AuditPageT } from '../../../shared/contract/audit';
import { cstDayBounds } from '../../../shared/domain/time';
import { houseLabel } from '../archives/mappers';
import { auditSummary, type AuditRow } from './summary';

export interface AuditQuery {
  personId?: number;
  person?: string;
  houseId?: number;
  ticketId?: number;
  ticketNo?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

/** counts stop this many rows past the page, as the ticket list's do (TicketPage.capped) */
const COUNT_PAST_PAGE = 1000;
const PEOPLE_BY_NAME_MAX = 500;

type Eb = ExpressionBuilder<DB, 'audit_log'>;
const likeText = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const detailNumber = (path: string) => sql<number>`json_extract(detail, ${path})`;

/**
 * 操作日志: audit lines filtered by person, house, ticket, actor, action and China-time days, newest
 * first, paged. Lines are in insertion order (id) and `at` is written at insertion, so newest first is id desc.
 */
export async function listAudit(ctx: CoreContext, q: AuditQuery): Promise<AuditPageT> {
  const conditions: ((eb: Eb) => Expression<SqlBool>)[] = [];

  let personIds: number[] | null = null;
  if (q.personId) personIds = [q.personId];
  else if (q.person) {
    const found = await ctx.db
      .selectFrom('people')
      .select('id')
      .where(sql<boolean>`name like ${likeText(q.person)} escape '\\'`)
      .limit(PEOPLE_BY_NAME_MAX)
      .execute();
    personIds = found.map((p) => p.id);
  }
  if (personIds) {
    if (!personIds.length) return { rows: [], total: 0, capped: false };
    const ids = personIds;
    conditions.push((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'person'), eb('entity_id', 'in', ids)]),
        eb.and([eb('entity', '=', 'house'), eb('action', 'in', ['attach', 'moveOut']), eb(detailNumber('$.personId'), 'in', ids)]),
      ]),
    );
  }

  if (q.houseId) {
    const h = q.houseId;
    conditions.push((eb) =>
      eb.or([
        eb.and([eb('entity', 'in', ['house', 'movein']), eb('entity_id', '=', h)]),
        eb(detailNumber('$.houseId'), '=', h),
        eb.and([eb('entity', '=', 'ticket'), eb('entity_id', 'in', eb.selectFrom('tickets').select('id').where('house_id', '=', h))]),
        eb.and([eb('entity', '=', 'person'), eb('entity_id', 'in', eb.selectFrom('occupancies').select('person_id').where('house_id', '=', h))]),
      ]),
    );
  }

  let ticketIds: number[] | null = null;
  if (q.ticketId) ticketIds = [q.ticketId];
  if (q.ticketNo) {
    const t = await ctx.db.selectFrom('tickets').select('id').where('no', '=', q.ticketNo.toUpperCase()).executeTakeFirst();
    ticketIds = t && (!ticketIds || ticketIds.includes(t.id)) ? [t.id] : [];
  }
  if (ticketIds) {
    if (!ticketIds.length) return { rows: [], total: 0, capped: false };
    const ids = ticketIds;
    conditions.push((eb) => eb.and([eb('entity', '=', 'ticket'), eb('entity_id', 'in', ids)]));
  }

  if (q.actor) {
    const pattern = likeText(q.actor);
    conditions.push(() => sql<SqlBool>`actor like ${pattern} escape '\\'`);
  }
  if (q.action) {
    // an action and those sharing its Chinese verb (修改: update and a ticket's edit), as the screen offers them
    const verb = AUDIT_ACTION_LABELS[q.action];
    const actions = verb ? Object.keys(AUDIT_ACTION_LABELS).filter((a) => AUDIT_ACTION_LABELS[a] === verb) : [q.action];
    conditions.push((eb) => eb('action', 'in', actions));
  }
  if (q.from) {
    const start = cstDayBounds(q.from).start;
    conditions.push((eb) => eb('at', '>=', start));
  }
  if (q.to) {
    const end = cstDayBounds(q.to).end;
    conditions.push((eb) => eb('at', '<', end));
  }

  const filtered = () => ctx.db.selectFrom('audit_log').where((eb) => eb.and(conditions.map((c) => c(eb))));
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 100;
  const rows = await filtered().selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const cap = offset + limit + COUNT_PAST_PAGE;
  const counted = await ctx.db
    .selectFrom(filtered().select('id').limit(cap).as('page'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);

  const parsed: (AuditRow & { id: number; at: string; actor: string })[] = rows.map((r) => ({ ...r, detail: parseDetail(r.detail) }));
  const names = await namesFor(ctx, parsed);
  const lines: AuditLineT[] = parsed.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    summary: auditSummary(r, names),
    houseId: houseOf(r, names.ticketHouses),
  }));
  return { rows: lines, total, capped: total >= cap };
}

function parseDetail(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const v: unknown = JSON.parse(detail);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function houseOf(r: AuditRow, ticketHouses: ReadonlyMap<number, number | null>): number | null {
  if ((r.entity === 'house' || r.entity === 'movein') && r.entity_id) return r.entity_id;
  if (typeof r.detail.houseId === 'number') return r.detail.houseId;
  if (r.entity === 'ticket' && r.entity_id) return ticketHouses.get(r.entity_id) ?? null;
  return null;
}

/** The names a page's summaries need, one query per kind. */
async function namesFor(ctx: CoreContext, rows: AuditRow[]) {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entity_id).map((r) => r.entity_id as number))];
  const personIds = new Set(ids('person'));
  for (const r of rows) if (typeof r.detail.personId === 'number') personIds.add(r.detail.personId);
  const houseIds = new Set([...ids('house'), ...ids('movein')]);
  const ticketIds = ids('ticket');
  const estateIds = ids('estate');

  const people = new Map<number, string>();
  if (personIds.size)
    for (const p of await ctx.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('id', 'in', [...personIds])
      .execute())
      people.set(p.id, p.name);
  const tickets = new Map<number, string>();
  const ticketHouses = new Map<number, number | null>();
  if (ticketIds.length)
    for (const t of await ctx.db.selectFrom('tickets').select(['id', 'no', 'house_id']).where('id', 'in', ticketIds).execute()) {
      tickets.set(t.id, t.no);
      ticketHouses.set(t.id, t.house_id);
    }
  const houses = new Map<number, string>();
  if (houseIds.size)
    for (const h of await ctx.db
      .selectFrom('houses as h')
      .innerJoin('buildings as b', 'b.id', 'h.building_id')
      .leftJoin('units as u', 'u.id', 'h.unit_id')
      .select(['h.id', 'h.room_no', 'b.name as building_name', 'u.name as unit_name'])
      .where('h.id', 'in', [...houseIds])
      .execute())
      houses.set(h.id, houseLabel(h.building_name, h.unit_name, h.room_no));
  const estates = new Map<number, string>();
  if (estateIds.length)
    for (const e of await ctx.db.selectFrom('estates').select(['id', 'name']).where('id', 'in', estateIds).execute()) estates.set(e.id, e.name);
  return { people, houses, tickets, estates, ticketHouses };
}
