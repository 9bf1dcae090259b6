import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import type { HandoverT, HandoverViewT, MoveinHouseT, DeliveryPlanT } from '../../../shared/contract/movein';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const get = async <T>(channel: string, input: unknown) => (await must(call(channel, input) as never)) as T;

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function setup() {
  const estate = await get<{ id: number }>('archives.estates.create', { name: '翠湖花园', phone: '0755-88886666' });
  const building = await get<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '3', floors: 32 });
  const house = (roomNo: string, status: string) =>
    get<{ id: number; label: string }>('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo, type: '住宅', status });
  const sold = await house('1502', '已售未交付');
  const unsold = await house('1501', '未售');
  const other = await house('0301', '已售未交付');
  await get('archives.people.attach', { houseId: sold.id, role: 'owner', person: { name: '张三', phone: '13800138000' } });
  return { estate, building, sold, unsold, other };
}

const form = (houseId: number, extra: Record<string, unknown> = {}) => ({
  houseId,
  checklist: ['idcard', 'contract', 'fund'],
  keys: [
    { name: '入户门钥匙', qty: 3 },
    { name: '单元门禁卡', qty: 2 },
  ],
  meters: { water: 12.5, electricity: 340, gas: null },
  defects: [{ location: '主卧', description: '窗框渗水' }],
  signatures: { owner: true, staff: true },
  receiverName: '张三',
  receiverPhone: '13800138000',
  notes: null,
  ...extra,
});

async function statusOf(houseId: number): Promise<string> {
  return (await core.ctx.db.selectFrom('houses').select('status').where('id', '=', houseId).executeTakeFirstOrThrow()).status;
}

describe('交付 (handover)', () => {
  it('saves a handover: house → 已交付, each defect becomes a 报修 ticket for the house, audit and history rows', async () => {
    const { sold, building } = await setup();
    const ho = await get<HandoverT>(
      'movein.handover.save',
      form(sold.id, {
        defects: [
          { location: '主卧', description: '窗框渗水' },
          { location: '厨房', description: '水槽下水慢' },
        ],
      }),
    );
    expect(await statusOf(sold.id)).toBe('已交付');
    expect(ho.statusBefore).toBe('已售未交付');
    expect(ho.keys).toEqual([
      { name: '入户门钥匙', qty: 3 },
      { name: '单元门禁卡', qty: 2 },
    ]);
    expect(ho.meters).toEqual({ water: 12.5, electricity: 340, gas: null });
    expect(ho.defects).toHaveLength(2);
    for (const d of ho.defects) expect(d.ticketNo).toBeTruthy();

    const tickets = await core.ctx.db.selectFrom('tickets').selectAll().orderBy('id').execute();
    expect(tickets).toHaveLength(2);
    for (const t of tickets) {
      expect(t.type).toBe('报修');
      expect(t.channel).toBe('来访');
      expect(t.category).toBe('工程维修');
      expect(t.house_id).toBe(sold.id);
      expect(t.reporter).toBe('张三');
    }
    expect(tickets[0].description).toContain('主卧');
    expect(tickets.map((t) => t.id)).toEqual(ho.defects.map((d) => d.ticketId));

    const audits = await core.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'handover').execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'tickets']);

    const hh = await get<{ history: { title: string; detail: string | null; kind: string }[] }>('archives.household.get', { houseId: sold.id });
    const entry = hh.history.find((e) => e.title === '交付');
    expect(entry?.detail).toContain('入户门钥匙×3');
    expect(entry?.detail).toContain('验收问题 2 项');
    expect(hh.history.filter((e) => e.kind === 'ticket')).toHaveLength(2);

    const list = await get<MoveinHouseT[]>('movein.houses.list', { buildingId: building.id });
    expect(list.map((h) => h.label)).toEqual(['3栋2单元301', '3栋2单元1501', '3栋2单元1502']);
    const row = list.find((h) => h.id === sold.id);
    expect(row?.status).toBe('已交付');
    expect(row?.owners).toEqual(['张三']);
    expect(row?.handover).toMatchObject({ keyCount: 5, defectCount: 2, receiverName: '张三' });

    const view = await get<HandoverViewT>('movein.handover.get', { houseId: sold.id });
    expect(view.handover?.id).toBe(ho.id);
    expect(view.checklistItems.map((i) => i.label)).toContain('维修基金缴纳凭证');
    expect(view.defaultKeys).toContainEqual({ name: '电表箱钥匙', qty: 1 });
    expect(view.owners).toEqual([{ personId: expect.any(Number), name: '张三', phone: '138****8000' }]);
    expect(view.handover?.receiverPhone).toBe('138****8000');
  });

  it('the receiver phone starts as the owner’s masked phone: sent back as shown it stores the owner’s number; another * is refused (docs/PRIVACY.md)', async () => {
    const { sold, other } = await setup();
    const view = await get<HandoverViewT>('movein.handover.get', { houseId: sold.id });
    const shown = view.owners[0].phone;
    expect(shown).toBe('138****8000');

    // a masked number that is no owner's of this house (0301 has none) is refused on its field
    const wrong = await call('movein.handover.save', form(other.id, { defects: [], receiverPhone: shown }));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.fields?.receiverPhone).toBe('电话号码不能包含 *，请输入完整号码');
    const edited = await call('movein.handover.save', form(sold.id, { receiverPhone: '138****8001' }));
    expect(edited.ok).toBe(false);
    if (!edited.ok) expect(edited.error.fields?.receiverPhone).toBe('电话号码不能包含 *，请输入完整号码');
    expect(await core.ctx.db.selectFrom('handovers').select('id').execute()).toHaveLength(0);

    const ho = await get<HandoverT>('movein.handover.save', form(sold.id, { receiverPhone: shown }));
    expect(ho.receiverPhone).toBe('138****8000');
    const row = await core.ctx.db.selectFrom('handovers').select('receiver_phone').where('id', '=', ho.id).executeTakeFirstOrThrow();
    expect(row.receiver_phone).toBe('13800138000');
    // the defect's repair ticket carries the real number too: the worker calls it
    const ticket = await core.ctx.db.selectFrom('tickets').select('phone').executeTakeFirstOrThrow();
    expect(ticket.phone).toBe('13800138000');

    // 显示 on the 交付入住 card: the stored number, with an audit line naming the field and not the number
    const shownFull = await get<{ value: string }>('privacy.reveal', { subject: 'handover', id: ho.id, field: 'receiverPhone' });
    expect(shownFull.value).toBe('13800138000');
    const lines = await get<{ rows: { summary: string }[] }>('audit.list', { action: 'reveal' });
    expect(lines.rows.map((r) => r.summary)).toEqual(['显示完整号码 交付 张三：领取人电话']);
    const detail = core.ctx.sqlite.prepare("select detail from audit_log where action = 'reveal'").pluck().get() as string;
    expect(detail).not.toContain('13800138000');
  });

  it('a handover without defects creates no ticket', async () => {
    const { other } = await setup();
    const ho = await get<HandoverT>('movein.handover.save', form(other.id, { defects: [], receiverPhone: '' }));
    expect(ho.defects).toEqual([]);
    expect(ho.receiverPhone).toBeNull();
    expect(await core.ctx.db.selectFrom('tickets').select('id').execute()).toHaveLength(0);
  });

  it('refuses in Chinese: a second handover, an unsold house, bad key quantities and meter readings; writes nothing', async () => {
    const { sold, unsold } = await setup();
    await get('movein.handover.save', form(sold.id));

    const again = await call('movein.handover.save', form(sold.id));
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('CONFLICT');
      expect(again.error.message).toContain('已于');
      expect(again.error.message).toContain('办理交付');
    }

    const notSold = await call('movein.handover.save', form(unsold.id));
    expect(notSold.ok).toBe(false);
    if (!notSold.ok) expect(notSold.error.message).toBe('未售房屋不能办理交付');

    const badQty = await call('movein.handover.save', form(unsold.id, { keys: [{ name: '入户门钥匙', qty: 100 }] }));
    expect(badQty.ok).toBe(false);
    if (!badQty.ok) {
      expect(badQty.error.code).toBe('VALIDATION');
      expect(badQty.error.fields?.['keys.0.qty']).toBe('数量应在 0 到 99 之间');
    }
    const negQty = await call('movein.handover.save', form(unsold.id, { keys: [{ name: '入户门钥匙', qty: -1 }] }));
    if (!negQty.ok) expect(negQty.error.fields?.['keys.0.qty']).toBe('数量应在 0 到 99 之间');
    expect(negQty.ok).toBe(false);

    const badMeter = await call('movein.handover.save', form(unsold.id, { meters: { water: -3, electricity: 1e9, gas: null } }));
    expect(badMeter.ok).toBe(false);
    if (!badMeter.ok) {
      expect(badMeter.error.fields?.['meters.water']).toBe('水表读数不能为负数');
      expect(badMeter.error.fields?.['meters.electricity']).toBe('电表读数不超过 999999');
    }
    const noReceiver = await call('movein.handover.save', form(unsold.id, { receiverName: ' ' }));
    if (!noReceiver.ok) expect(noReceiver.error.fields?.receiverName).toBe('请填写领取人');
    expect(noReceiver.ok).toBe(false);

    const dupKeys = await call(
      'movein.handover.save',
      form((await setup2(sold.id)).id, {
        keys: [
          { name: 'A', qty: 1 },
          { name: 'A', qty: 2 },
        ],
      }),
    );
    expect(dupKeys.ok).toBe(false);
    if (!dupKeys.ok) expect(dupKeys.error.message).toBe('钥匙名称不能重复');

    expect(await core.ctx.db.selectFrom('handovers').select('id').execute()).toHaveLength(1);
    expect(await core.ctx.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
    expect(await statusOf(unsold.id)).toBe('未售');
  });

  it('入住: 已交付 → 已入住 with the date on the handover, audit and history; refuses other statuses and future dates', async () => {
    const { sold, other } = await setup();
    const early = await call('movein.moveIn', { houseId: sold.id, date: '2026-01-01' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('只有「已交付」的房屋可以办理入住');

    await get('movein.handover.save', form(sold.id, { defects: [] }));
    const future = await call('movein.moveIn', { houseId: sold.id, date: '2099-01-01' });
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.error.fields?.date).toBe('入住日期不能晚于今天');

    const { cstDate } = await import('../../../shared/domain/time');
    const today = cstDate(core.ctx.now());
    const r = await get<{ status: string }>('movein.moveIn', { houseId: sold.id, date: today });
    expect(r.status).toBe('已入住');
    expect(await statusOf(sold.id)).toBe('已入住');
    const view = await get<HandoverViewT>('movein.handover.get', { houseId: sold.id });
    expect(view.handover?.movedInDate).toBe(today);
    const hh = await get<{ history: { title: string; detail: string | null }[] }>('archives.household.get', { houseId: sold.id });
    expect(hh.history.find((e) => e.title === '入住')?.detail).toBe(`入住日期：${today}`);
    const occ = await core.ctx.db.selectFrom('occupancies').select('move_in_date').where('house_id', '=', sold.id).executeTakeFirstOrThrow();
    expect(occ.move_in_date).toBe(today);
    const audits = await core.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'movein').execute();
    expect(audits).toHaveLength(1);

    const twice = await call('movein.moveIn', { houseId: sold.id, date: today });
    expect(twice.ok).toBe(false);
    expect(await statusOf(other.id)).toBe('已售未交付');
  });

  it('作废交付 puts the house back to its status before, keeps the row and the tickets, and allows a new handover', async () => {
    const { sold } = await setup();
    const ho = await get<HandoverT>('movein.handover.save', form(sold.id));
    const { cstDate } = await import('../../../shared/domain/time');
    await get('movein.moveIn', { houseId: sold.id, date: cstDate(core.ctx.now()) });

    const noReason = await call('movein.handover.void', { id: ho.id, reason: '' });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.error.fields?.reason).toBe('请填写作废原因');

    const r = await get<{ status: string }>('movein.handover.void', { id: ho.id, reason: '领取人非业主本人' });
    expect(r.status).toBe('已售未交付');
    expect(await statusOf(sold.id)).toBe('已售未交付');
    const row = await core.ctx.db.selectFrom('handovers').selectAll().where('id', '=', ho.id).executeTakeFirstOrThrow();
    expect(row.void_reason).toBe('领取人非业主本人');
    expect(row.voided_at).toBeTruthy();
    expect(await core.ctx.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);

    const view = await get<HandoverViewT>('movein.handover.get', { houseId: sold.id });
    expect(view.handover).toBeNull();
    const hh = await get<{ history: { title: string; detail: string | null }[] }>('archives.household.get', { houseId: sold.id });
    expect(hh.history.find((e) => e.title === '作废交付')?.detail).toBe('领取人非业主本人');

    const twice = await call('movein.handover.void', { id: ho.id, reason: '再次' });
    expect(twice.ok).toBe(false);

    const again = await get<HandoverT>('movein.handover.save', form(sold.id, { defects: [] }));
    expect(again.id).not.toBe(ho.id);
    expect(await statusOf(sold.id)).toBe('已交付');
  });

  it('delivery plan: empty until set, then kept per building with who and when', async () => {
    const { building } = await setup();
    const empty = await get<DeliveryPlanT>('movein.plan.get', { buildingId: building.id });
    expect(empty).toMatchObject({ date: null, place: null, updatedAt: null });
    const set = await get<DeliveryPlanT>('movein.plan.set', { buildingId: building.id, date: '2026-12-20', place: '会所一楼大厅', notes: '' });
    expect(set).toMatchObject({ date: '2026-12-20', place: '会所一楼大厅', notes: null });
    expect(set.updatedAt).toBeTruthy();
    const changed = await get<DeliveryPlanT>('movein.plan.set', { buildingId: building.id, date: '2026-12-21', place: '会所二楼' });
    expect(changed.date).toBe('2026-12-21');
    expect(await core.ctx.db.selectFrom('delivery_plans').select('id').execute()).toHaveLength(1);
    const bad = await call('movein.plan.set', { buildingId: building.id, date: '2026-02-30' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.date).toBe('没有这一天，请核对日期');
    const missing = await call('movein.plan.get', { buildingId: 9999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toBe('楼栋不存在或已作废');
  });
});

/** a fresh 已售未交付 house next to the given one */
async function setup2(nearHouseId: number) {
  const h = await core.ctx.db.selectFrom('houses').select('building_id').where('id', '=', nearHouseId).executeTakeFirstOrThrow();
  return get<{ id: number }>('archives.houses.create', { buildingId: h.building_id, unitName: '2', roomNo: '0901', type: '住宅', status: '已售未交付' });
}
