// The search box at reference scale (issue 10, docs/PERFORMANCE.md "Search"): every lookup kind through
// `lookup(ctx, text, 20, estateId)` as the search.lookup handler calls it, against the raw better-sqlite3
// statements (prepared once, written here) that return the same 20 answers, interleaved in the same run.
// The raw side reads the same indexes (migration 0010) in the same order and stops when it has 20 rows,
// but builds no hit, ranks nothing and formats nothing. `npx tsx tests/bench/lookup-bench.ts` runs it
// alone and adds the lookup as it was before the indexes, and what the indexes' triggers cost a
// 20,000-person insert.
import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core/index';
import { lookup } from '../../electron/core/search/lookup';
import { personSearchFields } from '../../electron/core/archives/person-fields';
import { Rng } from '../../electron/core/demo/prng';
import { figure, median, samples, p95, type Figure } from './measure';
import { referenceCopy } from './reference-db';
import { oldLookup } from '../unit/search/oracle';

const LIMIT = 20;
const INPUTS = 50;
const RUNS = Number(process.env.BENCH_LOOKUP_RUNS ?? 400);

type Kind = 'room' | 'roomLong' | 'roomNumber' | 'surname1' | 'name2' | 'name3' | 'pinyin' | 'phoneTail' | 'plate';
const noSave = { 'system.files.save': async () => ({ saved: false, path: null }) };
const END = '\u{10FFFF}';

/** The same order the ranking uses for houses (estate, building, unit to 4, room to 8), so LIMIT keeps the same rows. */
const HOUSE_ORDER = `printf('%06d', h.estate_id) || '|' || b.sort_key || '|' || (case when length(coalesce(u.code, '')) >= 4 then u.code else substr('0000' || coalesce(u.code, ''), -4) end) || '|' || (case when length(h.room_no) >= 8 then h.room_no else substr('00000000' || h.room_no, -8) end)`;
const PERSON_COLUMNS = `p.id, p.name, p.phone, o.role, h.id as house_id, h.estate_id, e.name as estate_name, h.room_no, b.name as building_name, u.name as unit_name`;
const PERSON_PLACE = `join occupancies o on o.person_id = p.id join houses h on h.id = o.house_id join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id join estates e on e.id = h.estate_id`;
const live = (ended: boolean) => `p.voided_at is null and o.ended_at is ${ended ? 'not null' : 'null'} and h.voided_at is null and b.voided_at is null`;

/** What a hand-written client would run for the same answers: each reading through its index, best first, until 20 rows. */
function rawClient(sqlite: Database.Database) {
  const room = (where: string) =>
    sqlite.prepare(`select r.*, p.name as owner_name, p.phone as owner_phone, o.role from (
        select h.id, h.estate_id, e.name as estate_name, h.room_no, h.status, b.name as building_name, u.name as unit_name
        from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id join estates e on e.id = h.estate_id
        where h.room_no >= @room and h.room_no < @end and h.voided_at is null and b.voided_at is null ${where}
        order by h.room_no <> @room, ${HOUSE_ORDER} limit ${LIMIT}) r
      left join occupancies o on o.house_id = r.id and o.ended_at is null and o.role in ('owner', 'co_owner')
      left join people p on p.id = o.person_id and p.voided_at is null`);
  const roomCoded = room(
    `and b.code = @building and coalesce(h.unit_id, 0) in (select x.id from units x where x.building_id = h.building_id and x.code = @unit union all select 0)`,
  );
  const roomBare = room('');
  // LIMIT in the text (a bound LIMIT makes SQLite prepare again on every bind), one statement per limit, kept
  const kept = new Map<string, Database.Statement>();
  const limited = (text: string) => (limit: number) => {
    const t = `${text} limit ${limit}`;
    let st = kept.get(t);
    if (!st) kept.set(t, (st = sqlite.prepare(t)));
    return st;
  };
  const keyed = (ended: boolean, filter = '') =>
    limited(
      `select ${PERSON_COLUMNS} from person_keys k join people p on p.id = k.person_id ${PERSON_PLACE}
       where k.key = @key and k.kind = @kind ${filter} and ${live(ended)} order by k.len, k.name, ${HOUSE_ORDER}`,
    );
  const sorted = (ended: boolean, where: string) =>
    limited(`select ${PERSON_COLUMNS} from people p ${PERSON_PLACE} where ${where} and ${live(ended)} order by length(p.name), p.name, ${HOUSE_ORDER}`);
  const st = {
    key: [keyed(false), keyed(true)],
    keyStarts: [keyed(false, 'and k.name >= @q and k.name < @end'), keyed(true, 'and k.name >= @q and k.name < @end')],
    keyContains: [keyed(false, 'and instr(k.name, @q) > 0'), keyed(true, 'and instr(k.name, @q) > 0')],
    keyPinyin: [keyed(false, 'and k.pinyin >= @q and k.pinyin < @end'), keyed(true, 'and k.pinyin >= @q and k.pinyin < @end')],
    phone: [false, true].map((e) => sorted(e, `substr(p.phone_digits, -4) = @tail4 and substr(p.phone_digits, -@n) = @tail`)),
    plate: sqlite.prepare(
      `select v.id, v.plate, h.id as house_id, h.estate_id, e.name as estate_name, h.room_no, b.name as building_name, u.name as unit_name, p.name as person_name
       from vehicles v join houses h on h.id = v.house_id join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id join estates e on e.id = h.estate_id
       left join people p on p.id = v.person_id
       where v.id in (select s.vehicle_id from plate_suffixes s where s.suffix >= @q and s.suffix < @end) and v.voided_at is null and h.voided_at is null and b.voided_at is null
       order by case when v.plate_norm = @q or (@tail and substr(v.plate_norm, -@n) = @q) then 0 else 1 end, v.plate_norm limit ${LIMIT}`,
    ),
  };
  /** a room read has a row per owner: its answers are its houses */
  const houses = (rows: unknown[]) => new Set(rows.map((r) => (r as { id: number }).id)).size;
  /** runs the reads in order until LIMIT answers are in hand; returns how many there are */
  const until = (reads: Array<(left: number) => unknown[]>, count: (rows: unknown[], i: number) => number = (rows) => rows.length) => {
    let answers = 0;
    for (const [i, read] of reads.entries()) {
      if (answers >= LIMIT) break;
      answers += count(read(LIMIT - answers), i);
    }
    return answers;
  };
  const name = (q: string) => {
    const chars = Array.from(q);
    const key = chars.slice(0, 2).join('');
    const long = chars.length > 2;
    const starts = (e: 0 | 1) => (left: number) =>
      long ? st.keyStarts[e](left).all({ key, kind: 1, q, end: q + END }) : st.key[e](left).all({ key, kind: 1 });
    const inside = (e: 0 | 1) => (left: number) => (long ? st.keyContains[e](left).all({ key, kind: 2, q }) : st.key[e](left).all({ key, kind: 2 }));
    return until([starts(0), inside(0), starts(1), inside(1)]);
  };
  const letters = (l: string) => {
    const reads = (e: 0 | 1) => [
      (left: number) => st.key[e](left).all({ key: l, kind: 3 }),
      (left: number) => st.key[e](left).all({ key: l, kind: 4 }),
      // full pinyin: its first 4 letters are a key, a longer prefix is checked beside it
      (left: number) =>
        l.length > 4 ? st.keyPinyin[e](left).all({ key: l.slice(0, 4), kind: 5, q: l, end: l + END }) : st.key[e](left).all({ key: l, kind: 5 }),
    ];
    return until([...reads(0), ...reads(1)]);
  };
  const plate = (q: string) => () => st.plate.all({ q, end: q + END, tail: q.length >= 6 ? 1 : 0, n: [...q].length });
  const phone = (t: string, e: 0 | 1) => (left: number) => st.phone[e](left).all({ tail4: t.slice(-4), tail: t, n: t.length });
  return {
    room: (r: { building: string; unit: string; room: string }) => houses(roomCoded.all({ ...r, end: r.room + END })),
    /** 4 digits: a room number, a phone tail and a plate fragment */
    digits: (d: string) =>
      until([() => roomBare.all({ room: d, end: d + END }), phone(d, 0), plate(d), phone(d, 1)], (rows, i) => (i === 0 ? houses(rows) : rows.length)),
    name,
    letters,
    plate: (q: string) => plate(q)().length,
  };
}

interface Inputs {
  rooms: Array<{ building: string; unit: string; room: string }>;
  roomNumbers: string[];
  surnames: string[];
  names2: string[];
  names3: string[];
  initials: string[];
  tails: string[];
  plates: string[];
}

/** Inputs drawn from the reference data as staff would type them: a person picked at random, so common surnames come up as often as at the counter. */
function draw(sqlite: Database.Database): Inputs {
  const rng = new Rng(2026);
  const pick = <T>(all: T[]) => Array.from({ length: INPUTS }, () => all[rng.int(0, all.length - 1)]);
  const people = sqlite.prepare(`select name, name_initials, phone from people where voided_at is null`).all() as Array<{
    name: string;
    name_initials: string;
    phone: string | null;
  }>;
  const ofLength = (n: number) => people.filter((p) => [...p.name].length === n).map((p) => p.name);
  const rooms = sqlite
    .prepare(
      `select b.code as building, u.code as unit, h.room_no as room from houses h join buildings b on b.id = h.building_id join units u on u.id = h.unit_id where h.voided_at is null`,
    )
    .all() as Inputs['rooms'];
  return {
    rooms: pick(rooms),
    roomNumbers: pick(sqlite.prepare(`select room_no from houses where voided_at is null and room_no glob '[0-9][0-9][0-9][0-9]'`).pluck().all() as string[]),
    surnames: pick(people.map((p) => [...p.name][0])),
    names2: pick(ofLength(2)),
    names3: pick(ofLength(3)),
    initials: pick(people.map((p) => p.name_initials).filter((i) => i.length >= 2)),
    tails: pick(people.filter((p) => p.phone).map((p) => (p.phone ?? '').slice(-4))),
    plates: pick(sqlite.prepare('select plate_norm from vehicles where voided_at is null').pluck().all() as string[]),
  };
}

/** Each kind: the text typed, and the raw client's reads for the same answer. */
function cases(inputs: Inputs, raw: ReturnType<typeof rawClient>): Record<Kind, Array<{ text: string; raw: () => number }>> {
  return {
    room: inputs.rooms.map((r) => ({ text: `${r.building}-${r.unit}-${r.room}`, raw: () => raw.room(r) })),
    roomLong: inputs.rooms.map((r) => ({ text: `${r.building}栋${r.unit}单元${r.room}`, raw: () => raw.room(r) })),
    roomNumber: inputs.roomNumbers.map((d) => ({ text: d, raw: () => raw.digits(d) })),
    surname1: inputs.surnames.map((q) => ({ text: q, raw: () => raw.name(q) })),
    name2: inputs.names2.map((q) => ({ text: q, raw: () => raw.name(q) })),
    name3: inputs.names3.map((q) => ({ text: q, raw: () => raw.name(q) })),
    pinyin: inputs.initials.map((l) => ({ text: l, raw: () => raw.letters(l) })),
    phoneTail: inputs.tails.map((d) => ({ text: d, raw: () => raw.digits(d) })),
    plate: inputs.plates.map((q) => ({ text: q, raw: () => raw.plate(q) })),
  };
}

async function estateOf(core: Core): Promise<number> {
  return Number(core.ctx.sqlite.prepare('select id from estates order by id limit 1').pluck().get());
}

export async function lookupBench(file: string): Promise<Record<Kind, Figure>> {
  const core = await createCore({ file }, { kind: 'harness' }, noSave);
  try {
    const estateId = await estateOf(core);
    const raw = rawClient(core.ctx.sqlite);
    const all = cases(draw(core.ctx.sqlite), raw);
    const out = {} as Record<Kind, Figure>;
    for (const [kind, list] of Object.entries(all) as Array<[Kind, (typeof all)[Kind]]>) {
      // honest baseline: the raw reads find as many rows as the app shows hits
      for (const c of list) {
        const hits = await lookup(core.ctx, c.text, LIMIT, estateId);
        const answers = c.raw();
        if (hits.length !== Math.min(LIMIT, answers)) throw new Error(`${kind} ${c.text}: ${hits.length} hits, raw ${answers}`);
      }
      out[kind] = await figure(
        list,
        (c) => lookup(core.ctx, c.text, LIMIT, estateId),
        (c) => c.raw(),
        RUNS,
      );
    }
    return out;
  } finally {
    await core.close();
  }
}

/** The lookup as it was before migration 0010 (tests/unit/search/oracle.ts), on the same inputs: for docs/PERFORMANCE.md. */
async function beforeIndexes(file: string): Promise<Record<Kind, number>> {
  const core = await createCore({ file }, { kind: 'harness' }, noSave);
  try {
    const estateId = await estateOf(core);
    const all = cases(draw(core.ctx.sqlite), rawClient(core.ctx.sqlite));
    const out = {} as Record<Kind, number>;
    for (const [kind, list] of Object.entries(all) as Array<[Kind, (typeof all)[Kind]]>)
      out[kind] = Math.round(p95(await samples(list, (c) => oldLookup(core.ctx, c.text, LIMIT, estateId), 100, 5)) * 1000) / 1000;
    return out;
  } finally {
    await core.close();
  }
}

/**
 * What the search indexes cost a bulk write: 20,000 people inserted in one transaction (as the roster
 * import writes them) with migration 0010's triggers and phone-tail index, without the triggers, and
 * without either; each rolled back, median of 5.
 */
function triggerCost(sqlite: Database.Database): Record<'withIndexes' | 'withIndexesTempFile' | 'withoutTriggers' | 'withoutEither', number> {
  const rng = new Rng(7);
  const stamp = new Date().toISOString();
  const rows = Array.from({ length: 20_000 }, (_, i) => {
    const name = ['王', '李', '张', '欧阳', '陈'][i % 5] + ['小明', '丽', '建国', '娜', '伟'][rng.int(0, 4)];
    const phone = `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    return { name, ...personSearchFields(name, phone), phone, stamp };
  });
  const insert = sqlite.prepare(
    `insert into people (name, name_initials, name_pinyin, phone, phone_digits, created_at, updated_at) values (@name, @name_initials, @name_pinyin, @phone, @phone_digits, @stamp, @stamp)`,
  );
  const time = () => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      sqlite.exec('begin');
      for (const r of rows) insert.run(r);
      ms.push(performance.now() - t);
      sqlite.exec('rollback');
    }
    return Math.round(median(ms));
  };
  const withIndexes = time();
  // as before temp_store=MEMORY (electron/core/db/connection.ts): each insert's statement journal a temp file
  sqlite.pragma('temp_store = FILE');
  const withIndexesTempFile = time();
  sqlite.pragma('temp_store = MEMORY');
  const triggers = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'people' and name like 'people_keys_%'`)
    .all() as Array<{
    name: string;
    sql: string;
  }>;
  for (const t of triggers) sqlite.exec(`drop trigger ${t.name}`);
  const withoutTriggers = time();
  sqlite.exec('drop index people_phone_tail');
  const withoutEither = time();
  sqlite.exec('create index people_phone_tail on people (substr(phone_digits, -4))');
  for (const t of triggers) sqlite.exec(t.sql);
  return { withIndexes, withIndexesTempFile, withoutTriggers, withoutEither };
}

if (process.argv[1] && /lookup-bench\.ts$/.test(process.argv[1])) {
  const { file, dir } = await referenceCopy();
  try {
    const figures = await lookupBench(file);
    const before = await beforeIndexes(file);
    const core = await createCore({ file }, { kind: 'harness' }, noSave);
    const insert20k = triggerCost(core.ctx.sqlite);
    await core.close();
    for (const [k, f] of Object.entries(figures) as Array<[Kind, Figure]>)
      console.log(
        `${k.padEnd(11)} app p95 ${f.p95Ms.toFixed(3)} ms  raw p95 ${f.rawP95Ms.toFixed(3)} ms  ×${(f.p95Ms / f.rawP95Ms).toFixed(2)}  (before: ${before[k]} ms)`,
      );
    console.log(
      `20,000 people inserted: ${insert20k.withIndexes} ms with the search triggers and index (${insert20k.withIndexesTempFile} ms with temp files), ${insert20k.withoutTriggers} ms without the triggers, ${insert20k.withoutEither} ms without either`,
    );
    console.log(JSON.stringify({ lookup: figures, before, insert20k }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
