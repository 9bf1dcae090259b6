import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import type { AuditPageT } from '../../../shared/contract/audit';

// 操作日志 (audit.list): filters, newest first, paging, Chinese summaries with phones and IDs masked
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const list = (input: Record<string, unknown>) => must(call('audit.list', input) as never) as Promise<AuditPageT>;

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function setup() {
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园', phone: '0755-88886666' }) as never)) as { id: number };
  const building = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3', floors: 32 }) as never)) as { id: number };
  const mk = async (roomNo: string) =>
    (await must(call('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo, type: '住宅', status: '已交付' }) as never)) as { id: number };
  const houseA = await mk('1502');
  const houseB = await mk('1503');
  const attach = async (houseId: number, name: string, phone: string, idNumber?: string) =>
    ((await must(call('archives.people.attach', { houseId, role: 'owner', person: { name, phone, idNumber } }) as never)) as { person: { id: number } }).person
      .id;
  const zhang = await attach(houseA.id, '张三', '13812345678', '110105194912310021');
  const li = await attach(houseB.id, '李四', '13700001111');
  return { estate, houseA: houseA.id, houseB: houseB.id, zhang, li };
}

describe('audit.list', () => {
  it('filters by person and summarises a change before → after with phones masked', async () => {
    const { zhang, li } = await setup();
    await must(call('archives.people.update', { id: zhang, name: '张三', phone: '13900000000', idNumber: '11010519491231002X' }) as never);
    await must(call('archives.people.update', { id: li, name: '李四', phone: '13700002222' }) as never);

    const byId = await list({ personId: zhang });
    expect(byId.rows.map((r) => r.summary)).toEqual([
      '修改 住户 张三：电话 138****5678 → 139****0000；证件号码 110***********0021 → 110***********002X',
      '登记住户 房屋 3栋2单元1502：张三（业主）',
      '新建 住户 张三',
    ]);
    const byName = await list({ person: '张' });
    expect(byName.rows.map((r) => r.id)).toEqual(byId.rows.map((r) => r.id));
    expect(JSON.stringify(byName)).not.toContain('13900000000');
    expect((await list({ person: '王五' })).rows).toEqual([]);
  });

  it('filters by house: its own lines, its people, its tickets, records naming it', async () => {
    const { houseA, houseB, zhang } = await setup();
    await must(call('archives.people.update', { id: zhang, name: '张三', phone: '13900000000', idNumber: '110105194912310021' }) as never);
    await must(call('archives.vehicles.add', { houseId: houseA, plate: '粤B12345' }) as never);
    const t = (await must(
      call('desk.tickets.create', {
        type: '咨询',
        channel: '电话',
        houseId: houseA,
        category: '收费争议',
        urgency: '一般',
        description: '物业费怎么交',
      }) as never,
    )) as { ticket: { id: number; no: string } };
    await must(
      call('desk.tickets.create', { type: '咨询', channel: '电话', houseId: houseB, category: '收费争议', urgency: '一般', description: '别家' }) as never,
    );

    const page = await list({ houseId: houseA });
    const summaries = page.rows.map((r) => r.summary);
    expect(summaries[0]).toBe(`新建 工单 ${t.ticket.no}`);
    expect(summaries).toContain('新建 车辆 粤B12345');
    expect(summaries).toContain('修改 住户 张三：电话 138****5678 → 139****0000');
    expect(summaries).toContain('新建 房屋 3栋2单元1502');
    expect(summaries.some((s) => s.includes('1503') || s.includes('李四') || s.includes('别家'))).toBe(false);
    expect(page.rows.every((r) => r.houseId === houseA || r.entity === 'person')).toBe(true);

    const byTicket = await list({ ticketNo: t.ticket.no.toLowerCase() });
    expect(byTicket.rows.map((r) => r.entityId)).toEqual([t.ticket.id]);
    expect((await list({ ticketId: t.ticket.id })).rows).toHaveLength(1);
    expect((await list({ ticketNo: 'TS20990101-001' })).rows).toEqual([]);
  });

  it('filters by actor, action and China-time days; newest first, paged, with the count', async () => {
    const { zhang } = await setup();
    await must(call('system.settings.update', { companyName: '安居物业' }) as never);
    await must(call('archives.people.update', { id: zhang, name: '张三', phone: '13900000000', idNumber: '110105194912310021' }) as never);
    // another desk's line (accounts sign each line with the user's name)
    await core.ctx.db
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor: '小王',
        entity: 'settings',
        entity_id: null,
        action: 'update',
        detail: JSON.stringify({ changes: { staffName: ['前台', '小王'] } }),
      })
      .execute();

    expect((await list({ actor: '小王' })).rows.map((r) => r.summary)).toEqual(['修改 设置：前台姓名 前台 → 小王']);
    const mine = await list({ action: 'update', actor: '前台' });
    expect(mine.rows.map((r) => r.summary)).toEqual(['修改 住户 张三：电话 138****5678 → 139****0000', '修改 设置：公司名称 空 → 安居物业']);

    // every line was written just now: today in China holds them all, yesterday none
    const all = await list({});
    const chinaToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    expect((await list({ from: chinaToday, to: chinaToday })).total).toBe(all.total);
    expect((await list({ from: yesterday, to: yesterday })).total).toBe(0);

    // a line stamped 23:30 China time (15:30 UTC) on a day belongs to that day, not the next
    await core.ctx.db
      .insertInto('audit_log')
      .values({ at: '2026-03-15T15:30:00.000Z', actor: '夜班', entity: 'settings', entity_id: null, action: 'update', detail: null })
      .execute();
    expect((await list({ from: '2026-03-15', to: '2026-03-15' })).rows.map((r) => r.actor)).toEqual(['夜班']);
    expect((await list({ from: '2026-03-16', to: '2026-03-16' })).total).toBe(0);

    const ids = (await list({})).rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const p1 = await list({ limit: 2 });
    const p2 = await list({ limit: 2, offset: 2 });
    expect([...p1.rows, ...p2.rows].map((r) => r.id)).toEqual(ids.slice(0, 4));
    expect(p1.total).toBe(ids.length);
    expect(p1.capped).toBe(false);
  });

  it('an action filter takes every action of its Chinese verb (修改: update and a ticket edit)', async () => {
    const { houseA, zhang } = await setup();
    await must(call('archives.people.update', { id: zhang, name: '张三', phone: '13900000000', idNumber: '110105194912310021' }) as never);
    const t = (await must(
      call('desk.tickets.create', {
        type: '咨询',
        channel: '电话',
        houseId: houseA,
        category: '收费争议',
        urgency: '一般',
        description: '物业费怎么交',
        reporter: '张三',
      }) as never,
    )) as { ticket: { id: number; no: string } };
    await must(call('desk.tickets.edit', { id: t.ticket.id, reporter: '张先生' }) as never);
    const edits = await list({ action: 'edit' });
    expect(edits.rows.map((r) => r.action).sort()).toEqual(['edit', 'update']);
    expect(edits.rows[0].summary).toBe(`修改 工单 ${t.ticket.no}：报事人 张三 → 张先生`);
  });

  it('caps the count a thousand rows past the page', async () => {
    const rows = Array.from({ length: 1105 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actor: '前台',
      entity: 'settings',
      entity_id: null,
      action: 'update',
      detail: null,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await core.ctx.db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 200))
        .execute();
    const page = await list({ limit: 50 });
    expect(page.rows).toHaveLength(50);
    expect(page.total).toBe(1050);
    expect(page.capped).toBe(true);
  });

  it('masks an ID number an older writer left in clear (roster import lines)', async () => {
    await core.ctx.db
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor: '前台',
        entity: 'person',
        entity_id: null,
        action: 'import.update',
        detail: JSON.stringify({ field: 'id_number', from: '110105194912310021', to: '11010519491231002X', file: '名册.xlsx' }),
      })
      .execute();
    const [line] = (await list({ action: 'import.update' })).rows;
    expect(line.summary).toBe('导入更新 住户：证件号码 110***********0021 → 110***********002X');
  });

  it('refuses a reversed date range and an oversized page in Chinese', async () => {
    const r = await call('audit.list', { from: '2026-03-16', to: '2026-03-15' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('开始日期不能晚于结束日期');
    const big = await call('audit.list', { limit: 5000 });
    expect(big.ok).toBe(false);
  });
});
