import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import type { EstateT, HouseholdT, OccupancyT, PersonMatchT } from '../../../shared/contract/archives';
import type { AppStatusT } from '../../../shared/contract/system';
import type { Result } from '../../../shared/contract/result';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const get = <T>(channel: string, input: unknown) => must(call(channel, input) as never) as Promise<T>;
const household = (houseId: number) => get<HouseholdT>('archives.household.get', { houseId });

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

/** Two estates, each with a house; 王芳 is the owner of the first. */
async function arrange() {
  const home = await get<EstateT>('archives.estates.create', { name: '翠湖花园' });
  const other = await get<EstateT>('archives.estates.create', { name: '锦绣商城' });
  const hb = await get<{ id: number }>('archives.buildings.create', { estateId: home.id, name: '1' });
  const ob = await get<{ id: number }>('archives.buildings.create', { estateId: other.id, name: '1' });
  const a = await get<{ id: number }>('archives.houses.create', { buildingId: hb.id, unitName: '1', roomNo: '101', type: '住宅', status: '已入住' });
  const b = await get<{ id: number }>('archives.houses.create', { buildingId: hb.id, unitName: '2', roomNo: '202', type: '住宅', status: '已入住' });
  const shop = await get<{ id: number }>('archives.houses.create', { buildingId: ob.id, unitName: '1', roomNo: '101', type: '商铺', status: '出租' });
  const owner = await get<OccupancyT>('archives.people.attach', {
    houseId: a.id,
    role: 'owner',
    person: { name: '王芳', phone: '138 0000 1111', idNumber: '11010519491231002X' },
  });
  return { home, other, a: a.id, b: b.id, shop: shop.id, owner };
}

describe('people already on file', () => {
  it('finds a person by name, phone, phone tail, ID number and ID tail, naming every house and estate', async () => {
    const { a, b, owner } = await arrange();
    await get('archives.people.attach', { houseId: b, role: 'tenant', personId: owner.person.id });
    for (const [query, matched] of [
      ['王芳', '姓名'],
      ['王', '姓名'],
      ['wf', '拼音首字母'],
      ['13800001111', '电话'],
      ['1111', '电话尾号'],
      ['11010519491231002x', '证件号码'],
      ['002X', '证件号码尾号'],
    ] as const) {
      const found = await get<PersonMatchT[]>('archives.people.find', { query });
      expect(found, query).toHaveLength(1);
      expect(found[0].matched, query).toBe(matched);
      expect(found[0].person.id).toBe(owner.person.id);
      // the ID number stays masked in what the screen gets
      expect(found[0].person.idNumber).toBe('110***********002X');
      expect(found[0].places.map((p) => [p.houseId, p.label, p.estateName, p.role, p.active])).toEqual([
        [a, '1栋1单元101', '翠湖花园', 'owner', true],
        [b, '1栋2单元202', '翠湖花园', 'tenant', true],
      ]);
    }
    expect(await get('archives.people.find', { query: '李' })).toEqual([]);
    expect(await get('archives.people.find', { query: '' })).toEqual([]);
  });

  it('adds an existing person to a second house (another estate) with a role, without a second record', async () => {
    const { shop, owner } = await arrange();
    const occ = await get<OccupancyT>('archives.people.attach', {
      houseId: shop,
      role: 'tenant',
      personId: owner.person.id,
      leaseStart: '2026-01-01',
      leaseEnd: '2026-12-31',
    });
    expect(occ.person.id).toBe(owner.person.id);
    expect(occ.role).toBe('tenant');
    const people = Number(core.ctx.sqlite.prepare('select count(*) from people').pluck().get());
    expect(people).toBe(1);
    expect((await household(shop)).occupants.map((o) => [o.person.name, o.role])).toEqual([['王芳', 'tenant']]);
    // the same person twice in one house is refused
    const again = await call('archives.people.attach', { houseId: shop, role: 'family', personId: owner.person.id });
    expect(again.ok).toBe(false);
  });

  it('refuses a new person whose phone or ID number is on file, naming who and where; creates one when staff confirm', async () => {
    const { b } = await arrange();
    const count = () => Number(core.ctx.sqlite.prepare('select count(*) from people').pluck().get());

    const byPhone = (await call('archives.people.attach', { houseId: b, role: 'owner', person: { name: '王芳芳', phone: '13800001111' } })) as Result<unknown>;
    expect(byPhone.ok).toBe(false);
    if (!byPhone.ok) {
      expect(byPhone.error.code).toBe('CONFLICT');
      expect(byPhone.error.fields?.['person.phone']).toBe('此电话已登记给 王芳（翠湖花园 1栋1单元101业主）');
      expect(byPhone.error.message).toContain('请选择已有人员');
    }
    const byId = (await call('archives.people.attach', {
      houseId: b,
      role: 'owner',
      person: { name: '王 芳', idNumber: '11010519491231002x' },
    })) as Result<unknown>;
    expect(byId.ok).toBe(false);
    if (!byId.ok) expect(byId.error.fields?.['person.idNumber']).toBe('此证件号码已登记给 王芳（翠湖花园 1栋1单元101业主）');
    expect(count()).toBe(1);

    // a family sharing one phone is real: staff confirm and a second person is created
    const confirmed = await get<OccupancyT>('archives.people.attach', {
      houseId: b,
      role: 'family',
      allowDuplicate: true,
      person: { name: '王小芳', phone: '13800001111' },
    });
    expect(confirmed.person.name).toBe('王小芳');
    expect(count()).toBe(2);
  });

  it('people.duplicates: exact phone or ID number, not oneself, never a masked or short number', async () => {
    const { owner } = await arrange();
    const dup = (input: object) => get<PersonMatchT[]>('archives.people.duplicates', input);
    expect((await dup({ phone: '138-0000-1111' })).map((m) => [m.person.name, m.matched])).toEqual([['王芳', '电话']]);
    expect((await dup({ idNumber: '11010519491231002X', phone: '13800001111' })).map((m) => m.matched)).toEqual(['证件号码']);
    expect(await dup({ phone: '13800001111', exceptPersonId: owner.person.id })).toEqual([]);
    expect(await dup({ idNumber: '110***********002X' })).toEqual([]);
    expect(await dup({ phone: '1111' })).toEqual([]);
    expect(await dup({})).toEqual([]);
  });
});

describe('household history', () => {
  it("shows only its own house's tickets, and public-area tickets by its people's phones", async () => {
    const { a, b } = await arrange();
    // a second record of 王芳 with the same phone, in house b (the case that leaked tickets)
    await get('archives.people.attach', { houseId: b, role: 'owner', allowDuplicate: true, person: { name: '王芳', phone: '13800001111' } });
    const ticket = (houseId: number | null, description: string) =>
      get<{ ticket: { id: number } }>('desk.tickets.create', {
        type: '报修',
        channel: '电话',
        houseId,
        location: houseId ? undefined : '1栋大堂',
        category: '工程维修',
        urgency: '一般',
        reporter: '王芳',
        phone: '13800001111',
        description,
      });
    const forA = await ticket(a, '厨房水管漏水');
    const forB = await ticket(b, '卫生间灯不亮');
    const publicArea = await ticket(null, '大堂门禁坏了');

    const refs = async (houseId: number) => (await household(houseId)).history.filter((e) => e.kind === 'ticket').map((e) => e.ref);
    expect((await refs(a)).sort()).toEqual([forA.ticket.id, publicArea.ticket.id].sort());
    expect((await refs(b)).sort()).toEqual([forB.ticket.id, publicArea.ticket.id].sort());
  });
});

describe('estates', () => {
  it('lists every estate with its buildings and houses, and updates name, phone and address (audited)', async () => {
    const { home, other } = await arrange();
    const status = await get<AppStatusT>('system.status', {});
    expect(status.estates.map((e) => [e.name, e.buildingCount, e.houseCount])).toEqual([
      ['翠湖花园', 1, 2],
      ['锦绣商城', 1, 1],
    ]);

    const updated = await get<EstateT>('archives.estates.update', { id: home.id, name: ' 翠湖花园二期 ', phone: '0755-1234 5678', address: '深圳市南山区' });
    expect(updated).toEqual({ id: home.id, name: '翠湖花园二期', phone: '0755-1234 5678', address: '深圳市南山区', buildingCount: 1, houseCount: 2 });
    const after = await get<EstateT[]>('archives.estates.list', {});
    expect(after.find((e) => e.id === home.id)?.name).toBe('翠湖花园二期');
    const line = core.ctx.sqlite.prepare("select detail from audit_log where entity = 'estate' and action = 'update'").pluck().get() as string;
    expect(JSON.parse(line)).toEqual({ name: ['翠湖花园', '翠湖花园二期'], phone: [null, '0755-1234 5678'], address: [null, '深圳市南山区'] });

    // blanks clear the phone; a name taken by another estate is refused next to the field
    expect((await get<EstateT>('archives.estates.update', { id: home.id, name: '翠湖花园二期', phone: '', address: '' })).phone).toBeNull();
    const taken = (await call('archives.estates.update', { id: other.id, name: '翠湖花园二期' })) as Result<unknown>;
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.error.fields?.name).toContain('已存在');
    const bad = (await call('archives.estates.update', { id: home.id, name: '', phone: 'abc'.repeat(20) })) as Result<unknown>;
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(['name', 'phone']);
    expect((await call('archives.estates.update', { id: 999, name: '不存在' })).ok).toBe(false);
  });
});

describe('tickets with several estates', () => {
  it("name their estate, and a public-area ticket is filed under the desk's current estate", async () => {
    const { home, other, shop } = await arrange();
    type Detail = { ticket: { estateId: number; estateName: string } };
    const intake = (extra: object) =>
      get<Detail>('desk.tickets.create', { type: '咨询', channel: '来访', category: '收费争议', urgency: '一般', description: '咨询物业费', ...extra });
    expect((await intake({ houseId: shop })).ticket).toMatchObject({ estateId: other.id, estateName: '锦绣商城' });
    expect((await intake({ location: '商场中庭', estateId: other.id })).ticket).toMatchObject({ estateId: other.id, estateName: '锦绣商城' });
    // without one (an older caller), the first estate
    expect((await intake({ location: '小区大门' })).ticket).toMatchObject({ estateId: home.id, estateName: '翠湖花园' });
    expect(
      (
        await call('desk.tickets.create', {
          type: '咨询',
          channel: '来访',
          category: '收费争议',
          urgency: '一般',
          description: 'x',
          location: 'y',
          estateId: 999,
        })
      ).ok,
    ).toBe(false);
  });
});

describe('first run', () => {
  it('refuses a demo of 99,999 houses with the limit stated, instead of cutting it to 5,000', async () => {
    const r = (await call('system.setup', { estateName: '翠湖花园', demo: true, houses: 99_999 })) as Result<unknown>;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.houses).toBe('演示房屋最多 5000 户；更大的项目请导入业主名册');
    expect((await get<AppStatusT>('system.status', {})).firstRun).toBe(true);
    const none = (await call('system.setup', { estateName: '翠湖花园', demo: true })) as Result<unknown>;
    expect(none.ok).toBe(false);
  });

  it('leaves the service phone and address blank unless given, demo or not', async () => {
    await get('system.setup', { estateName: '翠湖花园', demo: true, houses: 20 });
    const [demo] = (await get<AppStatusT>('system.status', {})).estates;
    expect([demo.phone, demo.address, demo.houseCount]).toEqual([null, null, 20]);
  });

  it('stores the phone and address the first-run form was given', async () => {
    await get('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', address: '深圳市南山区翠湖路 1 号', demo: false });
    const [e] = (await get<AppStatusT>('system.status', {})).estates;
    expect([e.phone, e.address]).toEqual(['0755-8888 6666', '深圳市南山区翠湖路 1 号']);
  });
});
