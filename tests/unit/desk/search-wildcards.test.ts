// Issue 11: a % or _ typed into a search box never matched (LIKE without ESCAPE: the backslash put
// before them was a plain character, so "%" looked for a backslash). Typed characters match themselves,
// in the ticket list (both the scan and the trigram route) and in the people finder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import type { TicketDetailT, TicketPage } from '../../../shared/contract/desk';
import type { z } from 'zod';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const ids: Record<string, number> = {};
beforeAll(async () => {
  core = await tempCore();
  await must(core.dispatch('system.setup', { estateName: '测试花园', phone: null, address: null, demo: true, houses: 20 }) as never);
  const texts = { percent: '优惠100%到账了', underscore: '编号a_b的设备', plain: '编号axb的设备', backslash: '路径x\\y打不开', other: '普通的报修' };
  for (const [key, description] of Object.entries(texts)) {
    const t = (await must(
      core.dispatch('desk.tickets.create', { type: '咨询', channel: '电话', location: '大堂', category: '其他', urgency: '一般', description }) as never,
    )) as TicketDetailT;
    ids[key] = t.ticket.id;
  }
});
afterAll(async () => {
  await core.cleanup();
});

const found = async (text: string) => {
  const page = (await must(core.dispatch('desk.tickets.list', { text }) as never)) as z.infer<typeof TicketPage>;
  return page.rows.map((r) => r.id).sort((a, b) => a - b);
};

describe('ticket search', () => {
  it('a typed % or _ matches itself, short (a scan) or long (the trigram index)', async () => {
    expect(await found('%')).toEqual([ids.percent]);
    expect(await found('_')).toEqual([ids.underscore]);
    expect(await found('0%')).toEqual([ids.percent]);
    expect(await found('100%')).toEqual([ids.percent]);
    expect(await found('a_b')).toEqual([ids.underscore]);
    expect(await found('号a_b的')).toEqual([ids.underscore]);
  });

  it('a backslash is a character like any other', async () => {
    expect(await found('\\')).toEqual([ids.backslash]);
    expect(await found('x\\y')).toEqual([ids.backslash]);
  });

  it('ordinary text finds what it did', async () => {
    expect(await found('设备')).toEqual([ids.underscore, ids.plain].sort((a, b) => a - b));
    expect(await found('axb')).toEqual([ids.plain]);
    expect(await found('报修')).toEqual([ids.other]);
  });
});

describe('people finder', () => {
  it('"张_" or "张%" finds no one called 张三: the wildcard is taken as typed', async () => {
    const person = core.ctx.sqlite.prepare('select name from people where voided_at is null and length(name) >= 2 order by id limit 1').get() as {
      name: string;
    };
    const surname = person.name.slice(0, 1);
    const plain = (await must(core.dispatch('archives.people.find', { query: surname }) as never)) as { person: { name: string } }[];
    expect(plain.length).toBeGreaterThan(0);
    for (const query of [`${surname}_`, `${surname}%`, `%${surname}`, `${surname}%${person.name.slice(1)}`]) {
      const r = (await must(core.dispatch('archives.people.find', { query }) as never)) as { person: { name: string } }[];
      expect(
        r.map((p) => p.person.name),
        query,
      ).toEqual([]);
    }
  });
});
