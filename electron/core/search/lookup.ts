import type { CoreContext } from '../context';
import type { SearchHitT } from '../../../shared/contract/search';
import { houseLabel } from '../archives/mappers';
import { planQuery, planIsEmpty, type QueryPlan } from './query';
import { joinParts, maskPhone, roleLabel } from './format';
import { AFTER, KEY, PINYIN_KEY, personRows, roomRows, transactionStatements, vehicleRows, type PersonRow, type PersonSource, type Sqlite } from './statements';

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

export const DEFAULT_LIMIT = 20;

interface Ranked {
  key: string;
  rank: number;
  /** 0 for the current estate (or when none is given), 1 for another estate */
  away: number;
  sort: string;
  hit: SearchHitT;
}

/** What every query of one lookup shares: the current estate. */
interface Scope {
  estateId: number | undefined;
}
const awayOf = (scope: Scope, estateId: number) => (scope.estateId !== undefined && estateId !== scope.estateId ? 1 : 0);

/**
 * Hits that all rank after every earlier group's hits and before every later group's. `need` more
 * distinct hits are wanted; `seen` holds the keys already found. A group returns at least `need`
 * new distinct hits, or all it has.
 */
type Group = (need: number, seen: ReadonlySet<string>) => Ranked[];

/**
 * The one search box: room texts, names, pinyin initials, phone tails and plates, typed as staff
 * type them. Each reading runs through its own index (migration 0010) in ranking order, and the
 * readings run best rank first until `limit` hits are in hand, so a surname shared by thousands
 * reads about `limit` rows (docs/PERFORMANCE.md, "Search"). Hits are merged, ranked, de-duplicated.
 * One database may hold several estates: every hit names its estate, and among equally good hits
 * those of `estateId` (the estate the desk is working on) come first, so "1-1-101" + Enter opens
 * this estate's 1-1-101, not another estate's.
 */
export async function lookup(ctx: Pick<CoreContext, 'db' | 'sqlite'>, query: string, limit = DEFAULT_LIMIT, estateId?: number): Promise<SearchHitT[]> {
  const plan = planQuery(query);
  if (planIsEmpty(plan)) return [];
  // The statements run on the connection directly. While a write transaction is open on it, wait
  // for it through Kysely's lock (as a Kysely query would), so its uncommitted rows are never shown.
  if (ctx.sqlite.inTransaction) return ctx.db.connection().execute(async () => search(ctx.sqlite, plan, limit, estateId));
  return search(ctx.sqlite, plan, limit, estateId);
}

function search(sqlite: Sqlite, plan: QueryPlan, limit: number, estateId: number | undefined): SearchHitT[] {
  const scope: Scope = { estateId };
  // A text with one reading (a room code, a plate): its one statement already returns hits in ranking
  // order, one per key, so nothing is merged, de-duplicated or sorted (docs/PERFORMANCE.md, "Search").
  const single = plan.room && !plan.name && !plan.letters && !plan.phoneTail && !plan.plate ? roomGroup(sqlite, scope, plan.room, false) : null;
  const all = single ? [single] : groups(sqlite, scope, plan);
  if (all.length === 1) {
    const only = all[0](limit, NONE);
    const out: SearchHitT[] = [];
    for (let i = 0; i < only.length && i < limit; i++) out.push(only[i].hit);
    return out;
  }
  const found: Ranked[] = [];
  const seen = new Set<string>();
  let began = false;
  try {
    for (const [i, group] of all.entries()) {
      // From the second read on, one read transaction: SQLite then takes its snapshot once, not per statement (~5 µs each).
      if (i === 1 && !sqlite.inTransaction) began = !!transactionStatements(sqlite).begin.run();
      for (const r of group(limit - seen.size, seen)) {
        found.push(r);
        seen.add(r.key);
      }
      if (seen.size >= limit) break;
    }
  } finally {
    if (began) transactionStatements(sqlite).commit.run();
  }
  return rankAndTrim(found, limit);
}

/** The readings of `plan`, as groups in rank order. */
function groups(sqlite: Sqlite, scope: Scope, plan: QueryPlan): Group[] {
  const people = (ended: boolean): Group[] => {
    const out: Group[] = [];
    const group = (source: PersonSource, matched: string, rankOf: (r: PersonRow) => number, showPhone = false) =>
      out.push(personGroup(sqlite, scope, { source, ended, matched, rankOf, showPhone }));
    const name = plan.name;
    const nameRank = (r: PersonRow) => (r.name === name ? RANK.nameExact : name && r.name.startsWith(name) ? RANK.namePrefix : RANK.nameContains);
    // a name of 3+ characters is found through its first two, then checked whole
    const chars = name ? Array.from(name) : [];
    const key = chars.slice(0, 2).join('');
    const long = chars.length > 2 && name !== null;
    if (name) group({ by: 'key', key, kind: KEY.nameStart, filter: long ? { name: 'starts', q: name } : undefined }, '姓名', nameRank);
    if (plan.letters) {
      const l = plan.letters;
      group({ by: 'key', key: l, kind: KEY.initials }, '拼音首字母', () => RANK.initialsExact);
      group({ by: 'key', key: l, kind: KEY.initialsStart }, '拼音首字母', () => RANK.initialsPrefix);
      // a single letter is already every initial-prefix match; full pinyin from the second letter on
      if (l.length >= 2)
        group(
          { by: 'key', key: l.slice(0, PINYIN_KEY), kind: KEY.pinyin, filter: l.length > PINYIN_KEY ? { name: 'pinyin', q: l } : undefined },
          '拼音',
          () => RANK.pinyinPrefix,
        );
    }
    // contains ("三" finds 张三)
    if (name) group({ by: 'key', key, kind: KEY.nameInside, filter: long ? { name: 'contains', q: name } : undefined }, '姓名', nameRank);
    if (plan.phoneTail) group({ by: 'phone', tail: plan.phoneTail }, '电话尾号', () => RANK.phone, true);
    return out;
  };
  const room = plan.room;
  const plate = plan.plate;
  return [...(room ? [roomGroup(sqlite, scope, room)] : []), ...people(false), ...(plate ? [vehicleGroup(sqlite, scope, plate)] : []), ...people(true)];
}

/**
 * Rows of a read in ranking order, enough of them: `read(n)` returns the first n; when duplicates
 * (one person, one household, two occupancies) or hits already found use up the first `need`,
 * read further.
 */
function enough<R>(read: (n: number) => R[], keyOf: (r: R) => string, need: number, seen: ReadonlySet<string>): R[] {
  for (let n = need; ; n *= 4) {
    const rows = read(n);
    if (rows.length < n) return rows;
    const fresh = new Set(rows.map(keyOf).filter((k) => !seen.has(k)));
    if (fresh.size >= need) return rows;
  }
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

// statements.ts HOUSE_SORT writes the same text in SQL
const houseSort = (estateId: number, sortKey: string, unitCode: string | null, roomNo: string) =>
  `${String(estateId).padStart(6, '0')}|${sortKey}|${(unitCode ?? '').padStart(4, '0')}|${roomNo.padStart(8, '0')}`;

const NONE: ReadonlySet<string> = new Set();

/** `ranked` false: the hits go out in the statement's order, so no sort key is built. */
function roomGroup(sqlite: Sqlite, scope: Scope, room: NonNullable<QueryPlan['room']>, ranked = true): Group {
  return (need) => {
    const rows = roomRows(sqlite, {
      room: room.room,
      roomEnd: room.room + AFTER,
      building: room.building,
      unit: room.unit,
      home: scope.estateId ?? 0,
      limit: need,
    });
    // one row per owner: group them by house, the owner before co-owners, then in the order registered
    const houses = new Map<number, { row: (typeof rows)[number]; owners: typeof rows }>();
    for (const r of rows) {
      const h = houses.get(r.id) ?? { row: r, owners: [] };
      houses.set(r.id, h);
      if (r.owner_name !== null) h.owners.push(r);
    }
    return [...houses.values()].map(({ row: r, owners }) => {
      owners.sort((a, b) => Number(a.role !== 'owner') - Number(b.role !== 'owner') || (a.occupancy_id ?? 0) - (b.occupancy_id ?? 0));
      const first = owners[0];
      const ownerText = first
        ? `业主 ${first.owner_name}${first.owner_phone ? ` ${maskPhone(first.owner_phone)}` : ''}${owners.length > 1 ? ` 等${owners.length}人` : ''}`
        : '暂无业主登记';
      return {
        key: `house:${r.id}`,
        rank: r.room_no === room.room ? RANK.roomExact : RANK.roomPrefix,
        away: awayOf(scope, r.estate_id),
        sort: ranked ? houseSort(r.estate_id, r.sort_key, r.unit_code, r.room_no) : '',
        hit: {
          kind: 'house',
          houseId: r.id,
          estateId: r.estate_id,
          estateName: r.estate_name,
          title: houseLabel(r.building_name, r.unit_name, r.room_no),
          subtitle: joinParts([ownerText, r.status]),
          matched: '房号',
        },
      };
    });
  };
}

interface PersonRead {
  source: PersonSource;
  ended: boolean;
  matched: string;
  rankOf: (r: PersonRow) => number;
  showPhone: boolean;
}

/**
 * People matching a source, one hit per household they belong to. Current residents and those who
 * have moved out are separate groups: someone who has moved out is still found (staff ask about
 * former tenants), ranked after everyone current.
 */
function personGroup(sqlite: Sqlite, scope: Scope, p: PersonRead): Group {
  const home = scope.estateId ?? 0;
  const keyOf = (r: PersonRow) => `person:${r.id}:${r.house_id}`;
  const read = (only: 'home' | 'away' | 'all', estateHome: number, need: number, seen: ReadonlySet<string>) =>
    enough((limit) => personRows(sqlite, { source: p.source, ended: p.ended, estate: { only, home: estateHome }, limit }), keyOf, need, seen);
  const rows = (need: number, seen: ReadonlySet<string>): PersonRow[] => {
    // sorted sources put the current estate first in their sort
    if (p.source.by !== 'key') return read('all', home, need, seen);
    // Key reads come in index order, which has no estate in it. Read all estates at once: when every
    // row is the current estate's (always, with one estate), they are its best, and no other estate's
    // hit can outrank them (a better name match would come first in index order). Otherwise read
    // this estate's and the others' apart; the ranking merges them.
    const all = read('all', 0, need, seen);
    if (scope.estateId === undefined || all.every((r) => r.estate_id === scope.estateId)) return all;
    return [...read('home', home, need, seen), ...read('away', home, need, seen)];
  };
  return (need, seen) =>
    rows(need, seen).map((r): Ranked => {
      const where_ = houseLabel(r.building_name, r.unit_name, r.room_no);
      return {
        key: keyOf(r),
        rank: p.rankOf(r) + (p.ended ? RANK.movedOut : 0),
        away: awayOf(scope, r.estate_id),
        sort: `${String(r.name.length).padStart(2, '0')}${r.name}|${houseSort(r.estate_id, r.sort_key, r.unit_code, r.room_no)}`,
        hit: {
          kind: 'person',
          houseId: r.house_id,
          estateId: r.estate_id,
          estateName: r.estate_name,
          title: r.name,
          subtitle: joinParts([where_, roleLabel(r.role), p.showPhone && r.phone ? maskPhone(r.phone) : null, p.ended ? '已迁出' : null]),
          matched: p.matched,
        },
      };
    });
}

function vehicleGroup(sqlite: Sqlite, scope: Scope, plate: string): Group {
  return (need, seen) =>
    enough(
      (limit) => vehicleRows(sqlite, { plate, home: scope.estateId ?? 0, limit }),
      (r) => `vehicle:${r.id}`,
      need,
      seen,
    ).map((r) => ({
      key: `vehicle:${r.id}`,
      // "B12345" without the province is as good as the whole plate
      rank: r.plate_norm === plate || (plate.length >= 6 && r.plate_norm.endsWith(plate)) ? RANK.plateExact : RANK.plateContains,
      away: awayOf(scope, r.estate_id),
      sort: r.plate_norm,
      hit: {
        kind: 'vehicle',
        houseId: r.house_id,
        estateId: r.estate_id,
        estateName: r.estate_name,
        title: r.plate,
        subtitle: joinParts([houseLabel(r.building_name, r.unit_name, r.room_no), r.person_name]),
        matched: '车牌',
      },
    }));
}
