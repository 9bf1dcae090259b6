import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { tempCore, must } from '../helpers/temp-core';
import { seedDemo } from '../../../electron/core/demo/generate';
import { seedTickets } from '../../../electron/core/desk/bench-seed';
import { COUNT_CAP } from '../../../electron/core/desk/list';
import type { DashboardT, DeskConfigT, TicketDetailT, TicketPage } from '../../../shared/contract/desk';
import type { Input } from '../../../shared/contract';
import type { z } from 'zod';

// Issue 10 (docs/PERFORMANCE.md): the lists, dashboard and intake rewritten for speed give the answers a
// straightforward query gives, on a seeded set with holds, reopened, closed and voided tickets.
type Core = Awaited<ReturnType<typeof tempCore>>;
type Page = z.infer<typeof TicketPage>;
let core: Core;
let estateId: number;
const NOW = new Date('2026-11-20T06:00:00.000Z'); // Friday 14:00 in Shanghai
const RUNNING = "('已受理','已派工','处理中')";

const list = (input: Input<'desk.tickets.list'>) => must(core.dispatch('desk.tickets.list', input) as never) as Promise<Page>;
const ids = (sql: string, ...args: unknown[]) =>
  core.ctx.sqlite
    .prepare(sql)
    .pluck()
    .all(...args) as number[];
const one = (sql: string, ...args: unknown[]) =>
  core.ctx.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number;
const str = (sql: string) => core.ctx.sqlite.prepare(sql).pluck().get() as string;
const create = (extra: Record<string, unknown> = {}) =>
  must(
    core.dispatch('desk.tickets.create', {
      type: '报修',
      channel: '电话',
      location: '2号楼大堂',
      category: '工程维修',
      urgency: '一般',
      description: '大堂灯不亮',
      ...extra,
    }) as never,
  ) as Promise<TicketDetailT>;

beforeEach(async () => {
  core = await tempCore();
  core.ctx.now = () => NOW;
  ({ estateId } = await seedDemo(core.ctx, { houses: 60, seed: 5 }));
});
afterEach(async () => {
  await core.cleanup();
});

describe('overdue and due-soon lists (two halves on their partial indexes)', () => {
  it('give the rows, order and totals of the plain OR query, with holds, reopened, closed and voided tickets', async () => {
    seedTickets(core.ctx.sqlite, { count: 3000, estateId, now: NOW });
    // a wide due-soon window, so that list is not empty (also checks the cached config follows an update)
    await must(core.dispatch('desk.config.update', { dueSoonMinutes: 3 * 24 * 60 }) as never);
    // reopen finished tickets, put running ones on hold and resume some, void a few
    const act = (id: number, action: string, extra: Record<string, unknown> = {}) => core.dispatch('desk.tickets.transition', { id, action, ...extra });
    const finished = ids("select id from tickets where status in ('已完成','已关闭') order by id desc limit 30");
    for (const id of finished) expect((await act(id, 'reopen', { reason: '业主反映仍未修好' })).ok).toBe(true);
    const running = ids(`select id from tickets where status in ${RUNNING} order by id desc limit 40`);
    for (const id of running.slice(0, 20)) expect((await act(id, 'hold', { reason: '等待配件' })).ok).toBe(true);
    for (const id of running.slice(0, 5)) expect((await act(id, 'resume')).ok).toBe(true);
    for (const id of running.slice(20, 25)) expect((await act(id, 'void', { reason: '重复登记' })).ok).toBe(true);
    expect(one('select count(*) from ticket_holds where end_at is not null')).toBeGreaterThanOrEqual(5);

    const now = NOW.toISOString();
    const soon = new Date(NOW.getTime() + 3 * 24 * 3600_000).toISOString();
    const overdue = `status in ${RUNNING} and (resolve_due_at < @now or (responded_at is null and respond_due_at < @now))`;
    const dueSoon = `status in ${RUNNING}
      and ((resolve_due_at >= @now and resolve_due_at <= @soon) or (responded_at is null and respond_due_at >= @now and respond_due_at <= @soon))
      and (resolve_due_at is null or resolve_due_at >= @now)
      and (responded_at is not null or respond_due_at is null or respond_due_at >= @now)`;
    const reference = (where: string, order: string) => ids(`select id from tickets where ${where} order by ${order}`, { now, soon });
    const orders = { due: 'resolve_due_at asc, id asc', receivedAt: 'received_at desc, id desc', no: 'no desc' } as const;
    let checked = 0;
    for (const [due, where] of [
      ['overdue', overdue],
      ['dueSoon', dueSoon],
    ] as const) {
      for (const [sort, order] of Object.entries(orders) as [keyof typeof orders, string][]) {
        const all = reference(where, order);
        expect(all.length, `${due} ${sort}`).toBeGreaterThan(20);
        for (const offset of [0, 15]) {
          const page = await list({ due, sort, offset, limit: 40 });
          expect(
            page.rows.map((r) => r.id),
            `${due} ${sort} ${offset}`,
          ).toEqual(all.slice(offset, offset + 40));
          expect(page.total).toBe(all.length);
          expect(page.capped).toBeUndefined();
          checked++;
        }
      }
      // combined with other filters
      const repairs = reference(`${where} and type = '报修'`, orders.due);
      const page = await list({ due, type: ['报修'], sort: 'due', limit: 500 });
      expect(page.rows.map((r) => r.id)).toEqual(repairs);
      expect(page.total).toBe(repairs.length);
    }
    expect(checked).toBe(12);
    // 未结工单 (on hold included) by deadline, both ways, on its own partial index
    const unfinished = "status in ('已受理','已派工','处理中','挂起')";
    for (const dir of ['asc', 'desc'] as const) {
      const all = reference(unfinished, `resolve_due_at ${dir}, id ${dir}`);
      const page = await list({ status: ['挂起', '已受理', '处理中', '已派工'], sort: 'due', dir, offset: 10, limit: 60 });
      expect(page.rows.map((r) => r.id)).toEqual(all.slice(10, 70));
    }
    // the dashboard's lists are the same answers
    const dash = (await must(core.dispatch('desk.dashboard', {}) as never)) as DashboardT;
    expect(dash.overdue.map((r) => r.id)).toEqual(reference(overdue, orders.due).slice(0, 50));
    expect(dash.overdueTotal).toBe(reference(overdue, orders.due).length);
    expect(dash.dueSoon.map((r) => r.id)).toEqual(reference(dueSoon, orders.due).slice(0, 50));
    expect(dash.awaitingCallback).toBe(one("select count(*) from tickets where status = '已完成' and type in ('投诉','报修')"));
    expect(dash.counts['挂起']).toBe(one("select count(*) from tickets where status = '挂起'"));
    for (const r of dash.overdue) expect(r.sla.state).toBe('overdue');
  });
});

describe('list counts stop past the page', () => {
  it('counts exactly up to a thousand rows past the page, then says the count is capped', async () => {
    seedTickets(core.ctx.sqlite, { count: 3000, estateId, now: NOW });
    const first = await list({ limit: 100 });
    expect(first.rows.map((r) => r.id)).toEqual(ids('select id from tickets order by received_at desc, id desc limit 100'));
    expect(first).toMatchObject({ total: 100 + COUNT_CAP, capped: true });
    const deeper = await list({ offset: 1500, limit: 100 });
    expect(deeper).toMatchObject({ total: 1600 + COUNT_CAP, capped: true });
    // the last page ends the result: exact
    const last = await list({ offset: 2950, limit: 100 });
    expect(last.rows).toHaveLength(50);
    expect(last.total).toBe(3000);
    expect(last.capped).toBeUndefined();
    // past the end: counted, exact
    const beyond = await list({ offset: 5000, limit: 100 });
    expect(beyond).toMatchObject({ rows: [], total: 3000 });
    // a filter with fewer rows than the cap: exact
    const held = await list({ status: ['挂起'], limit: 10 });
    expect(held.total).toBe(one("select count(*) from tickets where status = '挂起'"));
    expect(held.capped).toBeUndefined();
  });
});

describe('free-text ticket search', () => {
  const like = (text: string) =>
    ids('select id from tickets where location like @p or reporter like @p or phone_digits like @p or description like @p order by received_at desc, id desc', {
      p: `%${text}%`,
    });

  it('a rare text (a phone number, a room) through the trigram index, a common one by a newest-first scan: the answers of a scan', async () => {
    seedTickets(core.ctx.sqlite, { count: 3000, estateId, now: NOW });
    const phone = str('select phone_digits from tickets where phone_digits is not null order by id desc limit 1');
    const room = str('select location from tickets where house_id is not null order by id desc limit 1');
    const texts = [phone, phone.slice(-4), room, '漏水', '水', '卫生间漏水', '不存在的内容'];
    for (const text of texts) {
      const all = like(text);
      const page = await list({ text, limit: 50 });
      expect(
        page.rows.map((r) => r.id),
        text,
      ).toEqual(all.slice(0, 50));
      if (page.capped) expect(all.length).toBeGreaterThan(page.total);
      else expect(page.total, text).toBe(all.length);
      const second = await list({ text, offset: 50, limit: 50 });
      expect(
        second.rows.map((r) => r.id),
        text,
      ).toEqual(all.slice(50, 100));
    }
    expect(like(phone).length).toBeGreaterThan(0);

    // a three-character text with more candidates than the rare route takes: the page by a scan, the count
    // through the candidates (capped), and an exact count once the cap reaches past the last match
    const changed = core.ctx.sqlite.prepare("update tickets set description = description || '，电梯异响' where id % 5 <> 0").run().changes;
    const common = like('电梯异响');
    expect(common.length).toBe(changed);
    expect(changed).toBeGreaterThan(2000);
    const page = await list({ text: '电梯异响', limit: 100 });
    expect(page.rows.map((r) => r.id)).toEqual(common.slice(0, 100));
    expect(page).toMatchObject({ total: 100 + COUNT_CAP, capped: true });
    const deep = await list({ text: '电梯异响', offset: 1400, limit: 100 });
    expect(deep.rows.map((r) => r.id)).toEqual(common.slice(1400, 1500));
    expect(deep.total).toBe(changed);
    expect(deep.capped).toBeUndefined();
    // sorted by number: the page by a scan, the count through the candidates
    const byNo = await list({ text: '电梯异响', sort: 'no', limit: 100 });
    expect(byNo.rows.map((r) => r.id)).toEqual(ids("select id from tickets where description like '%电梯异响%' order by no desc limit 100"));
    expect(byNo).toMatchObject({ total: 100 + COUNT_CAP, capped: true });
  });

  it('texts with quotes, query words or LIKE wildcards are searched as typed', async () => {
    const t = await create({ description: '门口贴了 "NOT OR" 的(告示)*' });
    for (const text of ['"NOT OR"', 'NOT OR', '(告示)*', '的(告', '100%', 'a_b', 'x\\y']) {
      const page = await list({ text });
      expect(
        page.rows.map((r) => r.id),
        text,
      ).toEqual(like(text));
    }
    expect((await list({ text: '"NOT OR"' })).rows.map((r) => r.id)).toEqual([t.ticket.id]);
  });

  it('follows edits and new tickets (the index is kept in the same transaction)', async () => {
    const t = await create({ description: '地下车库渗水严重', reporter: '欧阳娜娜', phone: '13911112222' });
    expect((await list({ text: '车库渗水' })).rows.map((r) => r.id)).toEqual([t.ticket.id]);
    expect((await list({ text: '欧阳娜' })).rows.map((r) => r.id)).toEqual([t.ticket.id]);
    expect((await list({ text: '11112222' })).rows.map((r) => r.id)).toEqual([t.ticket.id]);
    await must(core.dispatch('desk.tickets.edit', { id: t.ticket.id, description: '电梯按钮失灵', phone: '13800001111' }) as never);
    expect((await list({ text: '车库渗水' })).total).toBe(0);
    expect((await list({ text: '11112222' })).total).toBe(0);
    expect((await list({ text: '按钮失灵' })).rows.map((r) => r.id)).toEqual([t.ticket.id]);
    expect((await list({ text: '00001111' })).rows.map((r) => r.id)).toEqual([t.ticket.id]);
  });
});

describe('intake', () => {
  it('writes the ticket, its event and an audit line in one transaction, and answers what desk.tickets.get reads', async () => {
    const t = await create({ reporter: '王先生', phone: '139 0000 1234' });
    expect(t.ticket.no).toBe('BX20261120-001');
    const audit = core.ctx.sqlite.prepare("select * from audit_log where entity = 'ticket' and entity_id = ?").all(t.ticket.id) as {
      action: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('create');
    expect(JSON.parse(audit[0].detail)).toMatchObject({ no: 'BX20261120-001', type: '报修' });
    const read = await must(core.dispatch('desk.tickets.get', { id: t.ticket.id }) as never);
    expect(t).toEqual(read);
    // the stored deadlines are those the SLA computes
    expect(t.ticket.sla.resolveDueAt).toBe(new Date(NOW.getTime() + 72 * 3600_000).toISOString());
    expect(core.ctx.sqlite.prepare('select resolve_due_at from tickets where id = ?').pluck().get(t.ticket.id)).toBe(t.ticket.sla.resolveDueAt);
    // with a photo and a house: the same answer as reading it back
    const houseId = one('select id from houses order by id limit 1');
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
    const withPhoto = await create({
      houseId,
      location: undefined,
      type: '投诉',
      category: '噪音扰民',
      attachments: [{ fileName: '现场.png', dataBase64: PNG }],
    });
    expect(withPhoto.attachments).toHaveLength(1);
    expect(withPhoto.ticket.no).toBe('TS20261120-001');
    expect(withPhoto).toEqual(await must(core.dispatch('desk.tickets.get', { id: withPhoto.ticket.id }) as never));
  });

  it('a failed audit line rolls the whole save back, and the number is not used up', async () => {
    core.ctx.sqlite.exec("create trigger fail_audit before insert on audit_log when new.entity = 'ticket' begin select raise(abort, 'boom'); end");
    const failed = await core.dispatch('desk.tickets.create', {
      type: '报修',
      channel: '电话',
      location: '大堂',
      category: '工程维修',
      urgency: '一般',
      description: '灯坏',
    });
    expect(failed.ok).toBe(false);
    expect(one('select count(*) from tickets')).toBe(0);
    expect(one('select count(*) from ticket_events')).toBe(0);
    core.ctx.sqlite.exec('drop trigger fail_audit');
    expect((await create()).ticket.no).toBe('BX20261120-001');
    expect((await create()).ticket.no).toBe('BX20261120-002');
  });
});

describe('config and calendar cache', () => {
  it('follows desk.config.update, the calendar and writes from another connection', async () => {
    const get = () => must(core.dispatch('desk.config.get', {}) as never) as Promise<DeskConfigT>;
    const cfg = await get();
    // a category added in 设置 is accepted at once
    const refused = await core.dispatch('desk.tickets.create', {
      type: '报修',
      channel: '电话',
      location: '大堂',
      category: '新类别',
      urgency: '一般',
      description: '测试',
    });
    expect(refused.ok).toBe(false);
    await must(core.dispatch('desk.config.update', { categories: [...cfg.categories, { name: '新类别', children: [] }] }) as never);
    expect((await create({ category: '新类别' })).ticket.category).toBe('新类别');

    // another connection (the CLI, a second window) changes the config and an estate's phone
    const other = new Database(core.file);
    try {
      const stored = JSON.parse(other.prepare("select value from settings where key = 'desk.config'").pluck().get() as string) as DeskConfigT;
      other.prepare("update settings set value = ? where key = 'desk.config'").run(JSON.stringify({ ...stored, dueSoonMinutes: 77, centrePhone: '' }));
      expect((await get()).dueSoonMinutes).toBe(77);
      other.prepare('update estates set phone = ? where id = ?').run('0571-88886666', estateId);
      expect((await get()).centrePhone).toBe('0571-88886666');
    } finally {
      other.close();
    }

    // next year's holidays entered in 设置: the dashboard's warning goes, and the calendar is read anew
    const before = (await must(core.dispatch('desk.dashboard', {}) as never)) as DashboardT;
    expect(before.calendarWarning).toContain('2027');
    await must(core.dispatch('desk.calendar.set', { date: '2027-01-01', kind: 'holiday', name: '元旦' }) as never);
    expect(((await must(core.dispatch('desk.dashboard', {}) as never)) as DashboardT).calendarWarning).toBeNull();

    // a working-hour clock sees a holiday entered today: Monday 23 November made a holiday moves the deadline a day on
    const sla = cfg.sla.map((s) =>
      s.type === '咨询' && s.urgency === '一般' ? { ...s, respondMinutes: 60, resolveMinutes: 9 * 60, clock: 'working' as const } : s,
    );
    await must(core.dispatch('desk.config.update', { sla }) as never);
    const a = await create({ type: '咨询', category: '其他' });
    await must(core.dispatch('desk.calendar.set', { date: '2026-11-23', kind: 'holiday', name: '临时休息' }) as never);
    const b = await create({ type: '咨询', category: '其他' });
    expect(Date.parse(b.ticket.sla.resolveDueAt ?? '') - Date.parse(a.ticket.sla.resolveDueAt ?? '')).toBe(24 * 3600_000);
  });
});
