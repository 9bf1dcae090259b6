import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { must, signInAs, tempCore } from '../helpers/temp-core';

// privacy.reveal (docs/PRIVACY.md): one full number, with its audit line in the same transaction; ID
// numbers only for roles with ids.full.

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const auditCount = () => (core.ctx.sqlite.prepare("select count(*) from audit_log where action = 'reveal'").pluck().get() as number) ?? 0;

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function person(fields: Record<string, unknown> = {}) {
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
  const building = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3', floors: 32 }) as never)) as { id: number };
  const house = (await must(call('archives.houses.create', { buildingId: building.id, roomNo: '1502', type: '住宅', status: '已交付' }) as never)) as {
    id: number;
  };
  const occ = (await must(
    call('archives.people.attach', {
      houseId: house.id,
      role: 'owner',
      person: { name: '张伟', phone: '138 1234 5678', idNumber: '11010519491231002X', ...fields },
    }) as never,
  )) as { person: { id: number } };
  return { houseId: house.id, personId: occ.person.id };
}

describe('privacy.reveal', () => {
  it('answers the full number and writes one line naming the field, never the number', async () => {
    const { personId } = await person();
    const r = (await must(call('privacy.reveal', { subject: 'person', id: personId, field: 'idNumber' }) as never)) as { value: string };
    expect(r.value).toBe('11010519491231002X');
    const p = (await must(call('privacy.reveal', { subject: 'person', id: personId, field: 'phone' }) as never)) as { value: string };
    expect(p.value).toBe('13812345678');
    const lines = core.ctx.sqlite.prepare("select actor, entity, entity_id, detail from audit_log where action = 'reveal' order by id").all() as {
      actor: string;
      entity: string;
      entity_id: number;
      detail: string;
    }[];
    expect(lines.map((l) => [l.actor, l.entity, l.entity_id, JSON.parse(l.detail).field])).toEqual([
      ['前台', 'person', personId, 'idNumber'],
      ['前台', 'person', personId, 'phone'],
    ]);
    for (const l of lines) expect(l.detail).not.toMatch(/1101051949|13812345678/);
    const page = (await must(call('audit.list', { action: 'reveal' }) as never)) as { rows: { summary: string }[] };
    expect(page.rows.map((x) => x.summary).sort()).toEqual(['显示完整号码 住户 张伟：电话', '显示完整号码 住户 张伟：证件号码']);
  });

  it('refuses ID numbers to a role without ids.full and writes nothing; phones it may see', async () => {
    const { personId } = await person();
    await signInAs(core.dispatch, 'clerk', '小王');
    const r = await call('privacy.reveal', { subject: 'person', id: personId, field: 'idNumber' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'FORBIDDEN', message: '当前账号（前台客服）没有权限：查看完整证件号码' });
    expect(auditCount()).toBe(0);
    const p = (await must(call('privacy.reveal', { subject: 'person', id: personId, field: 'phone' }) as never)) as { value: string };
    expect(p.value).toBe('13812345678');
    expect(core.ctx.sqlite.prepare("select actor from audit_log where action = 'reveal'").pluck().all()).toEqual(['小王']);
  });

  it('a supervisor may see ID numbers', async () => {
    const { personId } = await person();
    await signInAs(core.dispatch, 'supervisor', '刘主管');
    const r = (await must(call('privacy.reveal', { subject: 'person', id: personId, field: 'idNumber' }) as never)) as { value: string };
    expect(r.value).toBe('11010519491231002X');
  });

  it('an unknown person, a number never recorded and a bad field are refused in Chinese with nothing written', async () => {
    const { personId } = await person({ phone2: null });
    const missing = await call('privacy.reveal', { subject: 'person', id: 99999, field: 'phone' });
    expect(missing.ok ? null : missing.error.message).toBe('人员不存在或已作废');
    const none = await call('privacy.reveal', { subject: 'person', id: personId, field: 'phone2' });
    expect(none.ok ? null : none.error.message).toBe('没有登记这个号码');
    const bad = await call('privacy.reveal', { subject: 'ticket', id: 1, field: 'idNumber' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(auditCount()).toBe(0);
  });

  it('a ticket phone is revealed with a line naming the ticket', async () => {
    const { houseId } = await person();
    const t = (await must(
      call('desk.tickets.create', {
        type: '报修',
        channel: '来访',
        houseId,
        reporter: '张伟',
        phone: '139 0000 1111',
        category: '工程维修',
        urgency: '一般',
        description: '厨房水龙头漏水',
      }) as never,
    )) as { ticket: { id: number; no: string } };
    const r = (await must(call('privacy.reveal', { subject: 'ticket', id: t.ticket.id, field: 'phone' }) as never)) as { value: string };
    expect(r.value.replace(/\D/g, '')).toBe('13900001111');
    const page = (await must(call('audit.list', { action: 'reveal' }) as never)) as { rows: { summary: string }[] };
    expect(page.rows[0].summary).toBe(`显示完整号码 工单 ${t.ticket.no}：电话`);
  });

  it('the retired showFullIdNumbers setting of an older database reveals nothing', async () => {
    const { houseId } = await person();
    core.ctx.sqlite.prepare("update settings set value = json_set(value, '$.showFullIdNumbers', json('true')) where key = 'app.settings'").run();
    core.ctx.sqlite.prepare("insert or ignore into settings (key, value) values ('app.settings', '{\"showFullIdNumbers\":true}')").run();
    const hh = (await must(call('archives.household.get', { houseId }) as never)) as { occupants: { person: { idNumber: string; phone: string } }[] };
    expect(hh.occupants[0].person).toMatchObject({ idNumber: '110***********002X', phone: '138****5678' });
    const status = (await must(call('system.status', {}) as never)) as { settings: Record<string, unknown> };
    expect(status.settings).not.toHaveProperty('showFullIdNumbers');
  });
});
