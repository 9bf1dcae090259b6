// Issue 11 item 6: every channel of the contract, fed malformed and random payloads, answers ok:false
// with a Chinese message (no stack, no English zod wording) and changes nothing in the database.
// The payloads are invalid by construction (a field of the wrong type, out of its bounds, an unknown key
// on a strict object, a root that is no object) and checked against the channel's own schema, so no
// handler runs: print, dialogs and files are never reached. A second part calls real handlers with
// well-formed calls naming records that do not exist. One seed per run, printed on failure:
// FUZZ_SEED=<seed> replays it.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { contract, channels, type Channel } from '../../../shared/contract';
import { tempCore, must } from '../helpers/temp-core';

const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 2_147_483_647;
/** calls per channel: about 400 in all over ~100 channels, a few seconds on a shared 2-core machine (FUZZ_RUNS=200 for a longer hunt) */
const RUNS = Number(process.env.FUZZ_RUNS) || 4;

/** zod's English, its zh-CN locale's stock phrases, English type names, and what a stack looks like */
const STOCK = /expected|received|invalid|instanceof|\b(string|number|boolean|undefined|object|array|int|bigint|nan|null)\b|期望|实际接收|无效输入|无效选项/i;
const STACK = /\n\s*at |\bat \S+ \(|Error:|node_modules|\.[cm]?[jt]s:\d+/;
const HAN = /\p{Script=Han}/u;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

/** what is wrong with an answer to a call that must be refused, or null */
function refusalProblem(r: Answer): string | null {
  if (r.ok) return '调用被接受了';
  const { code, message, fields } = r.error;
  if (code === 'INTERNAL') return `程序内部错误：${message}`;
  for (const text of [message, ...Object.values(fields ?? {})]) {
    if (typeof text !== 'string' || !HAN.test(text)) return `不是中文：${String(text)}`;
    if (STOCK.test(text)) return `zod 的原话或英文类型名：${text}`;
    if (STACK.test(text)) return `带着调用栈：${text}`;
  }
  return null;
}

/** a content hash of every table (rows sorted, so the order SQLite returns them in does not matter) */
function dbHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    const rows = sqlite
      .prepare(`select * from "${t.replace(/"/g, '""')}"`)
      .raw()
      .all()
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? v.toString() : v)));
    rows.sort();
    hash.update(`${t}\n${rows.join('\n')}\n`);
  }
  return hash.digest('hex');
}

// ---- invalid payloads, from each schema's own definition
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: z.ZodType[];
  catchall?: z.ZodType;
  discriminator?: string;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const bagOf = (s: z.ZodType) => (s as unknown as { _zod: { bag: { maximum?: number; minimum?: number } } })._zod.bag;

/** through optional, nullable, default, readonly and pipes (optText's transform) to the schema that checks the value */
function core(s: z.ZodType): z.ZodType {
  const d = defOf(s);
  if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type) && d.innerType) return core(d.innerType);
  if (d.type === 'pipe' && d.in) return core(d.in);
  return s;
}

const text = fc.string({ maxLength: 12 });
const anyJson = fc.jsonValue({ maxDepth: 2 });
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(text, fc.integer(), { maxKeys: 2 }));
const notNumber = fc.oneof(text, fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '12'));
const notArray = fc.oneof(text, fc.integer(), fc.boolean(), fc.dictionary(text, fc.integer(), { maxKeys: 2 }));
const notObject = fc.oneof(text, fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }));

/** values this field refuses (null when its type cannot be told: a union, unknown) */
function wrongFor(field: z.ZodType): fc.Arbitrary<unknown> | null {
  const s = core(field);
  const d = defOf(s);
  const bag = bagOf(s);
  switch (d.type) {
    case 'string': {
      const wrong: fc.Arbitrary<unknown>[] = [notString];
      if (typeof bag.maximum === 'number' && bag.maximum < 1_000_000)
        wrong.push(fc.integer({ min: bag.maximum + 1, max: bag.maximum + 300 }).map((n) => '字'.repeat(n)));
      return fc.oneof(...wrong);
    }
    case 'number': {
      const wrong: fc.Arbitrary<unknown>[] = [notNumber];
      if (typeof bag.maximum === 'number' && bag.maximum < Number.MAX_SAFE_INTEGER)
        wrong.push(fc.integer({ min: 1, max: 1_000_000 }).map((n) => bag.maximum! + n));
      if (typeof bag.minimum === 'number' && bag.minimum > Number.MIN_SAFE_INTEGER)
        wrong.push(fc.integer({ min: 1, max: 1_000_000 }).map((n) => bag.minimum! - n));
      return fc.oneof(...wrong);
    }
    case 'boolean':
      return fc.oneof(text, fc.integer());
    case 'array':
      return notArray;
    case 'object':
    case 'record':
      return notObject;
    case 'enum': {
      const values = Object.values(d.entries ?? {});
      return fc.oneof(
        text.filter((v) => !values.includes(v)),
        fc.integer(),
      );
    }
    case 'literal':
      return fc.oneof(
        text.filter((v) => !(d.values ?? []).includes(v)),
        fc.integer(),
      );
    default:
      return null;
  }
}

/** invalid payloads for a channel's input schema */
function invalidPayloads(schema: z.ZodType): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const kinds: fc.Arbitrary<unknown>[] = [
    // a root that is no object (null and undefined are read as {} by the dispatcher)
    fc.oneof(text, fc.integer(), fc.boolean(), fc.array(anyJson, { maxLength: 3 })),
  ];
  if (d.type === 'object' && d.shape) {
    const shape = d.shape;
    const keys = Object.keys(shape);
    const fields = keys.map((k) => ({ key: k, wrong: wrongFor(shape[k]) })).filter((f): f is { key: string; wrong: fc.Arbitrary<unknown> } => f.wrong !== null);
    if (fields.length) {
      // one field of the wrong type or out of bounds, the others anything at all
      kinds.push(
        fc
          .tuple(fc.constantFrom(...fields), fc.dictionary(fc.constantFrom(...keys), anyJson, { maxKeys: keys.length }))
          .chain(([f, rest]) => f.wrong.map((bad) => ({ ...rest, [f.key]: bad }))),
      );
    }
    // a key the schema does not know, on a strict object
    if (d.catchall && defOf(d.catchall).type === 'never')
      kinds.push(
        fc.dictionary(
          text.map((k) => `x_${k}`),
          anyJson,
          { minKeys: 1, maxKeys: 3 },
        ),
      );
  }
  if (d.type === 'union' && d.discriminator) {
    const tags = (d.options ?? []).flatMap((o) => {
      const tag = defOf(o).shape?.[d.discriminator!];
      return tag ? (defOf(core(tag)).values ?? []) : [];
    });
    kinds.push(
      fc.record({
        [d.discriminator]: fc.oneof(
          text.filter((v) => !tags.includes(v)),
          fc.integer(),
        ),
      }),
    );
  }
  return fc.oneof(...kinds);
}

type Core = Awaited<ReturnType<typeof tempCore>>;
let core_: Core;
beforeAll(async () => {
  core_ = await tempCore();
  await must(core_.dispatch('system.setup', { estateName: '测试花园', phone: '0571-88886666', address: null, demo: true, houses: 20 }) as never);
  const houseId = (core_.ctx.sqlite.prepare('select id from houses order by id limit 1').get() as { id: number }).id;
  await must(
    core_.dispatch('desk.tickets.create', { type: '报修', channel: '电话', houseId, category: '工程维修', urgency: '一般', description: '厨房漏水' }) as never,
  );
});
afterAll(async () => {
  await core_?.cleanup();
});

const replay = `（重现：FUZZ_SEED=${SEED} npx vitest run tests/unit/fuzz/channels.test.ts）`;

describe(`every channel refuses malformed and random payloads in Chinese, changing nothing (seed ${SEED})`, () => {
  it('covers every channel of the contract, and its hash sees a write', async () => {
    expect(channels.length).toBeGreaterThan(80);
    // the test's own check: one accepted note changes the hash (on a copy of the core: the fuzzed one stays as set up)
    const other = await tempCore();
    try {
      await must(other.dispatch('system.setup', { estateName: '对照', phone: null, address: null, demo: false }) as never);
      const t = (await must(
        other.dispatch('desk.tickets.create', {
          type: '咨询',
          channel: '电话',
          location: '大堂',
          category: '其他',
          urgency: '一般',
          description: '问路',
        }) as never,
      )) as { ticket: { id: number } };
      const before = dbHash(other.ctx.sqlite);
      await must(other.dispatch('desk.tickets.addNote', { id: t.ticket.id, note: '已答复' }) as never);
      expect(dbHash(other.ctx.sqlite)).not.toBe(before);
    } finally {
      await other.cleanup();
    }
  });

  it.each(channels.map((c, i) => [c, i] as const))('%s', async (channel: Channel, index: number) => {
    const schema = contract[channel].input as z.ZodType;
    const before = dbHash(core_.ctx.sqlite);
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(invalidPayloads(schema), async (payload) => {
        // only what the channel's own schema refuses: a payload that happens to be valid is not this test's
        fc.pre(!schema.safeParse(payload).success);
        calls++;
        const answer = (await core_.dispatch(channel, payload)) as Answer;
        const problem = refusalProblem(answer);
        if (problem) throw new Error(`${channel} ${JSON.stringify(payload)?.slice(0, 200)}：${problem}${replay}`);
      }),
      { seed: SEED + index, numRuns: RUNS },
    );
    expect(calls).toBeGreaterThan(0);
    expect(dbHash(core_.ctx.sqlite), `${channel} 改动了数据库${replay}`).toBe(before);
  });
});

describe(`well-formed calls naming records that do not exist reach the handlers and are refused (seed ${SEED})`, () => {
  const missing = fc.integer({ min: 1_000_000, max: 2_147_483_647 });
  const reason = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `原因${s}`);
  const calls: [Channel, fc.Arbitrary<unknown>][] = [
    ['desk.tickets.get', fc.record({ id: missing })],
    ['desk.tickets.addNote', fc.record({ id: missing, note: reason })],
    ['desk.tickets.transition', fc.record({ id: missing, action: fc.constantFrom('dispatch', 'start', 'void', 'hold'), reason })],
    ['desk.callbacks.record', fc.record({ ticketId: missing, method: fc.constant('电话'), resolved: fc.boolean() })],
    ['desk.attachments.get', fc.record({ id: missing })],
    ['archives.household.get', fc.record({ houseId: missing })],
    ['archives.houses.void', fc.record({ id: missing, reason })],
    ['archives.vehicles.void', fc.record({ id: missing, reason })],
    ['archives.parking.void', fc.record({ id: missing, reason })],
    ['notices.get', fc.record({ id: missing })],
    ['notices.void', fc.record({ id: missing, reason })],
    ['renovation.get', fc.record({ id: missing })],
    ['renovation.start', fc.record({ id: missing })],
    ['moveout.check', fc.record({ id: missing })],
    ['movein.handover.void', fc.record({ id: missing, reason })],
    ['imports.roster.commit', fc.record({ token: fc.string({ minLength: 1, maxLength: 40 }) })],
    ['imports.ledger.commit', fc.record({ token: fc.string({ minLength: 1, maxLength: 40 }) })],
  ];

  it.each(calls.map(([c, arb], i) => [c, arb, i] as const))('%s', async (channel: Channel, payloads: fc.Arbitrary<unknown>, index: number) => {
    const schema = contract[channel].input as z.ZodType;
    const before = dbHash(core_.ctx.sqlite);
    await fc.assert(
      fc.asyncProperty(payloads, async (payload) => {
        // these are meant to pass the schema: the refusal comes from the handler
        if (!schema.safeParse(payload).success) throw new Error(`${channel} ${JSON.stringify(payload)}：不符合通道格式，测试本身有误`);
        const answer = (await core_.dispatch(channel, payload)) as Answer;
        const problem = refusalProblem(answer);
        if (problem) throw new Error(`${channel} ${JSON.stringify(payload)?.slice(0, 200)}：${problem}${replay}`);
      }),
      { seed: SEED + 1000 + index, numRuns: Math.max(3, RUNS - 1) },
    );
    expect(dbHash(core_.ctx.sqlite), `${channel} 改动了数据库${replay}`).toBe(before);
  });
});
