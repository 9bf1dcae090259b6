import type Database from 'better-sqlite3';

// The search box's SQL, in one place (docs/PERFORMANCE.md, "Search"). The lookup is the one hot path
// where Kysely's compile-and-prepare on every call cost more than the query itself, so these are
// plain statements, prepared once per connection and kept. SQLite-specific, marked: printf (lpad in
// PostgreSQL), instr (strpos), and the tables and index of migration 0010.

export type Sqlite = Database.Database;

/** Upper bound for "starts with" as an index range: nothing that starts with p sorts above p + U+10FFFF. */
export const AFTER = '\u{10FFFF}';

const kept = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/**
 * LIMIT is written into the text, not bound: SQLite (3.47+) plans with a bound LIMIT's value and
 * then prepares the statement again each time it is bound, which cost more than the query (~35 µs).
 * A statement per limit is kept instead; limits are few (the box asks for at most 50, reads grow ×4).
 */
const limitOf = (n: number) => String(Math.max(1, Math.floor(n)));

/** The statement of variant `key` on this connection, its text built and prepared on first use. */
function prepared(sqlite: Sqlite, key: string, text: () => string): Database.Statement {
  let map = kept.get(sqlite);
  if (!map) kept.set(sqlite, (map = new Map()));
  let st = map.get(key);
  if (!st) map.set(key, (st = sqlite.prepare(text())));
  return st;
}

/** A read transaction around the statements of one lookup. */
export const transactionStatements = (sqlite: Sqlite) => ({
  begin: prepared(sqlite, 'begin', () => 'begin'),
  commit: prepared(sqlite, 'commit', () => 'commit'),
});

/**
 * The same text as lookup.ts houseSort(), so SQL orders rows exactly as the ranking does and a
 * LIMIT keeps the rows the ranking would keep: estate, building sort key, unit code to 4 and room
 * number to 8 places.
 */
const HOUSE_SORT = `printf('%06d', h.estate_id) || '|' || b.sort_key || '|' || (case when length(coalesce(u.code, '')) >= 4 then u.code else substr('0000' || coalesce(u.code, ''), -4) end) || '|' || (case when length(h.room_no) >= 8 then h.room_no else substr('00000000' || h.room_no, -8) end)`;

const PLACE = `join houses h on h.id = o.house_id join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id left join estates e on e.id = h.estate_id`;
// the estate's name with every row: one primary-key read per hit, cheaper than a statement of its own
const PLACE_COLUMNS = `h.id as house_id, h.estate_id, coalesce(e.name, '') as estate_name, h.room_no, b.name as building_name, b.sort_key, u.name as unit_name, u.code as unit_code`;

// ---- rooms

export interface RoomRow {
  id: number;
  estate_id: number;
  estate_name: string;
  room_no: string;
  status: string;
  building_name: string;
  sort_key: string;
  unit_name: string | null;
  unit_code: string | null;
  occupancy_id: number | null;
  role: string | null;
  owner_name: string | null;
  owner_phone: string | null;
}

export interface RoomArgs {
  room: string;
  roomEnd: string;
  building?: string;
  unit?: string;
  /** the current estate, 0 for none */
  home: number;
  limit: number;
}

/**
 * Houses whose room number starts with `room` (so "150" while typing lists 1501..1504), in one
 * building and unit when given: through houses_address (building, unit, room) or houses_room, the
 * best `limit` in ranking order, with their current owners and co-owners in the same statement
 * (one row per owner, or one with no owner).
 */
export function roomRows(sqlite: Sqlite, a: RoomArgs): RoomRow[] {
  const text = () => `select r.*, o.id as occupancy_id, o.role, p.name as owner_name, p.phone as owner_phone from (
      select h.id, h.estate_id, coalesce(e.name, '') as estate_name, h.room_no, h.status, b.name as building_name, b.sort_key, u.name as unit_name, u.code as unit_code
      from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id left join estates e on e.id = h.estate_id
      where h.room_no >= @room and h.room_no < @roomEnd and h.voided_at is null and b.voided_at is null
      ${a.building === undefined ? '' : 'and b.code = @building'}
      ${a.unit === undefined ? '' : 'and coalesce(h.unit_id, 0) in (select x.id from units x where x.building_id = h.building_id and x.code = @unit union all select 0)'}
      order by h.room_no <> @room, h.estate_id <> @home, ${HOUSE_SORT}
      limit ${limitOf(a.limit)}
    ) r
    left join occupancies o on o.house_id = r.id and o.ended_at is null and o.role in ('owner', 'co_owner')
    left join people p on p.id = o.person_id and p.voided_at is null`;
  const params: Record<string, string | number> = { room: a.room, roomEnd: a.roomEnd, home: a.home };
  if (a.building !== undefined) params.building = a.building;
  if (a.unit !== undefined) params.unit = a.unit;
  return prepared(sqlite, `room ${a.building === undefined} ${a.unit === undefined} ${limitOf(a.limit)}`, text).all(params) as RoomRow[];
}

// ---- people

export interface PersonRow {
  id: number;
  name: string;
  name_initials: string;
  phone: string | null;
  role: string;
  ended_at: string | null;
  house_id: number;
  estate_id: number;
  estate_name: string;
  room_no: string;
  building_name: string;
  sort_key: string;
  unit_name: string | null;
  unit_code: string | null;
}

/** person_keys kinds (migration 0010) */
export const KEY = { nameStart: 1, nameInside: 2, initials: 3, initialsStart: 4, pinyin: 5 } as const;
/** kind 5 keys are the first 2–4 letters of the full pinyin (migration 0010 PINYIN_KEY) */
export const PINYIN_KEY = 4;

/** Where the matching people come from, and in which order they are read. */
export type PersonSource =
  /** person_keys rows of one key and kind, read in the key's (length, name) order: no sort */
  | { by: 'key'; key: string; kind: number; filter?: { name: 'starts' | 'contains' | 'pinyin'; q: string } }
  /** phone digits ending with `tail` (4+ digits; people_phone_tail), sorted */
  | { by: 'phone'; tail: string };

export interface PersonArgs {
  source: PersonSource;
  /** current residents, or those who have moved out */
  ended: boolean;
  /** only this estate's houses, only other estates', or all, the current estate's first (estateId 0: none) */
  estate: { only: 'home' | 'away' | 'all'; home: number };
  limit: number;
}

/**
 * People matching `source`, one row per occupancy (a hit per household), in ranking order:
 * shortest names first, then by name and house. A key source is read in index order, so a 1-character
 * surname shared by 6,000 people reads about `limit` rows; an estate is then a filter, not an order.
 */
export function personRows(sqlite: Sqlite, a: PersonArgs): PersonRow[] {
  const s = a.source;
  const params: Record<string, string | number> = {};
  let from: string;
  let where: string;
  let order: string;
  if (s.by === 'key') {
    from = 'person_keys k join people p on p.id = k.person_id';
    where = 'k.key = @key and k.kind = @kind';
    params.key = s.key;
    params.kind = s.kind;
    if (s.filter?.name === 'starts') {
      where += ` and k.name >= @q and k.name < @qEnd`;
      params.q = s.filter.q;
      params.qEnd = s.filter.q + AFTER;
    } else if (s.filter?.name === 'contains') {
      where += ` and instr(k.name, @q) > 0`;
      params.q = s.filter.q;
    } else if (s.filter?.name === 'pinyin') {
      where += ` and k.pinyin >= @q and k.pinyin < @qEnd`;
      params.q = s.filter.q;
      params.qEnd = s.filter.q + AFTER;
    }
    order = 'k.len, k.name';
  } else {
    from = 'people p';
    // not LIKE @pattern: a bound LIKE pattern on an indexed column is planned with its value and re-prepared on every bind
    where = `substr(p.phone_digits, -4) = @tail4 and substr(p.phone_digits, -@n) = @tail`;
    params.tail4 = s.tail.slice(-4);
    params.tail = s.tail;
    params.n = s.tail.length;
    order = 'length(p.name), p.name';
  }
  if (a.estate.only === 'home') where += ' and h.estate_id = @home';
  else if (a.estate.only === 'away') where += ' and h.estate_id <> @home';
  // the current estate first: a sort term, so only for sources that are sorted anyway
  else if (a.estate.home !== 0) order = `h.estate_id <> @home, ${order}`;
  if (a.estate.only !== 'all' || a.estate.home !== 0) params.home = a.estate.home;
  const text = () => `select p.id, p.name, p.name_initials, p.phone, o.role, o.ended_at, ${PLACE_COLUMNS}
    from ${from} join occupancies o on o.person_id = p.id ${PLACE}
    where ${where} and p.voided_at is null and o.ended_at is ${a.ended ? 'not null' : 'null'} and h.voided_at is null and b.voided_at is null
    order by ${order}, ${HOUSE_SORT}, p.id, o.id
    limit ${limitOf(a.limit)}`;
  const key = `person ${s.by} ${s.by === 'key' ? (s.filter?.name ?? '') : ''} ${a.ended} ${a.estate.only} ${a.estate.home !== 0} ${limitOf(a.limit)}`;
  return prepared(sqlite, key, text).all(params) as PersonRow[];
}

// ---- vehicles

export interface VehicleRow {
  id: number;
  plate: string;
  plate_norm: string;
  house_id: number;
  estate_id: number;
  estate_name: string;
  room_no: string;
  building_name: string;
  sort_key: string;
  unit_name: string | null;
  unit_code: string | null;
  person_name: string | null;
}

/**
 * Live vehicles whose plate contains `plate` (2+ characters), through plate_suffixes; whole
 * plates (or, from 6 characters, plates ending with it) first, then the current estate's, then by plate.
 */
export function vehicleRows(sqlite: Sqlite, a: { plate: string; home: number; limit: number }): VehicleRow[] {
  const text = () => `select v.id, v.plate, v.plate_norm, ${PLACE_COLUMNS}, p.name as person_name
    from vehicles v join houses h on h.id = v.house_id join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id left join estates e on e.id = h.estate_id
    left join people p on p.id = v.person_id
    where v.id in (select s.vehicle_id from plate_suffixes s where s.suffix >= @q and s.suffix < @qEnd)
      and v.voided_at is null and h.voided_at is null and b.voided_at is null
    order by case when v.plate_norm = @q or (@tail and substr(v.plate_norm, -@n) = @q) then 0 else 1 end, h.estate_id <> @home, v.plate_norm, v.id
    limit ${limitOf(a.limit)}`;
  const n = [...a.plate].length;
  return prepared(sqlite, `vehicle ${limitOf(a.limit)}`, text).all({
    q: a.plate,
    qEnd: a.plate + AFTER,
    tail: a.plate.length >= 6 ? 1 : 0,
    n,
    home: a.home,
  }) as VehicleRow[];
}
