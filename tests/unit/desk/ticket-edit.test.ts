import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempCore, must } from '../helpers/temp-core';
import { attachmentsDir } from '../../../electron/core/desk/attachments';
import type { TicketDetailT } from '../../../shared/contract/desk';

// 修改 / 备注 / 添加照片 after intake (issue 7 item 7), through the contract on a real database.
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let houseA: number;
let houseB: number;
let buildingId: number;
let clock = Date.parse('2026-11-16T01:00:00.000Z'); // Monday 09:00 in Shanghai
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const detail = (p: Promise<unknown>) => must(p as never) as Promise<TicketDetailT>;
const count = (sql: string, ...args: unknown[]) => (core.ctx.sqlite.prepare(sql).get(...args) as { n: number }).n;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
const HOUR = 3600_000;

beforeEach(async () => {
  clock = Date.parse('2026-11-16T01:00:00.000Z');
  core = await tempCore();
  core.ctx.now = () => new Date(clock);
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
  const b = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3' }) as never)) as { id: number };
  buildingId = b.id;
  houseA = (
    (await must(call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' }) as never)) as { id: number }
  ).id;
  houseB = (
    (await must(call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1501', type: '住宅', status: '已入住' }) as never)) as { id: number }
  ).id;
});
afterEach(async () => {
  await core.cleanup();
});

const repair = (extra: Record<string, unknown> = {}) =>
  detail(
    call('desk.tickets.create', {
      type: '报修',
      channel: '电话',
      houseId: houseA,
      category: '工程维修',
      subcategory: '水电',
      urgency: '一般',
      reporter: '王芳',
      phone: '13800001111',
      description: '卫生间漏水',
      ...extra,
    }),
  );
const edit = (id: number, fields: Record<string, unknown>) => call('desk.tickets.edit', { id, ...fields });
const lastEvent = (d: TicketDetailT) => d.events[d.events.length - 1];

describe('修改: each field is written before → after on the timeline, with an audit line', () => {
  it.each([
    ['house', () => ({ houseId: houseB }), { field: 'location', label: '位置', from: '3栋2单元1502', to: '3栋2单元1501' }],
    [
      'public area',
      () => ({ houseId: null, location: '地下车库B2' }),
      { field: 'location', label: '位置', from: '3栋2单元1502', to: '地下车库B2（公共区域）' },
    ],
    [
      'public area in a building',
      () => ({ houseId: null, location: '电梯厅', buildingId }),
      { field: 'location', label: '位置', from: '3栋2单元1502', to: '3栋 电梯厅（公共区域）' },
    ],
    ['category', () => ({ category: '环境卫生', subcategory: '保洁' }), { field: 'category', label: '类别', from: '工程维修 / 水电', to: '环境卫生 / 保洁' }],
    [
      'category alone drops the old subcategory',
      () => ({ category: '噪音扰民' }),
      { field: 'category', label: '类别', from: '工程维修 / 水电', to: '噪音扰民' },
    ],
    ['subcategory', () => ({ subcategory: '管道疏通' }), { field: 'category', label: '类别', from: '工程维修 / 水电', to: '工程维修 / 管道疏通' }],
    ['reporter', () => ({ reporter: '李四' }), { field: 'reporter', label: '报事人', from: '王芳', to: '李四' }],
    ['reporter cleared', () => ({ reporter: '' }), { field: 'reporter', label: '报事人', from: '王芳', to: null }],
    // the timeline and the audit line keep a phone change masked (docs/PRIVACY.md)
    ['phone (normalised)', () => ({ phone: '139 0000 2222' }), { field: 'phone', label: '电话', from: '138****1111', to: '139****2222' }],
    ['description', () => ({ description: '厨房水管漏水' }), { field: 'description', label: '内容', from: '卫生间漏水', to: '厨房水管漏水' }],
    // 2026-11-18 10:00 in Shanghai
    [
      'visit time',
      () => ({ expectedVisitAt: '2026-11-18T02:00:00.000Z' }),
      { field: 'expectedVisitAt', label: '预约上门', from: null, to: '2026-11-18 10:00' },
    ],
  ] as [string, () => Record<string, unknown>, { field: string; label: string; from: string | null; to: string | null }][])(
    '%s',
    async (_name, fields, expected) => {
      const t = await repair();
      const d = await detail(edit(t.ticket.id, { ...fields(), note: '业主来电更正' }));
      const e = lastEvent(d);
      expect(e.action).toBe('edit');
      expect(e.label).toBe('修改');
      expect(e.note).toBe('业主来电更正');
      expect(e.changes).toEqual([expected]);
      // the status does not move
      expect([e.fromStatus, e.toStatus, d.ticket.status]).toEqual(['已受理', '已受理', '已受理']);
      const audit = core.ctx.sqlite
        .prepare("select actor, detail from audit_log where entity = 'ticket' and entity_id = ? and action = 'edit'")
        .all(t.ticket.id) as { actor: string; detail: string }[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].detail).changes).toEqual([expected]);
    },
  );

  it('the row follows the edit: house link, building, phone search digits, description', async () => {
    const t = await repair();
    const d = await detail(edit(t.ticket.id, { houseId: houseB, phone: '139-0000-2222', description: '厨房水管漏水' }));
    expect(d.ticket.houseId).toBe(houseB);
    expect(d.ticket.location).toBe('3栋2单元1501');
    expect(d.ticket.phone).toBe('139****2222');
    expect(lastEvent(d).changes.map((c) => c.field)).toEqual(['location', 'phone', 'description']);
    expect(count('select count(*) n from tickets where phone_digits = ?', '13900002222')).toBe(1);
    const pub = await detail(edit(t.ticket.id, { houseId: null, location: '地下车库B2' }));
    expect([pub.ticket.houseId, pub.ticket.buildingId, pub.ticket.location]).toEqual([null, null, '地下车库B2']);
    // the household history now lists it under the other house only while it is there
    const hist = (await must(call('archives.household.get', { houseId: houseB }) as never)) as { history: { kind: string; ref?: number | null }[] };
    expect(hist.history.filter((h) => h.kind === 'ticket' && h.ref === t.ticket.id)).toHaveLength(0);
  });

  it('fields sent unchanged make no event; nothing changed is refused', async () => {
    const t = await repair();
    const same = await edit(t.ticket.id, {
      houseId: houseA,
      category: '工程维修',
      subcategory: '水电',
      reporter: '王芳',
      phone: '138 0000 1111',
      description: '卫生间漏水',
      expectedVisitAt: null,
    });
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.error.message).toBe('没有修改任何内容');
    const d = await detail(
      edit(t.ticket.id, { houseId: houseA, category: '工程维修', subcategory: '水电', reporter: '王芳', description: '卫生间和厨房漏水' }),
    );
    expect(lastEvent(d).changes.map((c) => c.field)).toEqual(['description']);
    expect(d.events.map((e) => e.action)).toEqual(['create', 'edit']);
  });

  it('bad input is refused next to its field, and nothing is written', async () => {
    const t = await repair();
    const before = count('select count(*) n from ticket_events');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ category: '不存在的类别' }, 'category', '请选择类别'],
      [{ subcategory: '保洁' }, 'subcategory', '请选择子类别'],
      [{ description: '   ' }, 'description', '请填写内容'],
      [{ phone: '请打物业电话' }, 'phone', '电话只能包含数字、空格、短横线'],
      [{ houseId: null, location: '' }, 'location', '请选择房屋或填写公共区域位置'],
      [{ expectedVisitAt: new Date(clock - 60_000).toISOString() }, 'expectedVisitAt', '预约上门时间应晚于现在'],
      [{ expectedVisitAt: '2099-01-01T02:00:00.000Z' }, 'expectedVisitAt', '预约上门时间不能超过90天后'],
    ];
    for (const [fields, key, message] of cases) {
      const r = await edit(t.ticket.id, fields);
      expect(r.ok, JSON.stringify(fields)).toBe(false);
      if (!r.ok) expect(r.error.fields?.[key]).toBe(message);
    }
    expect(count('select count(*) n from ticket_events')).toBe(before);
    // intake's own audit line is the only one
    expect(count("select count(*) n from audit_log where entity = 'ticket' and action <> 'create'")).toBe(0);
  });

  it('a voided or closed ticket refuses edits with a Chinese reason; notes stay possible on a closed one', async () => {
    const v = await repair();
    await detail(call('desk.tickets.transition', { id: v.ticket.id, action: 'void', reason: '重复登记' }));
    const refused = await edit(v.ticket.id, { description: '改一下' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('工单已作废，不能修改');
    const note = await call('desk.tickets.addNote', { id: v.ticket.id, note: '补充' });
    expect(note.ok).toBe(false);
    if (!note.ok) expect(note.error.message).toBe('工单已作废，不能添加备注');
    const photo = await call('desk.tickets.addPhotos', { id: v.ticket.id, attachments: [{ fileName: 'a.png', dataBase64: PNG }] });
    expect(photo.ok).toBe(false);
    if (!photo.ok) expect(photo.error.message).toBe('工单已作废，不能添加照片');
    expect((await detail(call('desk.tickets.get', { id: v.ticket.id }))).ticket.description).toBe('卫生间漏水');

    const q = await detail(
      call('desk.tickets.create', { type: '咨询', channel: '电话', houseId: houseA, category: '收费争议', urgency: '一般', description: '物业费怎么交' }),
    );
    await detail(call('desk.tickets.transition', { id: q.ticket.id, action: 'complete' }));
    await detail(call('desk.tickets.transition', { id: q.ticket.id, action: 'close' }));
    const closed = await edit(q.ticket.id, { reporter: '孙七' });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.error.message).toBe('工单已关闭，不能修改；如需更正，请先重开工单');
    const noted = await detail(call('desk.tickets.addNote', { id: q.ticket.id, note: '业主来电致谢' }));
    expect(lastEvent(noted)).toMatchObject({ action: 'note', label: '备注', note: '业主来电致谢' });
  });

  it('a completed ticket can still be corrected (the phone to call back)', async () => {
    const t = await repair();
    await detail(call('desk.tickets.transition', { id: t.ticket.id, action: 'complete', note: '已修好' }));
    const d = await detail(edit(t.ticket.id, { phone: '13900002222' }));
    expect(d.ticket.status).toBe('已完成');
    expect(d.ticket.phone).toBe('139****2222');
  });
});

describe('修改 recomputes the SLA deadlines', () => {
  it('a repair given a visit is due by it; moving the visit moves the deadline; clearing it restores the configured target', async () => {
    const t = await repair();
    // default 报修·一般: 72 h to resolve, calendar clock
    expect(t.ticket.sla.resolveDueAt).toBe(new Date(clock + 72 * HOUR).toISOString());
    clock += HOUR; // edits happen later than intake: the deadline still counts from receipt
    const visit = new Date(clock + 5 * 24 * HOUR).toISOString();
    let d = await detail(edit(t.ticket.id, { expectedVisitAt: visit }));
    expect(d.ticket.expectedVisitAt).toBe(visit);
    expect(d.ticket.sla.resolveDueAt).toBe(visit);
    const stored = () => (core.ctx.sqlite.prepare('select resolve_due_at d from tickets where id = ?').get(t.ticket.id) as { d: string }).d;
    expect(stored()).toBe(visit);
    const later = new Date(clock + 6 * 24 * HOUR).toISOString();
    d = await detail(edit(t.ticket.id, { expectedVisitAt: later }));
    expect(d.ticket.sla.resolveDueAt).toBe(later);
    expect(lastEvent(d).changes).toEqual([{ field: 'expectedVisitAt', label: '预约上门', from: '2026-11-21 10:00', to: '2026-11-22 10:00' }]);
    d = await detail(edit(t.ticket.id, { expectedVisitAt: null }));
    expect(d.ticket.sla.resolveDueAt).toBe(new Date(Date.parse(t.ticket.receivedAt) + 72 * HOUR).toISOString());
    expect(stored()).toBe(d.ticket.sla.resolveDueAt);
    // the respond deadline never depended on the visit
    expect(d.ticket.sla.respondDueAt).toBe(t.ticket.sla.respondDueAt);
  });

  it('an overdue repair given a later visit is no longer overdue', async () => {
    const t = await repair();
    await detail(call('desk.tickets.transition', { id: t.ticket.id, action: 'dispatch', department: '工程部' }));
    clock += 80 * HOUR;
    expect((await detail(call('desk.tickets.get', { id: t.ticket.id }))).ticket.sla.state).toBe('overdue');
    const d = await detail(edit(t.ticket.id, { expectedVisitAt: new Date(clock + 24 * HOUR).toISOString() }));
    expect(d.ticket.sla.state).toBe('ok');
    const overdue = (await must(call('desk.tickets.list', { due: 'overdue' }) as never)) as { total: number };
    expect(overdue.total).toBe(0);
  });

  it('a complaint keeps its targets when its visit or house changes', async () => {
    const c = await detail(
      call('desk.tickets.create', { type: '投诉', channel: '来访', houseId: houseA, category: '噪音扰民', urgency: '一般', description: '楼上装修噪音' }),
    );
    const d = await detail(edit(c.ticket.id, { houseId: houseB, expectedVisitAt: new Date(clock + 24 * HOUR).toISOString() }));
    expect(d.ticket.sla.resolveDueAt).toBe(c.ticket.sla.resolveDueAt);
    expect(d.ticket.sla.respondDueAt).toBe(c.ticket.sla.respondDueAt);
  });
});

describe('备注 and 添加照片 later', () => {
  it('a note is a timeline event with an audit line; an empty one is refused', async () => {
    const t = await repair();
    const empty = await call('desk.tickets.addNote', { id: t.ticket.id, note: '  ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.fields?.note).toBe('请填写备注');
    const d = await detail(call('desk.tickets.addNote', { id: t.ticket.id, note: '业主下午三点后在家' }));
    expect(lastEvent(d)).toMatchObject({ action: 'note', label: '备注', note: '业主下午三点后在家', changes: [] });
    expect(count("select count(*) n from audit_log where entity = 'ticket' and action = 'note'")).toBe(1);
  });

  it('photos are added with an event; the same photo twice is stored under two names; non-images are refused', async () => {
    const t = await repair();
    const bad = await call('desk.tickets.addPhotos', {
      id: t.ticket.id,
      attachments: [{ fileName: 'a.txt', dataBase64: Buffer.from('hello').toString('base64') }],
    });
    expect(bad.ok).toBe(false);
    await detail(call('desk.tickets.addPhotos', { id: t.ticket.id, attachments: [{ fileName: '修好后.png', dataBase64: PNG }] }));
    const d = await detail(call('desk.tickets.addPhotos', { id: t.ticket.id, attachments: [{ fileName: '修好后.png', dataBase64: PNG }] }));
    expect(d.attachments).toHaveLength(2);
    expect(lastEvent(d)).toMatchObject({ action: 'photo', label: '添加照片', note: '1张：修好后.png' });
    const names = (core.ctx.sqlite.prepare('select stored_name s from attachments where ticket_id = ?').all(t.ticket.id) as { s: string }[]).map((r) => r.s);
    expect(new Set(names).size).toBe(2);
    for (const a of d.attachments) expect(((await must(call('desk.attachments.get', { id: a.id }) as never)) as { dataBase64: string }).dataBase64).toBe(PNG);
  });

  it('a failed save leaves no row and no file, and the next ticket with the same id finds no stray photo', async () => {
    // make the photo event fail after the file is written, as a crash mid-save would
    core.ctx.sqlite.exec("create trigger fail_photo before insert on ticket_events when new.action = 'photo' begin select raise(abort, 'boom'); end");
    const t = await repair();
    const r = await call('desk.tickets.addPhotos', { id: t.ticket.id, attachments: [{ fileName: 'x.png', dataBase64: PNG }] });
    expect(r.ok).toBe(false);
    expect(count('select count(*) n from attachments')).toBe(0);
    const dir = join(attachmentsDir(core.file), String(t.ticket.id));
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    core.ctx.sqlite.exec('drop trigger fail_photo');

    // intake rolled back after its photo was written: SQLite hands the same id to the next ticket
    core.ctx.sqlite.exec("create trigger fail_create before insert on ticket_events when new.action = 'create' begin select raise(abort, 'boom'); end");
    const failed = await call('desk.tickets.create', {
      type: '报修',
      channel: '来访',
      houseId: houseA,
      category: '工程维修',
      urgency: '一般',
      description: '漏水',
      attachments: [{ fileName: 'first.png', dataBase64: PNG }],
    });
    expect(failed.ok).toBe(false);
    core.ctx.sqlite.exec('drop trigger fail_create');
    const next = await repair();
    expect(next.ticket.id).toBe(t.ticket.id + 1);
    expect(next.attachments).toEqual([]);
    const nextDir = join(attachmentsDir(core.file), String(next.ticket.id));
    expect(existsSync(nextDir) ? readdirSync(nextDir) : []).toEqual([]);
  });
});

describe('a voided ticket has no SLA verdict', () => {
  it('reads voided (not met) in the detail and in the list', async () => {
    const t = await repair();
    await detail(call('desk.tickets.transition', { id: t.ticket.id, action: 'void', reason: '重复登记' }));
    const d = await detail(call('desk.tickets.get', { id: t.ticket.id }));
    expect(d.ticket.sla.state).toBe('voided');
    const list = (await must(call('desk.tickets.list', {}) as never)) as { rows: { id: number; sla: { state: string }; phone: string | null }[] };
    expect(list.rows.find((r) => r.id === t.ticket.id)?.sla.state).toBe('voided');
    expect(list.rows[0].phone).toBe('138****1111');
  });
});
