// Issue 11: 916 refusals read as zod's stock wording with English type names ("无效输入：期望 string，
// 实际接收 数字"). Every refusal a schema leaves unworded now reads as Chinese: type names translated,
// lengths in 字 and 项, the options of a choice listed. Checked over every channel of the contract.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, channels } from '../../../shared/contract';
import { zodToFields } from '../../../electron/core/dispatch';
import { tempCore } from '../helpers/temp-core';

/** zod's English and its zh-CN locale's stock phrases, and English type names */
const STOCK =
  /expected|received|invalid|instanceof|\b(string|number|boolean|undefined|object|array|int|bigint|nan|null)\b|期望|实际接收|无效输入|无效选项|数值过大|数值过小|键\(key\)/i;
const HAN = /\p{Script=Han}/u;

/** the top-level keys of an input schema (through pipes, refinements, defaults) */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; in?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'pipe' && def.in) return keysOf(def.in);
  if (def.innerType) return keysOf(def.innerType);
  return [];
}

const WRONG: unknown[] = [12345, -1, 1.5, 'garbage', '', 'x'.repeat(100_000), [], [1, 'a'], {}, { a: 1 }, true, null, Number.NaN, '2026-13-45'];

function messagesFor(channel: (typeof channels)[number]): { payload: unknown; message: string }[] {
  const schema = contract[channel].input as z.ZodType;
  const payloads: unknown[] = ['x', 5, [], true, { unknownKey: 1 }];
  for (const key of keysOf(schema)) for (const v of WRONG) payloads.push({ [key]: v });
  const out: { payload: unknown; message: string }[] = [];
  for (const payload of payloads) {
    const r = schema.safeParse(payload);
    if (r.success) continue;
    for (const issue of r.error.issues) out.push({ payload, message: issue.message });
    out.push({ payload, message: zodToFields(r.error).message });
  }
  return out;
}

describe('every refusal of every channel reads as Chinese', () => {
  it('no stock zod wording, no English type name, a Chinese character in each message', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const channel of channels) {
      for (const { payload, message } of messagesFor(channel)) {
        checked++;
        if (STOCK.test(message) || !HAN.test(message)) bad.push(`${channel} ${JSON.stringify(payload).slice(0, 80)} → ${message}`);
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(bad.slice(0, 20)).toEqual([]);
  });
});

describe('the words used', () => {
  const one = (schema: z.ZodType, v: unknown) => {
    const r = schema.safeParse(v);
    return r.success ? null : r.error.issues[0].message;
  };
  it('types', () => {
    expect(one(z.object({ id: z.number() }), { id: 'x' })).toBe('应为数字，收到的是文本');
    expect(one(z.string(), 5)).toBe('应为文本，收到的是数字');
    expect(one(z.boolean(), 'yes')).toBe('应为“是/否”，收到的是文本');
    expect(one(z.array(z.string()), {})).toBe('应为列表，收到的是对象');
    expect(one(z.object({}), [])).toBe('应为对象，收到的是列表');
    expect(one(z.object({ a: z.string() }), {})).toBe('请填写此项');
    expect(one(z.string(), null)).toBe('此项不能为空');
    expect(one(z.number().int(), 1.5)).toBe('应为整数');
    expect(one(z.number(), Number.POSITIVE_INFINITY)).toBe('应为数字，收到的是无穷大');
    expect(one(z.union([z.string(), z.number()]), true)).toBe('应为文本或数字，收到的是“是/否”');
  });
  it('sizes in 字 and 项, numbers with their bound', () => {
    expect(one(z.string().max(20), 'x'.repeat(21))).toBe('不超过20字');
    expect(one(z.string().min(1), '')).toBe('请填写此项');
    expect(one(z.string().min(6), 'abc')).toBe('至少6字');
    expect(one(z.array(z.number()).max(9), Array(10).fill(1))).toBe('最多9项');
    expect(one(z.array(z.number()).min(1), [])).toBe('请至少选择一项');
    expect(one(z.number().max(500), 501)).toBe('不能大于500');
    expect(one(z.number().positive(), 0)).toBe('应大于0');
    expect(one(z.number().min(1), 0)).toBe('不能小于1');
    expect(one(z.number().int(), 2 ** 60)).toBe('数字过大');
    expect(one(z.number().multipleOf(0.01), 1.234)).toBe('最多2位小数');
  });
  it('choices listed, unknown items named', () => {
    expect(one(z.enum(['电话', '上门', '微信']), '传真')).toBe('请从以下选择：「电话」、「上门」、「微信」');
    expect(one(z.literal('已完成'), 'x')).toBe('应为「已完成」');
    // the program's own codes are picked from a list in the window, never typed: not listed
    expect(one(z.literal('moveInPacket'), 'x')).toBe('请从列表中选择');
    expect(one(z.enum(['receivedAt', 'due']), 'x')).toBe('请从列表中选择');
    expect(one(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toBe('含有不认识的项：「b」');
    expect(one(z.string().regex(/^\d+$/), 'x')).toBe('格式不正确');
  });
});

describe('through the dispatcher', () => {
  it('a call with wrong types is answered in these words, field by field', async () => {
    const core = await tempCore();
    try {
      const r = await core.dispatch('desk.tickets.list', { limit: 'x', status: 5 });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.fields).toEqual({ status: '应为列表，收到的是数字', limit: '应为数字，收到的是文本' });
        expect(r.error.message).toBe('输入有误：应为列表，收到的是数字');
      }
    } finally {
      await core.cleanup();
    }
  });
});
