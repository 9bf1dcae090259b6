import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { must, signInAs, tempCore } from '../helpers/temp-core';
import type { DashboardT, TicketDetailT, TicketPage } from '../../../shared/contract/desk';
import type { z } from 'zod';

// A ticket's contact phone on the service desk (docs/PRIVACY.md): masked in every answer that reaches a
// screen, for every role; the full number through privacy.reveal (one audit line); stored in full at
// intake even when the form filled it, masked, from a resident; kept when 修改 sends the mask back.

type Core = Awaited<ReturnType<typeof tempCore>>;
type Page = z.infer<typeof TicketPage>;
let core: Core;
let houseId: number;
let otherHouseId: number;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const detail = (p: Promise<unknown>) => must(p as never) as Promise<TicketDetailT>;
const stored = (id: number) =>
  core.ctx.sqlite.prepare('select phone, phone_digits from tickets where id = ?').get(id) as { phone: string; phone_digits: string };
const auditLines = (action: string) =>
  core.ctx.sqlite.prepare('select entity, entity_id, detail from audit_log where action = ? order by id').all(action) as {
    entity: string;
    entity_id: number;
    detail: string;
  }[];

beforeEach(async () => {
  core = await tempCore();
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
  const b = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3' }) as never)) as { id: number };
  const house = (roomNo: string) =>
    must(call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo, type: '住宅', status: '已入住' }) as never) as Promise<{ id: number }>;
  houseId = (await house('1502')).id;
  otherHouseId = (await house('1501')).id;
  await must(call('archives.people.attach', { houseId, role: 'owner', person: { name: '王芳', phone: '138 1234 5678' } }) as never);
  await must(call('archives.people.attach', { houseId, role: 'tenant', person: { name: '李强', phone: '13900002222', phone2: '0755-8888 6666' } }) as never);
});
afterEach(async () => {
  await core.cleanup();
});

const complaint = (extra: Record<string, unknown> = {}) =>
  detail(
    call('desk.tickets.create', {
      type: '投诉',
      channel: '电话',
      houseId,
      category: '噪音扰民',
      urgency: '一般',
      reporter: '王芳',
      phone: '13812345678',
      description: '楼上装修噪音',
      ...extra,
    }),
  );

/** a complaint done and waiting for its callback, so it is on the callbacks queue */
async function awaitingCallback(): Promise<TicketDetailT> {
  const t = await complaint();
  await must(call('desk.tickets.transition', { id: t.ticket.id, action: 'dispatch', department: '客服部' }) as never);
  await must(call('desk.tickets.transition', { id: t.ticket.id, action: 'complete' }) as never);
  return t;
}

describe('every answer that reaches a screen has the phone masked, for every role', () => {
  it.each(['clerk', 'supervisor', 'admin'] as const)('%s: get, create, transition, list, callbacks queue, dashboard', async (role) => {
    await signInAs(core.dispatch, role);
    const created = await awaitingCallback();
    expect(created.ticket.phone).toBe('138****5678');
    const id = created.ticket.id;
    expect((await detail(call('desk.tickets.get', { id }))).ticket.phone).toBe('138****5678');
    const list = (await must(call('desk.tickets.list', {}) as never)) as Page;
    expect(list.rows.map((r) => r.phone)).toEqual(['138****5678']);
    const queue = (await must(call('desk.tickets.list', { needsCallback: true }) as never)) as Page;
    expect(queue.rows.map((r) => [r.id, r.phone])).toEqual([[id, '138****5678']]);
    const note = await detail(call('desk.tickets.addNote', { id, note: '业主来电催办' }));
    expect(note.ticket.phone).toBe('138****5678');
    const called = await detail(call('desk.callbacks.record', { ticketId: id, method: '电话', resolved: true, satisfaction: '满意' }));
    expect(called.ticket.phone).toBe('138****5678');
    // the number is on the row in full: search, printouts and the reveal read it there
    expect(stored(id).phone).toBe('13812345678');
  });

  it('the dashboard rows are masked', async () => {
    await signInAs(core.dispatch, 'clerk');
    const t = await complaint();
    // due soon and overdue are the dashboard's rows: move the clock past the response deadline
    const due = Date.parse(t.ticket.sla.respondDueAt!);
    core.ctx.now = () => new Date(due + 60_000);
    const d = (await must(call('desk.dashboard', {}) as never)) as DashboardT;
    expect(d.overdue.map((r) => r.phone)).toEqual(['138****5678']);
  });
});

describe('显示: the full number through privacy.reveal, one audit line', () => {
  it.each(['clerk', 'supervisor'] as const)('%s reveals the ticket phone; the line names the ticket and the field, not the number', async (role) => {
    const t = await complaint();
    await signInAs(core.dispatch, role, '赵敏');
    const r = (await must(call('privacy.reveal', { subject: 'ticket', id: t.ticket.id, field: 'phone' }) as never)) as { value: string };
    expect(r.value).toBe('13812345678');
    const lines = auditLines('reveal');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ entity: 'ticket', entity_id: t.ticket.id });
    expect(JSON.parse(lines[0].detail)).toMatchObject({ field: 'phone', no: t.ticket.no });
    expect(lines[0].detail).not.toContain('13812345678');
  });
});

describe('受理: the phone is stored in full', () => {
  it('typed at the counter', async () => {
    const t = await complaint({ phone: '139-0000 3333' });
    expect(stored(t.ticket.id)).toEqual({ phone: '13900003333', phone_digits: '13900003333' });
  });

  it("filled from a resident the household read gave masked: that resident's stored number", async () => {
    const hh = (await must(call('archives.household.get', { houseId }) as never)) as { occupants: { person: { name: string; phone: string | null } }[] };
    const shown = hh.occupants.find((o) => o.person.name === '王芳')!.person.phone;
    // what the intake form sends: the phone as the household read showed it (masked once H1's reads mask)
    for (const phone of [shown, '138****5678']) {
      const t = await complaint({ phone });
      expect(t.ticket.phone).toBe('138****5678');
      expect(stored(t.ticket.id).phone).toBe('13812345678');
    }
    // a resident's second number too, and a mask with the spaces a person might leave
    const second = await complaint({ reporter: '李强', phone: '075*****6666' });
    expect(stored(second.ticket.id).phone).toBe('075588886666');
    const spaced = await complaint({ reporter: '李强', phone: ' 139 **** 2222 ' });
    expect(stored(spaced.ticket.id).phone).toBe('13900002222');
  });

  it('a masked number that is no resident of the house is refused on its field, and nothing is written', async () => {
    const before = (core.ctx.sqlite.prepare('select count(*) from tickets').pluck().get() as number) ?? 0;
    for (const extra of [
      { phone: '138****0000' },
      // the right mask, but the request is for another house (nobody lives there) or a public area
      { phone: '138****5678', houseId: otherHouseId },
      { phone: '138****5678', houseId: null, location: '地下车库B2' },
    ]) {
      const r = await call('desk.tickets.create', {
        type: '投诉',
        channel: '电话',
        houseId,
        category: '噪音扰民',
        urgency: '一般',
        description: '楼上装修噪音',
        ...extra,
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { phone: '电话号码不能包含 *，请输入完整号码' } } });
    }
    expect(core.ctx.sqlite.prepare('select count(*) from tickets').pluck().get()).toBe(before);
  });

  it('two residents whose numbers look the same masked: refused, asking for the full number', async () => {
    await must(call('archives.people.attach', { houseId, role: 'family', person: { name: '王小芳', phone: '13899995678' } }) as never);
    const r = await call('desk.tickets.create', {
      type: '投诉',
      channel: '电话',
      houseId,
      category: '噪音扰民',
      urgency: '一般',
      description: '楼上装修噪音',
      phone: '138****5678',
    });
    expect(r).toMatchObject({ ok: false, error: { fields: { phone: '本户有多个号码显示为 138****5678，请输入完整号码' } } });
  });
});

describe('修改: the masked phone round trip', () => {
  it('sent back unchanged keeps the stored number and is no change', async () => {
    const t = await complaint();
    expect(t.ticket.phone).toBe('138****5678');
    const r = await call('desk.tickets.edit', { id: t.ticket.id, phone: t.ticket.phone });
    expect(r).toMatchObject({ ok: false, error: { message: '没有修改任何内容' } });
    const d = await detail(call('desk.tickets.edit', { id: t.ticket.id, phone: t.ticket.phone, description: '楼上装修噪音，晚上十点后仍在施工' }));
    expect(d.events.at(-1)!.changes.map((c) => c.field)).toEqual(['description']);
    expect(stored(t.ticket.id).phone).toBe('13812345678');
    expect(auditLines('edit').map((l) => JSON.parse(l.detail).changes.map((c: { field: string }) => c.field))).toEqual([['description']]);
  });

  it('any other value with a * is refused on the field', async () => {
    const t = await complaint();
    const r = await call('desk.tickets.edit', { id: t.ticket.id, phone: '139****5678' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { phone: '电话号码不能包含 *，请输入完整号码' } } });
    expect(stored(t.ticket.id).phone).toBe('13812345678');
  });

  it('a new number typed in full is stored; the timeline and the audit line keep the change masked', async () => {
    const t = await complaint();
    const d = await detail(call('desk.tickets.edit', { id: t.ticket.id, phone: '139 0000 3333' }));
    expect(stored(t.ticket.id)).toEqual({ phone: '13900003333', phone_digits: '13900003333' });
    expect(d.ticket.phone).toBe('139****3333');
    expect(d.events.at(-1)!.changes).toEqual([{ field: 'phone', label: '电话', from: '138****5678', to: '139****3333' }]);
    const line = auditLines('edit')[0].detail;
    expect(line).not.toContain('13812345678');
    expect(line).not.toContain('13900003333');
  });

  it('a 修改 written before masking (full numbers in the event) is masked when read', async () => {
    const t = await complaint();
    core.ctx.sqlite
      .prepare(
        "insert into ticket_events (ticket_id, at, actor, action, from_status, to_status, note, data) values (?, ?, '前台', 'edit', '已受理', '已受理', null, ?)",
      )
      .run(t.ticket.id, new Date().toISOString(), JSON.stringify({ changes: [{ field: 'phone', label: '电话', from: '13800001111', to: '13812345678' }] }));
    const d = await detail(call('desk.tickets.get', { id: t.ticket.id }));
    expect(d.events.at(-1)!.changes).toEqual([{ field: 'phone', label: '电话', from: '138****1111', to: '138****5678' }]);
  });
});

describe('search by phone still works on the stored digits', () => {
  it('full digits, a formatted number and the last four find the ticket', async () => {
    const t = await complaint();
    await complaint({ phone: '13900003333' });
    for (const text of ['13812345678', '5678', '1234']) {
      const page = (await must(call('desk.tickets.list', { text }) as never)) as Page;
      expect(page.rows.map((r) => r.id)).toEqual([t.ticket.id]);
      expect(page.rows[0].phone).toBe('138****5678');
    }
  });
});
