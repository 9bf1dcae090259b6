import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must, TEST_ADMIN } from '../helpers/temp-core';
import type { TicketDetailT } from '../../../shared/contract/desk';

// Every step of a ticket writes an audit line in its own transaction, with before → after (docs/AUDIT.md).
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let houseId: number;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const detail = (p: Promise<unknown>) => must(p as never) as Promise<TicketDetailT>;
type Line = { actor: string; action: string; detail: string };
const lines = (id: number) =>
  core.ctx.sqlite.prepare("select actor, action, detail from audit_log where entity = 'ticket' and entity_id = ? order by id").all(id) as Line[];

beforeEach(async () => {
  core = await tempCore();
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
  const b = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3' }) as never)) as { id: number };
  houseId = (
    (await must(call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' }) as never)) as { id: number }
  ).id;
});
afterEach(async () => {
  await core.cleanup();
});

describe('ticket audit lines', () => {
  it('intake, dispatch, hold, resume, complete, callback and void each write one, who and before → after', async () => {
    const repair = await detail(
      call('desk.tickets.create', {
        type: '报修',
        channel: '电话',
        houseId,
        category: '工程维修',
        subcategory: '水电',
        urgency: '一般',
        description: '卫生间漏水',
      }),
    );
    const id = repair.ticket.id;
    await detail(call('desk.tickets.transition', { id, action: 'dispatch', department: '工程部', assignee: '李师傅' }));
    await detail(call('desk.tickets.transition', { id, action: 'hold', reason: '等配件' }));
    await detail(call('desk.tickets.transition', { id, action: 'resume' }));
    await detail(call('desk.tickets.transition', { id, action: 'complete' }));
    await detail(call('desk.callbacks.record', { ticketId: id, method: '电话', resolved: true, satisfaction: '满意' }));
    expect(lines(id).map((l) => l.action)).toEqual(['create', 'dispatch', 'hold', 'resume', 'complete', 'callback']);
    expect(new Set(lines(id).map((l) => l.actor))).toEqual(new Set([TEST_ADMIN.displayName]));
    const dispatch = JSON.parse(lines(id)[1].detail) as { changes: Record<string, [unknown, unknown]> };
    expect(dispatch.changes.status).toEqual(['已受理', '已派工']);
    expect(dispatch.changes.department).toEqual([null, '工程部']);
    expect(dispatch.changes.assignee).toEqual([null, '李师傅']);
    const callback = JSON.parse(lines(id)[5].detail) as { changes: { status: [string, string] }; satisfaction: string };
    expect(callback.changes.status).toEqual(['已完成', '已回访']);
    expect(callback.satisfaction).toBe('满意');

    const other = await detail(
      call('desk.tickets.create', { type: '投诉', channel: '来访', houseId, category: '噪音扰民', urgency: '一般', description: '噪音' }),
    );
    await detail(call('desk.tickets.transition', { id: other.ticket.id, action: 'void', reason: '重复登记' }));
    const voided = JSON.parse(lines(other.ticket.id)[1].detail) as { changes: Record<string, [unknown, unknown]>; reason: string };
    expect(voided.changes.status).toEqual(['已受理', '已作废']);
    expect(voided.reason).toBe('重复登记');
  });

  it('a refused step writes no line', async () => {
    const t = await detail(call('desk.tickets.create', { type: '咨询', channel: '电话', houseId, category: '其他', urgency: '一般', description: '停水时间' }));
    const r = await call('desk.tickets.transition', { id: t.ticket.id, action: 'close' });
    expect(r.ok).toBe(false);
    expect(lines(t.ticket.id).map((l) => l.action)).toEqual(['create']);
  });
});
