// Issue 11: dates and times in calls are real ones in years the app can compute with. A calendar date
// must exist (no 2026-13-45, no 2026-02-31) and fall in 1900–2100; an instant must be an ISO time as the
// window sends it (Date would read "5" as May 2001, and "+275760-09-13" as a date).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateStr, Instant } from '../../../shared/contract/common';
import { tempCore, must } from '../helpers/temp-core';

const message = (schema: typeof DateStr | typeof Instant, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error.issues[0].message;
};

describe('DateStr', () => {
  it('takes real days from 1900 to 2100', () => {
    for (const d of ['2024-02-29', '1900-01-01', '2100-12-31', '2026-03-15']) expect(message(DateStr, d)).toBeNull();
  });
  it('refuses impossible days and years the app cannot mean, in Chinese', () => {
    expect(message(DateStr, '2026-13-45')).toBe('没有这一天，请核对日期');
    expect(message(DateStr, '2026-02-31')).toBe('没有这一天，请核对日期');
    expect(message(DateStr, '2025-02-29')).toBe('没有这一天，请核对日期');
    expect(message(DateStr, '2026-00-10')).toBe('没有这一天，请核对日期');
    for (const d of ['0000-01-01', '0100-03-01', '1899-12-31', '2101-01-01', '9999-12-31']) expect(message(DateStr, d)).toBe('年份应在1900至2100之间');
    expect(message(DateStr, '2026/03/15')).toBe('日期格式应为 年-月-日，如 2026-03-15');
    expect(message(DateStr, 20260315)).toBe('请填写日期，如 2026-03-15');
  });
});

describe('Instant', () => {
  it('takes ISO instants as the window sends them, with Z or an offset', () => {
    for (const v of ['2026-03-15T01:30:00.000Z', '2026-03-15T09:30:00+08:00', '2026-03-15T01:30Z', '2024-02-29T23:59:59Z'])
      expect(message(Instant, v)).toBeNull();
  });
  it('refuses what Date would guess at, impossible days and far years', () => {
    for (const v of [
      '5',
      '2026',
      'garbage',
      '2026-03-15',
      '2026-03-15 09:30',
      '2026-03-15T09:30:00',
      '+275760-09-13T00:00:00.000Z',
      '2026-02-31T10:00:00Z',
      '2026-03-15T24:00:00Z',
    ])
      expect(message(Instant, v)).toBe('时间无效，请重新选择日期和时间');
    expect(message(Instant, '2999-01-01T00:00:00Z')).toBe('年份应在1900至2100之间');
  });
});

describe('through the channels', () => {
  let core: Awaited<ReturnType<typeof tempCore>>;
  let houseId = 0;
  beforeAll(async () => {
    core = await tempCore();
    await must(core.dispatch('system.setup', { estateName: '测试花园', phone: null, address: null, demo: true, houses: 20 }) as never);
    houseId = (core.ctx.sqlite.prepare('select id from houses order by id limit 1').get() as { id: number }).id;
  });
  afterAll(async () => {
    await core.cleanup();
  });
  const count = (table: string) => (core.ctx.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

  it('a communication at "5" (read by Date as May 2001) or on 2026-02-31 is refused and not written', async () => {
    const before = count('communications');
    for (const at of ['5', '2026-02-31T10:00:00Z', '+275760-09-13T00:00:00.000Z', '1800-01-01T00:00:00Z']) {
      const r = await core.dispatch('archives.communications.add', { houseId, channel: '电话', summary: '询问', staff: '小陈', at });
      expect(r.ok, at).toBe(false);
      if (!r.ok) expect(r.error.fields?.at).toMatch(/时间无效|年份应在/);
    }
    expect(count('communications')).toBe(before);
    await must(
      core.dispatch('archives.communications.add', { houseId, channel: '电话', summary: '询问', staff: '小陈', at: '2026-11-01T02:00:00.000Z' }) as never,
    );
    expect(count('communications')).toBe(before + 1);
  });

  it('a ticket list from 2026-02-31 or a visit in year +275760 is refused by the contract', async () => {
    const list = await core.dispatch('desk.tickets.list', { from: '2026-02-31' });
    expect(!list.ok && list.error.fields?.from).toBe('没有这一天，请核对日期');
    const visit = await core.dispatch('desk.tickets.create', {
      type: '报修',
      channel: '电话',
      houseId,
      category: '工程维修',
      urgency: '一般',
      description: '漏水',
      expectedVisitAt: '+275760-09-13T00:00:00.000Z',
    });
    expect(!visit.ok && visit.error.fields?.expectedVisitAt).toBe('时间无效，请重新选择日期和时间');
    expect(count('tickets')).toBe(0);
  });
});
