// The lookup as it was before the search indexes of migration 0010 (issue 10), kept verbatim as the test
// oracle: the indexed lookup must give the same answers (tests/unit/search/indexed.test.ts).
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CoreContext } from '../../../electron/core/context';
import type { DB } from '../../../electron/core/db/schema';
import type { SearchHitT } from '../../../shared/contract/search';
import { houseLabel } from '../../../electron/core/archives/mappers';
import { normalisePlate, toHalfWidth } from '../../../shared/domain/text';
import { parseRoom, type RoomRef } from '../../../shared/domain/room';
import { joinParts, maskPhone, roleLabel } from '../../../electron/core/search/format';

// Lower rank = shown first. Exact room matches lead, then names, initials, phones, plates;
// people who have moved out come after everyone current.
const RANK = {
  roomExact: 0,
  roomPrefix: 1,
  nameExact: 2,
  namePrefix: 3,
  initialsExact: 4,
  initialsPrefix: 5,
  pinyinPrefix: 6,
  nameContains: 7,
  phone: 8,
  plateExact: 9,
  plateContains: 10,
  movedOut: 20,
} as const;

/** Upper bound for "starts with" as an index range: nothing that starts with p sorts above p + U+10FFFF. */
const AFTER = '\u{10FFFF}';

interface Ranked {
  key: string;
  rank: number;
  /** 0 for the current estate (or when none is given), 1 for another estate */
  away: number;
  sort: string;
  hit: SearchHitT;
}

/** What every query of one lookup shares: the current estate and the estates' names. */
interface Scope {
  estateId: number | undefined;
  names: Map<number, string>;
}
const awayOf = (scope: Scope, estateId: number) => (scope.estateId !== undefined && estateId !== scope.estateId ? 1 : 0);
/** SQL order term: the current estate's rows first, so a LIMIT never cuts them for another estate's (constant when none is current) */
const awayOrder = (scope: Scope) => sql<boolean>`h.estate_id <> ${scope.estateId ?? 0}`;

type PersonScope = ExpressionBuilder<DB & { p: DB['people'] }, 'p'>;

/**
 * The one search box: room texts, names, pinyin initials, phone tails and plates, typed as staff
 * type them. Every reading runs as an indexed, LIMITed query; hits are merged, ranked, de-duplicated.
 * One database may hold several estates: every hit names its estate, and among equally good hits
 * those of `estateId` (the estate the desk is working on) come first, so "1-1-101" + Enter opens
 * this estate's 1-1-101, not another estate's.
 */
export async function oldLookup(ctx: Pick<CoreContext, 'db'>, query: string, limit = 20, estateId?: number): Promise<SearchHitT[]> {
  const plan = planQuery(query);
  if (planIsEmpty(plan)) return [];
  const estates = await ctx.db.selectFrom('estates').select(['id', 'name']).execute();
  const scope: Scope = { estateId, names: new Map(estates.map((e) => [e.id, e.name])) };
  const found: Ranked[] = [];
  const personHits = (...args: PersonHitArgs) => personHitsIn(ctx, scope, ...args);

  if (plan.room) found.push(...(await roomHits(ctx, scope, plan, limit)));
  if (plan.name) {
    const name = plan.name;
    found.push(
      ...(await personHits(
        limit,
        '姓名',
        (eb) => eb.and([eb('p.name', '>=', name), eb('p.name', '<', name + AFTER)]),
        (r) => (r.name === name ? RANK.nameExact : RANK.namePrefix),
      )),
    );
    // contains ("三" finds 张三) cannot use an index; the people table is small enough to scan
    found.push(
      ...(await personHits(
        limit,
        '姓名',
        (eb) => eb('p.name', 'like', `%${name}%`),
        (r) => (r.name === name ? RANK.nameExact : r.name.startsWith(name) ? RANK.namePrefix : RANK.nameContains),
      )),
    );
  }
  if (plan.letters) {
    const l = plan.letters;
    found.push(
      ...(await personHits(
        limit,
        '拼音首字母',
        (eb) => eb.and([eb('p.name_initials', '>=', l), eb('p.name_initials', '<', l + AFTER)]),
        (r) => (r.name_initials === l ? RANK.initialsExact : RANK.initialsPrefix),
      )),
    );
    // a single letter is already every initial-prefix match; full pinyin from the second letter on
    if (l.length >= 2)
      found.push(
        ...(await personHits(
          limit,
          '拼音',
          (eb) => eb.and([eb('p.name_pinyin', '>=', l), eb('p.name_pinyin', '<', l + AFTER)]),
          () => RANK.pinyinPrefix,
        )),
      );
  }
  if (plan.phoneTail) {
    const tail = plan.phoneTail;
    found.push(
      ...(await personHits(
        limit,
        '电话尾号',
        (eb) => eb('p.phone_digits', 'like', `%${tail}`),
        () => RANK.phone,
        true,
      )),
    );
  }
  if (plan.plate) found.push(...(await vehicleHits(ctx, scope, plan.plate, limit)));

  return rankAndTrim(found, limit);
}

function rankAndTrim(found: Ranked[], limit: number): SearchHitT[] {
  found.sort((a, b) => a.rank - b.rank || a.away - b.away || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  const seen = new Set<string>();
  const out: SearchHitT[] = [];
  for (const f of found) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    out.push(f.hit);
    if (out.length >= limit) break;
  }
  return out;
}

const houseSort = (estateId: number, sortKey: string, unitCode: string | null, roomNo: string) =>
  `${String(estateId).padStart(6, '0')}|${sortKey}|${(unitCode ?? '').padStart(4, '0')}|${roomNo.padStart(8, '0')}`;

async function roomHits(ctx: Pick<CoreContext, 'db'>, scope: Scope, plan: QueryPlan, limit: number): Promise<Ranked[]> {
  const room = plan.room;
  if (!room) return [];
  let q = ctx.db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.estate_id', 'h.room_no', 'h.status', 'b.name as building_name', 'b.sort_key', 'u.name as unit_name', 'u.code as unit_code'])
    .where('h.voided_at', 'is', null)
    .where('b.voided_at', 'is', null)
    // a range on room_no, so "150" while typing already lists 1501..1504 through the index
    .where('h.room_no', '>=', room.room)
    .where('h.room_no', '<', room.room + AFTER);
  if (room.building) q = q.where('b.code', '=', room.building);
  // a tower without units still answers "8-1-1502"
  if (room.unit) {
    const unit = room.unit;
    q = q.where((eb) => eb.or([eb('u.code', '=', unit), eb('h.unit_id', 'is', null)]));
  }
  const rows = await q
    .orderBy(sql`h.room_no <> ${room.room}`)
    .orderBy(awayOrder(scope))
    .orderBy('h.estate_id')
    .orderBy('b.sort_key')
    .orderBy('u.code')
    .orderBy('h.room_no')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];

  const owners = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['o.house_id', 'o.role', 'p.name', 'p.phone'])
    .where(
      'o.house_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('o.ended_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .where('o.role', 'in', ['owner', 'co_owner'])
    .orderBy('o.house_id')
    .orderBy(sql`o.role <> 'owner'`)
    .orderBy('o.id')
    .execute();
  const byHouse = new Map<number, typeof owners>();
  for (const o of owners) byHouse.set(o.house_id, [...(byHouse.get(o.house_id) ?? []), o]);

  return rows.map((r) => {
    const os = byHouse.get(r.id) ?? [];
    const first = os[0];
    const ownerText = first
      ? `业主 ${first.name}${first.phone ? ` ${maskPhone(first.phone)}` : ''}${os.length > 1 ? ` 等${os.length}人` : ''}`
      : '暂无业主登记';
    return {
      key: `house:${r.id}`,
      rank: r.room_no === room.room ? RANK.roomExact : RANK.roomPrefix,
      away: awayOf(scope, r.estate_id),
      sort: houseSort(r.estate_id, r.sort_key, r.unit_code, r.room_no),
      hit: {
        kind: 'house',
        houseId: r.id,
        estateId: r.estate_id,
        estateName: scope.names.get(r.estate_id) ?? '',
        title: houseLabel(r.building_name, r.unit_name, r.room_no),
        subtitle: joinParts([ownerText, r.status]),
        matched: '房号',
      },
    };
  });
}

interface PersonRow {
  id: number;
  name: string;
  name_initials: string;
  phone: string | null;
  role: string;
  ended_at: string | null;
  house_id: number;
  estate_id: number;
  room_no: string;
  building_name: string;
  sort_key: string;
  unit_name: string | null;
  unit_code: string | null;
}

/**
 * People matching `where`, one hit per household they belong to. Current residents come first;
 * someone who has moved out is still found (staff ask about former tenants), ranked lower.
 */
type PersonHitArgs = [limit: number, matched: string, where: (eb: PersonScope) => Expression<SqlBool>, rankOf: (r: PersonRow) => number, showPhone?: boolean];

async function personHitsIn(
  ctx: Pick<CoreContext, 'db'>,
  scope: Scope,
  ...[limit, matched, where, rankOf, showPhone = false]: PersonHitArgs
): Promise<Ranked[]> {
  const matchedIds = ctx.db
    .selectFrom('people as p')
    .select('p.id')
    .where('p.voided_at', 'is', null)
    .where((eb) => where(eb));
  const rows: PersonRow[] = await ctx.db
    .selectFrom('people as p')
    .innerJoin('occupancies as o', 'o.person_id', 'p.id')
    .innerJoin('houses as h', 'h.id', 'o.house_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.name_initials',
      'p.phone',
      'o.role',
      'o.ended_at',
      'h.id as house_id',
      'h.estate_id',
      'h.room_no',
      'b.name as building_name',
      'b.sort_key',
      'u.name as unit_name',
      'u.code as unit_code',
    ])
    .where('p.id', 'in', matchedIds)
    .where('h.voided_at', 'is', null)
    .where('b.voided_at', 'is', null)
    .orderBy(sql`o.ended_at is not null`)
    .orderBy(awayOrder(scope))
    .orderBy(sql`length(p.name)`)
    .orderBy('p.name')
    .limit(limit)
    .execute();

  // the same person may hold an ended and a current occupancy of one house (tenant turned owner)
  const current = new Set(rows.filter((r) => !r.ended_at).map((r) => `${r.id}:${r.house_id}`));
  return rows
    .filter((r) => !r.ended_at || !current.has(`${r.id}:${r.house_id}`))
    .map((r) => {
      const moved = !!r.ended_at;
      const where_ = houseLabel(r.building_name, r.unit_name, r.room_no);
      return {
        key: `person:${r.id}:${r.house_id}`,
        rank: rankOf(r) + (moved ? RANK.movedOut : 0),
        away: awayOf(scope, r.estate_id),
        sort: `${String(r.name.length).padStart(2, '0')}${r.name}|${houseSort(r.estate_id, r.sort_key, r.unit_code, r.room_no)}`,
        hit: {
          kind: 'person',
          houseId: r.house_id,
          estateId: r.estate_id,
          estateName: scope.names.get(r.estate_id) ?? '',
          title: r.name,
          subtitle: joinParts([where_, roleLabel(r.role), showPhone && r.phone ? maskPhone(r.phone) : null, moved ? '已迁出' : null]),
          matched,
        },
      };
    });
}

async function vehicleHits(ctx: Pick<CoreContext, 'db'>, scope: Scope, plate: string, limit: number): Promise<Ranked[]> {
  const rows = await ctx.db
    .selectFrom('vehicles as v')
    .innerJoin('houses as h', 'h.id', 'v.house_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('people as p', 'p.id', 'v.person_id')
    .select([
      'v.id',
      'v.plate',
      'v.plate_norm',
      'h.id as house_id',
      'h.estate_id',
      'h.room_no',
      'b.name as building_name',
      'b.sort_key',
      'u.name as unit_name',
      'u.code as unit_code',
      'p.name as person_name',
    ])
    .where('v.voided_at', 'is', null)
    .where('h.voided_at', 'is', null)
    .where('b.voided_at', 'is', null)
    .where('v.plate_norm', 'like', `%${plate}%`)
    .orderBy(sql`v.plate_norm <> ${plate}`)
    .orderBy(awayOrder(scope))
    .orderBy('v.plate_norm')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    key: `vehicle:${r.id}`,
    // "B12345" without the province is as good as the whole plate
    rank: r.plate_norm === plate || (plate.length >= 6 && r.plate_norm.endsWith(plate)) ? RANK.plateExact : RANK.plateContains,
    away: awayOf(scope, r.estate_id),
    sort: r.plate_norm,
    hit: {
      kind: 'vehicle',
      houseId: r.house_id,
      estateId: r.estate_id,
      estateName: scope.names.get(r.estate_id) ?? '',
      title: r.plate,
      subtitle: joinParts([houseLabel(r.building_name, r.unit_name, r.room_no), r.person_name]),
      matched: '车牌',
    },
  }));
}

// ---- the query planner as it was (electron/core/search/query.ts)

/**
 * What one search-box text can mean. Staff type without choosing a mode, so one text may be
 * read several ways at once ("1502" is a room number and a phone tail); the lookup runs every
 * reading that applies and ranks the hits.
 */
interface QueryPlan {
  /** normalised text: half-width, single spaces, trimmed */
  text: string;
  room: RoomRef | null;
  /** Chinese characters of a name ("张三", "张") */
  name: string | null;
  /** lower-case latin letters: pinyin initials ("zs") or full pinyin prefix ("zhangs") */
  letters: string | null;
  /** 4+ digits: the tail of a phone number */
  phoneTail: string | null;
  /** a plate or part of one, normalised ("粤B12345", "B123") */
  plate: string | null;
}

// Abbreviations that open a plate; several are also surnames (云, 吉, 鲁...), so a lone one is read both ways.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const HAN = /\p{Script=Han}/u;

function planQuery(raw: string): QueryPlan {
  const text = toHalfWidth(raw).replace(/\s+/g, ' ').trim();
  const compact = text.replace(/\s/g, '');
  const plan: QueryPlan = { text, room: null, name: null, letters: null, phoneTail: null, plate: null };
  if (!compact) return plan;

  plan.room = parseRoom(compact);

  const digits = compact.replace(/-/g, '');
  // "3-2-1502" is a room, not a phone; "1502" or "5678" can be either
  if (/^\d{4,}$/.test(digits) && !plan.room?.building) plan.phoneTail = digits;

  const plate = normalisePlate(compact);
  const provincePlate = new RegExp(`^[${PROVINCES}][A-Z][A-Z0-9]{0,6}$`).test(plate);
  const latinPlate = /^[A-Z0-9]{2,8}$/.test(plate) && /[A-Z]/.test(plate) && /\d/.test(plate);
  if (provincePlate || (latinPlate && !plan.room) || (plan.phoneTail && plate.length <= 8)) plan.plate = plate;

  if (HAN.test(compact) && !plan.room && !provincePlate && /^[\p{Script=Han}·]+$/u.test(compact)) plan.name = compact;
  if (/^[a-zA-Z]+$/.test(compact)) plan.letters = compact.toLowerCase();
  return plan;
}

/** Whether the plan has anything to look for. */
function planIsEmpty(p: QueryPlan): boolean {
  return !p.room && !p.name && !p.letters && !p.phoneTail && !p.plate;
}
