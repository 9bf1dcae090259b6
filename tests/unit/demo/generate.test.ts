import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../electron/core/demo/generate';
import { UserError } from '../../../electron/core/errors';
import { personSearchFields } from '../../../electron/core/archives/person-fields';
import { idChecksumOk, idNumberWarning } from '../../../shared/domain/idcard';
import { normalisePlate } from '../../../shared/domain/text';
import { COMM_CHANNELS } from '../../../shared/contract/archives';
import { COMM_SUMMARIES } from '../../../electron/core/demo/names';
import { FIXED_NOW, builder, tempDb, type TempDb } from '../search/fixture';

const open: TempDb[] = [];
const fresh = async () => {
  const t = await tempDb();
  open.push(t);
  return t;
};
afterEach(async () => {
  while (open.length) await open.pop()?.cleanup();
});

type Row = Record<string, unknown>;
const all = (t: TempDb, sql: string) => t.ctx.sqlite.prepare(sql).all() as Row[];
const count = (t: TempDb, table: string) => Number(t.ctx.sqlite.prepare(`select count(*) from ${table}`).pluck().get());

describe('seedDemo', () => {
  it('builds exactly the houses asked for, in blocks and a 32-storey tower, with shops on one ground floor', async () => {
    const t = await fresh();
    const r = await seedDemo(t.ctx, { houses: 400, seed: 1 });
    expect(r.houses).toBe(400);
    expect(count(t, 'houses')).toBe(400);
    expect(r.people).toBe(count(t, 'people'));
    // a demo never makes up a service phone or address: blank until staff fill them in 设置
    const estate = all(t, 'select name, phone, address from estates')[0];
    expect(estate).toEqual({ name: '翠湖花园', phone: null, address: null });

    const buildings = all(t, 'select b.id, b.name, b.code, b.floors, (select count(*) from units u where u.building_id = b.id) as units from buildings b');
    expect(buildings.some((b) => b.floors === 32 && b.units === 0)).toBe(true);
    expect(buildings.some((b) => b.floors === 6 && b.units === 2)).toBe(true);
    expect(buildings.every((b) => b.name === `${b.code}栋`)).toBe(true);

    // room numbers are floor + two-digit position: 1502 = floor 15, room 02
    for (const h of all(t, 'select room_no, floor, type, building_area, inner_area from houses')) {
      expect(String(h.room_no)).toBe(`${h.floor}${String(h.room_no).slice(-2)}`);
      expect(Number(String(h.room_no).slice(-2))).toBeGreaterThanOrEqual(1);
      if (h.type === '住宅') {
        expect(Number(h.building_area)).toBeGreaterThanOrEqual(80);
        expect(Number(h.building_area)).toBeLessThanOrEqual(145);
      }
      expect(Number(h.inner_area)).toBeLessThan(Number(h.building_area));
    }
    const shops = all(t, "select floor, building_id from houses where type = '商铺'");
    expect(shops.length).toBeGreaterThan(0);
    expect(new Set(shops.map((s) => s.building_id)).size).toBe(1);
    expect(shops.every((s) => s.floor === 1)).toBe(true);
  });

  it('weights statuses like a lived-in estate and fits people to them', async () => {
    const t = await fresh();
    await seedDemo(t.ctx, { houses: 1000, seed: 2 });
    const byStatus = Object.fromEntries(all(t, 'select status, count(*) n from houses group by status').map((r) => [r.status, Number(r.n)]));
    expect(byStatus['已入住']).toBeGreaterThan(500);
    for (const s of ['已交付', '装修中', '空置', '出租', '未售']) expect(byStatus[s], s).toBeGreaterThan(0);
    // unsold houses have nobody; every other house has exactly one current owner
    expect(all(t, "select 1 from occupancies o join houses h on h.id = o.house_id where h.status = '未售'")).toHaveLength(0);
    const ownersPerHouse = all(
      t,
      "select h.id, (select count(*) from occupancies o where o.house_id = h.id and o.role = 'owner' and o.ended_at is null) n from houses h where h.status <> '未售'",
    );
    expect(ownersPerHouse.every((r) => r.n === 1)).toBe(true);
    // co-owners on about 30 %
    const co = Number(t.ctx.sqlite.prepare("select count(distinct house_id) from occupancies where role = 'co_owner'").pluck().get());
    expect(co / ownersPerHouse.length).toBeGreaterThan(0.2);
    expect(co / ownersPerHouse.length).toBeLessThan(0.4);
    // tenants only on let houses, always with a lease
    const tenants = all(
      t,
      "select h.status, o.lease_start, o.lease_end from occupancies o join houses h on h.id = o.house_id where o.role = 'tenant' and o.ended_at is null",
    );
    expect(tenants.length).toBeGreaterThan(0);
    expect(tenants.every((r) => r.status === '出租' && typeof r.lease_start === 'string' && String(r.lease_end) > String(r.lease_start))).toBe(true);
    expect(count(t, "occupancies where role = 'family'")).toBeGreaterThan(0);
  });

  it('gives valid GB 11643 ID numbers, plausible phones and searchable names', async () => {
    const t = await fresh();
    await seedDemo(t.ctx, { houses: 300, seed: 3 });
    const people = all(t, 'select name, gender, phone, phone_digits, name_initials, name_pinyin, id_number, birthday from people');
    const withId = people.filter((p) => p.id_number);
    expect(withId.length / people.length).toBeGreaterThan(0.7);
    for (const p of withId) {
      const idn = String(p.id_number);
      expect(idChecksumOk(idn), idn).toBe(true);
      expect(idNumberWarning('身份证', idn)).toBeNull();
      const year = Number(idn.slice(6, 10));
      expect(year).toBeGreaterThanOrEqual(1950);
      expect(year).toBeLessThanOrEqual(2000);
      expect(idn.slice(6, 14)).toBe(String(p.birthday).replace(/-/g, ''));
      expect(Number(idn[16]) % 2 === 1).toBe(p.gender === '男');
    }
    const phones = people.map((p) => p.phone).filter((p): p is string => typeof p === 'string');
    expect(phones.every((p) => /^1[358]\d{9}$/.test(p))).toBe(true);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of people) {
      expect(String(p.name)).toMatch(/^\p{Script=Han}{2,4}$/u);
      const f = personSearchFields(String(p.name), p.phone as string | null);
      expect({ name_initials: p.name_initials, name_pinyin: p.name_pinyin, phone_digits: p.phone_digits }).toEqual(f);
    }
  });

  it('adds cars with 粤B plates to about 40 % of lived-in homes, some parking and recent conversations', async () => {
    const t = await fresh();
    await seedDemo(t.ctx, { houses: 1000, seed: 4 });
    const cars = all(t, 'select plate, plate_norm, house_id from vehicles');
    expect(cars.every((c) => /^粤B[A-Z0-9]{5,6}$/.test(String(c.plate)) && c.plate_norm === normalisePlate(String(c.plate)))).toBe(true);
    const lived = Number(t.ctx.sqlite.prepare("select count(*) from houses where status in ('已入住', '出租') and type = '住宅'").pluck().get());
    const withCar = new Set(cars.map((c) => c.house_id)).size;
    expect(withCar / lived).toBeGreaterThan(0.3);
    expect(withCar / lived).toBeLessThan(0.5);
    expect(count(t, 'parking_spaces')).toBeGreaterThan(0);
    const comms = all(t, 'select at, channel, summary from communications');
    expect(comms.length).toBeGreaterThan(0);
    const sixtyDaysAgo = new Date(FIXED_NOW.getTime() - 61 * 86_400_000).toISOString();
    expect(comms.every((c) => String(c.at) < FIXED_NOW.toISOString() && String(c.at) > sixtyDaysAgo)).toBe(true);
    expect(
      comms.every((c) => (COMM_CHANNELS as readonly string[]).includes(String(c.channel)) && (COMM_SUMMARIES as readonly string[]).includes(String(c.summary))),
    ).toBe(true);
  });

  it('is deterministic for a seed, and a different seed gives a different estate', async () => {
    const dump = async (seed: number) => {
      const t = await fresh();
      await seedDemo(t.ctx, { houses: 200, seed });
      return JSON.stringify([
        all(t, 'select name, phone, id_number from people order by id'),
        all(t, 'select room_no, status, building_area from houses order by id'),
        all(t, 'select plate from vehicles order by id'),
      ]);
    };
    const a = await dump(42);
    expect(await dump(42)).toBe(a);
    expect(await dump(43)).not.toBe(a);
  });

  it('refuses to seed an estate that already has houses, and changes nothing', async () => {
    const t = await fresh();
    const first = await seedDemo(t.ctx, { houses: 50 });
    const before = count(t, 'people');
    const again = seedDemo(t.ctx, { houses: 50 });
    await expect(again).rejects.toBeInstanceOf(UserError);
    await expect(seedDemo(t.ctx, { houses: 50, estateId: first.estateId })).rejects.toThrow('该项目已有房屋数据，不能重复生成演示数据');
    expect(count(t, 'houses')).toBe(50);
    expect(count(t, 'people')).toBe(before);
    expect(count(t, 'estates')).toBe(1);
  });

  it('fills an existing empty estate by id, and rejects unknown estates and bad counts', async () => {
    const t = await fresh();
    const estateId = await builder(t.ctx).estate('滨江苑');
    const r = await seedDemo(t.ctx, { estateId, houses: 30 });
    expect(r.estateId).toBe(estateId);
    expect(count(t, 'estates')).toBe(1);
    await expect(seedDemo(t.ctx, { estateId: 999, houses: 30 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(seedDemo(t.ctx, { houses: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
    // a second estate alongside gets its own ids
    const other = await seedDemo(t.ctx, { estateName: '锦绣园', houses: 30 });
    expect(other.estateId).not.toBe(estateId);
    expect(count(t, 'houses')).toBe(60);
    expect(count(t, "audit_log where action = 'seed-demo'")).toBe(2);
  });

  // how long it takes is measured by `npm run bench`, not here (a loaded machine is slow, not wrong)
  it('seeds 5,000 houses, the most first run offers', async () => {
    const t = await fresh();
    const r = await seedDemo(t.ctx, { houses: 5000 });
    expect(r.houses).toBe(5000);
    expect(r.people).toBeGreaterThan(12_000);
    expect(count(t, 'houses')).toBe(5000);
  });
});
