import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RosterCommitResult, RosterPreview } from '../../../shared/contract/imports';
import { LedgerCommitResult, LedgerPreview } from '../../../shared/contract/desk';
import { planCounts } from '../../../electron/core/imports/plan-memo';
import { tempCore, must } from '../helpers/temp-core';
import { bigLedger, bigRoster, type LedgerHouse } from './big-books';
import { book } from './helpers';

// Bulk imports (issue 10): the preview's plan is what the commit writes unless the database changed
// in between, and the set-based writes give the database the same content the row-by-row import
// gave (the expected figures below were taken from the import before issue 10 on the same files).

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

const b64 = (b: Buffer) => b.toString('base64');
const q = <T>(sql: string, ...params: unknown[]) => core.ctx.sqlite.prepare(sql).all(...params) as T[];
const n = (sql: string) => Number(core.ctx.sqlite.prepare(sql).pluck().get());
const call = <T>(channel: string, input: unknown, schema: z.ZodType<T>) => must(core.dispatch(channel, input) as never).then((v) => schema.parse(v));
const estate = async () => (await call('archives.estates.create', { name: '阳光花园' }, z.object({ id: z.number() }))).id;
const counts = () => ({ ...planCounts });

const ROSTER = [
  ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '联系电话'],
  ['3栋', 2, '1501', 95, '张三', '13800138000'],
  ['3栋', 2, '1502', 96, '李四', '13900139000'],
  ['3栋', 2, '1503', 97, '王五', '13700137000'],
];

describe('the plan a preview made', () => {
  it('is what the commit writes when nothing changed in between: planned once', async () => {
    const estateId = await estate();
    const before = counts();
    const p = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(await book(ROSTER)), estateId }, RosterPreview);
    expect(planCounts.computed).toBe(before.computed + 1);
    const done = await call('imports.roster.commit', { token: p.token }, RosterCommitResult);
    expect(planCounts).toEqual({ computed: before.computed + 1, reused: before.reused + 1 });
    expect(done.created).toEqual({ houses: p.willCreate.houses, people: p.willCreate.people });
    expect(n('select count(*) from houses')).toBe(3);
    expect(q('select name, phone from people order by id')).toEqual([
      { name: '张三', phone: '13800138000' },
      { name: '李四', phone: '13900139000' },
      { name: '王五', phone: '13700137000' },
    ]);
  });

  it('is planned again inside the commit when the database changed since the preview, and nothing is doubled', async () => {
    const estateId = await estate();
    const p = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(await book(ROSTER)), estateId }, RosterPreview);
    expect(p.willCreate.houses).toBe(3);
    // meanwhile another file puts 3-2-1502 and its owner in
    const other = await call('imports.roster.preview', { fileName: 'b.xlsx', dataBase64: b64(await book([ROSTER[0], ROSTER[2]])), estateId }, RosterPreview);
    await call('imports.roster.commit', { token: other.token }, RosterCommitResult);
    const before = counts();
    const done = await call('imports.roster.commit', { token: p.token }, RosterCommitResult);
    expect(planCounts).toEqual({ computed: before.computed + 1, reused: before.reused });
    expect(done.created).toEqual({ houses: 2, people: 2 });
    expect(n('select count(*) from houses')).toBe(3);
    expect(n("select count(*) from people where name = '李四'")).toBe(1);
  });

  it('is made again by a re-mapping, and that plan is the one committed', async () => {
    const estateId = await estate();
    const p = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(await book(ROSTER)), estateId }, RosterPreview);
    // the user unmaps the phone column
    const mapping = Object.fromEntries(Object.entries(p.mapping).filter(([, f]) => f !== 'phone'));
    const before = counts();
    await call('imports.roster.remap', { token: p.token, mapping }, RosterPreview);
    await call('imports.roster.commit', { token: p.token }, RosterCommitResult);
    expect(planCounts).toEqual({ computed: before.computed + 1, reused: before.reused + 1 });
    expect(n('select count(*) from people where phone is not null')).toBe(0);
  });

  it('is not reused after a failed commit: the retry plans afresh and writes everything', async () => {
    const estateId = await estate();
    const p = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(await book(ROSTER)), estateId }, RosterPreview);
    core.ctx.sqlite.exec(`create trigger boom before insert on people when new.name = '王五' begin select raise(abort, 'disk full'); end`);
    const failed = await core.dispatch('imports.roster.commit', { token: p.token });
    expect(failed.ok).toBe(false);
    expect(n('select count(*) from houses')).toBe(0);
    core.ctx.sqlite.exec('drop trigger boom');
    // the same token again: the failed commit wrote ids into the plan it used, so that plan is gone
    const before = counts();
    const done = await call('imports.roster.commit', { token: p.token }, RosterCommitResult);
    expect(planCounts).toEqual({ computed: before.computed + 1, reused: before.reused });
    expect(done.created).toEqual({ houses: 3, people: 3 });
    expect(n('select count(*) from occupancies')).toBe(3);
  });

  it('of a ledger is what its commit writes', async () => {
    const estateId = await estate();
    const ledger = await bigLedger(20, [{ building: '3', unit: '2', room: '1502' }]);
    const p = await call('imports.ledger.preview', { fileName: 'l.xlsx', dataBase64: b64(ledger), estateId }, LedgerPreview);
    const before = counts();
    const done = await call('imports.ledger.commit', { token: p.token }, LedgerCommitResult);
    expect(planCounts).toEqual({ computed: before.computed, reused: before.reused + 1 });
    expect(done.created.tickets).toBe(p.willCreate.tickets);
    expect(n('select count(*) from tickets')).toBe(20);
  });
});

describe('2,000-row files', () => {
  it('a roster and a ledger over its houses give the same content as the row-by-row import did', { timeout: 60_000 }, async () => {
    const estateId = await estate();
    const roster = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(await bigRoster(2000)), estateId }, RosterPreview);
    expect(roster.accepted).toBe(2000);
    expect((await call('imports.roster.commit', { token: roster.token }, RosterCommitResult)).created).toEqual({ houses: 2000, people: 2117 });
    const houses = q<LedgerHouse>(
      'select b.code building, u.code unit, h.room_no room from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id order by h.id',
    );
    const ledger = await call('imports.ledger.preview', { fileName: 'l.xlsx', dataBase64: b64(await bigLedger(2000, houses)), estateId }, LedgerPreview);
    const done = await call('imports.ledger.commit', { token: ledger.token }, LedgerCommitResult);
    expect(done.created.tickets).toBe(2000);
    expect(done.warnings).toHaveLength(221);

    expect(
      q(`select (select count(*) from buildings) b, (select count(*) from units) u, (select count(*) from houses) h, (select count(*) from people) p,
           (select count(*) from occupancies) o, (select count(*) from occupancies where role = 'co_owner') co, (select count(*) from houses where status = '未售') unsold,
           (select count(*) from houses where status = '已入住') occupied, (select count(*) from people where id_number is not null) ids,
           (select count(*) from tickets) t, (select count(*) from ticket_events) e, (select count(*) from callbacks) c,
           (select count(*) from tickets where house_id is not null) linked, (select count(*) from tickets where no like 'KF%') own,
           (select count(*) from tickets where status = '已关闭') closed, (select count(*) from tickets where status = '已作废') voided,
           (select count(*) from audit_log where action = 'import.create') createdAudit, (select count(*) from counters where key like 'ticket:%') days`),
    ).toEqual([
      {
        b: 4,
        u: 8,
        h: 2000,
        p: 2117,
        o: 2117,
        co: 211,
        unsold: 94,
        occupied: 1320,
        ids: 861,
        t: 2000,
        e: 9326,
        c: 1453,
        linked: 1821,
        own: 811,
        closed: 1719,
        voided: 37,
        createdAudit: 4121,
        days: 854,
      },
    ]);
    // spot rows: a house, a person with their occupancy, tickets with generated numbers, deadlines and timelines
    expect(
      q(`select b.name || u.name || h.room_no label, h.floor, h.building_area area, h.status from houses h join buildings b on b.id = h.building_id
         join units u on u.id = h.unit_id where h.id = 1235`),
    ).toEqual([{ label: '3栋1单元2405', floor: 24, area: 85.68, status: '已交付' }]);
    expect(
      q(`select p.name, p.name_initials initials, p.phone, p.gender, o.role, o.move_in_date moveIn, b.name || u.name || h.room_no label from people p
         join occupancies o on o.person_id = p.id join houses h on h.id = o.house_id join buildings b on b.id = h.building_id join units u on u.id = h.unit_id where p.id = 1001`),
    ).toEqual([{ name: '彭旭峰', initials: 'pxf', phone: '18084134099', gender: '男', role: 'owner', moveIn: '2024-08-07', label: '2栋2单元1901' }]);
    const ticket = (id: number) =>
      q(`select no, type, location, category, subcategory, status, respond_due_at respondDue, resolve_due_at resolveDue,
           (select group_concat(action) from ticket_events e where e.ticket_id = t.id) events from tickets t where id = ${id}`)[0];
    expect(ticket(2)).toEqual({
      no: 'TS20230101-001',
      type: '投诉',
      location: '3栋2单元210',
      category: '停车管理',
      subcategory: '乱停车',
      status: '已关闭',
      respondDue: '2023-01-01T15:47:00.000Z',
      resolveDue: '2023-01-02T13:47:00.000Z',
      events: 'import,dispatch,complete,callback,close',
    });
    expect(ticket(500)).toMatchObject({
      no: 'BY20230402-001',
      type: '表扬',
      status: '已关闭',
      respondDue: null,
      resolveDue: null,
      events: 'import,dispatch,complete,close',
    });
    expect(q(`select key, value from counters where key like 'ticket:TS2023%' order by value desc, key limit 1`)).toEqual([
      { key: 'ticket:TS20230111', value: 4 },
    ]);
    // one batch and one audit line per file
    expect(q('select kind, accepted, rejected from import_batches order by id')).toEqual([
      { kind: 'roster', accepted: 2000, rejected: 0 },
      { kind: 'ledger', accepted: 2000, rejected: 0 },
    ]);
    expect(n("select count(*) from audit_log where action in ('import.roster', 'import.ledger')")).toBe(2);

    // the same files again create nothing
    const again = await call('imports.ledger.preview', { fileName: 'l.xlsx', dataBase64: b64(await bigLedger(2000, houses)), estateId }, LedgerPreview);
    expect(again.willCreate.tickets).toBe(0);
  });
});

describe('ticket numbers given at import', () => {
  it('move past numbers the day already has, as at the counter', async () => {
    const estateId = await estate();
    // the ledger's own TS20230101-001 and -002 are taken before two rows of that day need numbers
    const header = ['编号', '受理时间', '类型', '类别', '内容'];
    const at = (h: number) => new Date(Date.UTC(2023, 0, 1, h, 0));
    const file = await book([
      header,
      ['TS20230101-001', at(9), '投诉', '噪音扰民', '一'],
      ['TS20230101-002', at(10), '投诉', '噪音扰民', '二'],
      [null, at(11), '投诉', '噪音扰民', '三'],
      [null, at(12), '投诉', '噪音扰民', '四'],
    ]);
    const p = await call('imports.ledger.preview', { fileName: 'l.xlsx', dataBase64: b64(file), estateId }, LedgerPreview);
    await call('imports.ledger.commit', { token: p.token }, LedgerCommitResult);
    expect(q<{ no: string }>('select no from tickets order by received_at').map((t) => t.no)).toEqual([
      'TS20230101-001',
      'TS20230101-002',
      'TS20230101-003',
      'TS20230101-004',
    ]);
    expect(n("select value from counters where key = 'ticket:TS20230101'")).toBe(4);
  });
});
