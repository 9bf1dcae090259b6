import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function setupHouse() {
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园', phone: '0755-88886666' }) as never)) as { id: number };
  const building = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3', floors: 32 }) as never)) as { id: number; name: string };
  const house = (await must(
    call('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo: '１５０２', buildingArea: 89.5, type: '住宅', status: '已交付' }) as never,
  )) as { id: number; label: string; floor: number; roomNo: string };
  return { estate, building, house };
}

describe('archives through the contract', () => {
  it('creates estate → building → unit → house with derived name, floor and label', async () => {
    const { building, house } = await setupHouse();
    expect(building.name).toBe('3栋');
    expect(house.label).toBe('3栋2单元1502');
    expect(house.roomNo).toBe('1502');
    expect(house.floor).toBe(15);
  });

  it('refuses a second house at the same address with a Chinese conflict', async () => {
    const { building } = await setupHouse();
    const r = await call('archives.houses.create', { buildingId: building.id, unitName: '2单元', roomNo: '1502', type: '住宅', status: '空置' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toContain('已存在');
    }
  });

  it('answers invalid input with field-level Chinese messages and writes nothing', async () => {
    const { house } = await setupHouse();
    const r = await call('archives.people.attach', { houseId: house.id, role: 'owner', person: { name: '', phone: 'abc' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields?.['person.name']).toBe('请填写姓名');
      expect(r.error.fields?.['person.phone']).toMatch(/联系电话/);
    }
    const hh = (await must(call('archives.household.get', { houseId: house.id }) as never)) as { occupants: unknown[] };
    expect(hh.occupants).toHaveLength(0);
  });

  it('unknown channels and garbage inputs never throw', async () => {
    expect((await call('archives.nope', {})).ok).toBe(false);
    const r = await call('archives.household.get', { houseId: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/输入有误/);
  });

  it('masks ID numbers and phones for every role, warns on bad checksums, and keeps the real numbers on a masked save', async () => {
    const { house } = await setupHouse();
    const occ = (await must(
      call('archives.people.attach', {
        houseId: house.id,
        role: 'owner',
        person: { name: '张伟', phone: '138 1234 5678', idNumber: '11010519491231002X' },
      }) as never,
    )) as { person: { id: number; idNumber: string; idMasked: boolean; idWarning: string | null; phone: string } };
    expect(occ.person.idNumber).toBe('110***********002X');
    expect(occ.person.idMasked).toBe(true);
    expect(occ.person.idWarning).toBeNull();
    expect(occ.person.phone).toBe('138****5678');

    // saving the form with the masked values unchanged keeps the stored numbers (docs/PRIVACY.md)
    await must(call('archives.people.update', { id: occ.person.id, name: '张伟', idNumber: occ.person.idNumber, phone: occ.person.phone }) as never);
    const row = await core.ctx.db.selectFrom('people').select(['phone', 'id_number']).where('id', '=', occ.person.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '13812345678', id_number: '11010519491231002X' });
    const hh = (await must(call('archives.household.get', { houseId: house.id }) as never)) as {
      occupants: { person: { idNumber: string; idMasked: boolean; phone: string } }[];
    };
    expect(hh.occupants[0].person).toMatchObject({ idNumber: '110***********002X', idMasked: true, phone: '138****5678' });

    // a wrong checksum is accepted with a warning
    const bad = (await must(call('archives.people.update', { id: occ.person.id, name: '张伟', idNumber: '110105194912310021' }) as never)) as {
      idWarning: string;
    };
    expect(bad.idWarning).toMatch('校验位');
  });

  it('co-owners, tenants with lease dates, and move-out keeps the person on file', async () => {
    const { house } = await setupHouse();
    await must(call('archives.people.attach', { houseId: house.id, role: 'owner', person: { name: '王芳' } }) as never);
    await must(call('archives.people.attach', { houseId: house.id, role: 'co_owner', person: { name: '李强' } }) as never);
    const badLease = await call('archives.people.attach', {
      houseId: house.id,
      role: 'tenant',
      person: { name: '赵磊' },
      leaseStart: '2026-10-01',
      leaseEnd: '2026-01-01',
    });
    expect(badLease.ok).toBe(false);
    if (!badLease.ok) expect(badLease.error.fields?.leaseEnd).toBe('租期结束不能早于开始');
    const tenant = (await must(
      call('archives.people.attach', {
        houseId: house.id,
        role: 'tenant',
        person: { name: '赵磊' },
        leaseStart: '2026-01-01',
        leaseEnd: '2026-12-31',
      }) as never,
    )) as { id: number };
    await must(call('archives.people.moveOut', { occupancyId: tenant.id, moveOutDate: '2026-11-01' }) as never);
    const again = await call('archives.people.moveOut', { occupancyId: tenant.id, moveOutDate: '2026-11-01' });
    expect(again.ok).toBe(false);

    const hh = (await must(call('archives.household.get', { houseId: house.id }) as never)) as {
      occupants: { role: string; active: boolean; moveOutDate: string | null; person: { name: string } }[];
      history: { title: string; detail: string | null }[];
    };
    expect(hh.occupants.map((o) => [o.person.name, o.role, o.active])).toEqual([
      ['王芳', 'owner', true],
      ['李强', 'co_owner', true],
      ['赵磊', 'tenant', false],
    ]);
    expect(hh.occupants[2].moveOutDate).toBe('2026-11-01');
    expect(hh.history.some((h) => h.title === '住户迁出' && h.detail?.includes('赵磊'))).toBe(true);
    const rows = core.ctx.sqlite.prepare('select count(*) n from people').get() as { n: number };
    expect(rows.n).toBe(3);
  });

  it('vehicles and parking: plate validated and unique, voiding keeps the row', async () => {
    const { house } = await setupHouse();
    const badPlate = await call('archives.vehicles.add', { houseId: house.id, plate: '12345' });
    expect(badPlate.ok).toBe(false);
    const v = (await must(call('archives.vehicles.add', { houseId: house.id, plate: '粤b 12345', color: '白' }) as never)) as { id: number; plate: string };
    expect(v.plate).toBe('粤B12345');
    const dup = await call('archives.vehicles.add', { houseId: house.id, plate: '粤B12345' });
    expect(dup.ok).toBe(false);
    const p = (await must(
      call('archives.parking.add', {
        houseId: house.id,
        code: 'b2-018',
        kind: '租赁',
        vehicleId: v.id,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      }) as never,
    )) as { code: string; vehiclePlate: string };
    expect(p).toMatchObject({ code: 'B2-018', vehiclePlate: '粤B12345' });
    const noReason = await call('archives.vehicles.void', { id: v.id, reason: ' ' });
    expect(noReason.ok).toBe(false);
    await must(call('archives.vehicles.void', { id: v.id, reason: '车辆已出售' }) as never);
    const hh = (await must(call('archives.household.get', { houseId: house.id }) as never)) as { vehicles: unknown[] };
    expect(hh.vehicles).toHaveLength(0);
    const kept = core.ctx.sqlite.prepare('select void_reason from vehicles where id = ?').get(v.id) as { void_reason: string };
    expect(kept.void_reason).toBe('车辆已出售');
  });

  it('communication log: newest first, future times refused', async () => {
    const { house } = await setupHouse();
    await must(
      call('archives.communications.add', {
        houseId: house.id,
        channel: '电话',
        summary: '询问物业费',
        staff: '小陈',
        at: '2026-11-01T02:00:00.000Z',
      }) as never,
    );
    await must(
      call('archives.communications.add', { houseId: house.id, channel: '来访', summary: '领取快递', staff: '小陈', at: '2026-11-02T02:00:00.000Z' }) as never,
    );
    const future = await call('archives.communications.add', {
      houseId: house.id,
      channel: '电话',
      summary: 'x',
      staff: '小陈',
      at: '2099-01-01T00:00:00.000Z',
    });
    expect(future.ok).toBe(false);
    const hh = (await must(call('archives.household.get', { houseId: house.id }) as never)) as { communications: { summary: string }[] };
    expect(hh.communications.map((c) => c.summary)).toEqual(['领取快递', '询问物业费']);
  });

  it('building map: floors top-down, owners named, statuses counted; house edits are audited into history', async () => {
    const { building, house } = await setupHouse();
    await must(call('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo: '301', type: '住宅', status: '已入住' }) as never);
    await must(call('archives.people.attach', { houseId: house.id, role: 'owner', person: { name: '王芳' } }) as never);
    const map = (await must(call('archives.buildings.map', { buildingId: building.id }) as never)) as {
      cells: { roomNo: string; floor: number; ownerNames: string | null }[];
      statusCounts: Record<string, number>;
    };
    expect(map.cells.map((c) => c.roomNo)).toEqual(['1502', '301']);
    expect(map.cells[0].ownerNames).toBe('王芳');
    expect(map.statusCounts['已交付']).toBe(1);
    expect(map.statusCounts['已入住']).toBe(1);

    await must(call('archives.houses.update', { id: house.id, type: '住宅', status: '装修中', buildingArea: 90 }) as never);
    const hh = (await must(call('archives.household.get', { houseId: house.id }) as never)) as {
      house: { status: string };
      history: { title: string; detail: string | null }[];
    };
    expect(hh.house.status).toBe('装修中');
    expect(hh.history.find((h) => h.title === '修改房屋信息')?.detail).toContain('状态：已交付 → 装修中');

    const voided = await call('archives.houses.void', { id: house.id, reason: '' });
    expect(voided.ok).toBe(false);
    await must(call('archives.houses.void', { id: house.id, reason: '录入重复' }) as never);
    const after = (await must(call('archives.buildings.map', { buildingId: building.id }) as never)) as { cells: unknown[] };
    expect(after.cells).toHaveLength(1);
  });

  it('first run: status, then setup without demo creates the estate once', async () => {
    const s = (await must(call('system.status', {}) as never)) as { firstRun: boolean; schemaVersion: number };
    expect(s.firstRun).toBe(true);
    expect(s.schemaVersion).toBeGreaterThanOrEqual(1);
    const bad = await call('system.setup', { estateName: ' ', demo: false });
    expect(bad.ok).toBe(false);
    await must(call('system.setup', { estateName: '翠湖花园', demo: false }) as never);
    const twice = await call('system.setup', { estateName: '翠湖花园', demo: false });
    expect(twice.ok).toBe(false);
    const s2 = (await must(call('system.status', {}) as never)) as { firstRun: boolean; estates: { name: string }[] };
    expect(s2.firstRun).toBe(false);
    expect(s2.estates[0].name).toBe('翠湖花园');
  });
});
