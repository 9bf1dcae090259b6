import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { seedDemo } from '../../../electron/core/demo/generate';
import { seedTickets } from '../../../electron/core/desk/bench-seed';
import { TICKET_STATUSES, type TicketDetailT, type TicketPage } from '../../../shared/contract/desk';
import type { z } from 'zod';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let estateId: number;
const NOW = new Date('2026-11-20T06:00:00.000Z'); // Friday 14:00 in Shanghai

const indexes = () =>
  core.ctx.sqlite
    .prepare("select name from sqlite_master where type = 'index' and tbl_name in ('tickets', 'ticket_events', 'ticket_holds', 'callbacks') order by name")
    .pluck()
    .all() as string[];

beforeEach(async () => {
  core = await tempCore();
  core.ctx.now = () => NOW;
  ({ estateId } = await seedDemo(core.ctx, { houses: 60, seed: 5 }));
});
afterEach(async () => {
  await core.cleanup();
});

describe('seedTickets (bulk tickets for benchmarks)', () => {
  it('inserts realistic tickets with their events, and leaves every index in place', async () => {
    const before = indexes();
    expect(seedTickets(core.ctx.sqlite, { count: 4000, estateId, now: NOW })).toBe(4000);
    expect(indexes()).toEqual(before);
    const q = (sql: string) => core.ctx.sqlite.prepare(sql).pluck().get() as number;
    expect(q('select count(*) from tickets')).toBe(4000);
    expect(q('select count(*) from ticket_events')).toBe(4000);
    expect(q("select count(*) from tickets where no not glob '[A-Z][A-Z][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'")).toBe(0);
    expect(q(`select count(*) from tickets where received_at > '${NOW.toISOString()}'`)).toBe(0);
    const statuses = core.ctx.sqlite.prepare('select distinct status from tickets').pluck().all() as string[];
    for (const s of statuses) expect(TICKET_STATUSES).toContain(s);
    // the lifecycle is spread: open, waiting for a callback, closed, on hold (with its hold row)
    for (const s of ['已受理', '已派工', '处理中', '已完成', '已关闭']) expect(statuses).toContain(s);
    expect(q("select count(*) from tickets where status = '挂起'")).toBe(q('select count(*) from ticket_holds where end_at is null'));
    // ids follow time, as at a real desk
    expect(q('select count(*) from tickets a join tickets b on b.id = a.id + 1 where b.received_at < a.received_at')).toBe(0);
    expect(q('select count(*) from tickets where house_id is not null')).toBeGreaterThan(3000);
  });

  it('stores deadlines that agree with the SLA the list computes: every overdue row is overdue', async () => {
    seedTickets(core.ctx.sqlite, { count: 4000, estateId, now: NOW });
    const page = (await must(core.dispatch('desk.tickets.list', { due: 'overdue', sort: 'due', limit: 500 }) as never)) as z.infer<typeof TicketPage>;
    expect(page.total).toBeGreaterThan(0);
    for (const r of page.rows) expect(r.sla.state).toBe('overdue');
  });

  it('continues ticket numbers: a second batch and the counter do not collide', async () => {
    seedTickets(core.ctx.sqlite, { count: 3000, estateId, now: NOW, seed: 1 });
    seedTickets(core.ctx.sqlite, { count: 3000, estateId, now: NOW, seed: 2 });
    expect(core.ctx.sqlite.prepare('select count(distinct no) from tickets').pluck().get()).toBe(6000);
    const today = core.ctx.sqlite.prepare("select max(cast(substr(no, 12) as integer)) from tickets where no like 'TS20261120-%'").pluck().get() as number;
    expect(today).toBeGreaterThan(0);
    const created = (await must(
      core.dispatch('desk.tickets.create', {
        type: '投诉',
        channel: '电话',
        location: '南门广场',
        category: '噪音扰民',
        urgency: '一般',
        description: '广场舞音乐太吵',
      }) as never,
    )) as TicketDetailT;
    expect(created.ticket.no).toBe(`TS20261120-${String(today + 1).padStart(3, '0')}`);
  });
});
