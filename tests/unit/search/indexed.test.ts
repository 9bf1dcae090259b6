import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../../electron/core/search/lookup';
import { seedDemo } from '../../../electron/core/demo/generate';
import { updatePerson, moveOut, attachPerson } from '../../../electron/core/archives/people';
import { addVehicle, voidVehicle } from '../../../electron/core/archives/vehicles';
import { voidHouse } from '../../../electron/core/archives/houses';
import { commitRoster } from '../../../electron/core/imports/handlers';
import { inTransaction } from '../../../electron/core/db/tx';
import { book } from '../imports/helpers';
import { oldLookup } from './oracle';
import { tempDb, type TempDb } from './fixture';

// The indexed lookup (migration 0010, docs/PERFORMANCE.md "Search") must answer exactly as the
// lookup before it (oracle.ts) on a demo estate, for every kind of query, and stay right after
// edits, move-outs and imports, which keep the indexes through triggers.
//
// "Exactly as before" is the old ranking's best `limit`: the old code ranked every match, but cut
// each SQL read at `limit` in an order that could differ from its ranking (the current estate
// before an exact name; unit codes as text), so its answer at a small limit could drop a hit its
// own ranking put first. The oracle is therefore run with no practical limit and then cut.

const ALL = 100_000;
const LIMITS = [1, 5, 20, 50];

interface Row {
  name: string;
  name_initials: string;
  name_pinyin: string;
  phone: string | null;
}

/** Queries of every kind, drawn from what the database holds. */
function queries(t: TempDb): string[] {
  const s = t.ctx.sqlite;
  const people = s.prepare('select name, name_initials, name_pinyin, phone from people where voided_at is null order by id').all() as Row[];
  const pick = <T>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
  const houses = s
    .prepare(
      `select b.code as b, u.code as u, h.room_no as r from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id order by h.id`,
    )
    .all() as { b: string; u: string | null; r: string }[];
  const plates = s.prepare('select plate_norm from vehicles order by id').pluck().all() as string[];
  const out = new Set<string>();
  for (const h of pick(houses, 12)) {
    if (h.u) {
      out.add(`${h.b}-${h.u}-${h.r}`);
      out.add(`${h.b}栋${h.u}单元${h.r}`);
    }
    out.add(`${h.b}#${h.r}`);
    out.add(h.r);
    out.add(h.r.slice(0, -1)); // typing: "150" lists 1501..1504
  }
  for (const p of pick(people, 12)) {
    const chars = Array.from(p.name);
    out.add(chars[0]); // 1-character surname
    out.add(p.name); // 2- and 3-character names
    out.add(chars.slice(0, 2).join(''));
    out.add(chars.slice(1).join('')); // given name: contains
    out.add(chars[chars.length - 1]);
    out.add(p.name_initials);
    out.add(p.name_initials.slice(0, 1));
    out.add(p.name_pinyin.slice(0, 5)); // full pinyin prefix
    if (p.phone) {
      out.add(p.phone.slice(-4)); // phone tail
      out.add(p.phone.slice(-6));
      out.add(p.phone);
    }
  }
  for (const pl of pick(plates, 8)) {
    out.add(pl); // whole plate
    out.add(pl.slice(1)); // without the province: as good as whole
    out.add(pl.slice(1, 5)); // a fragment
    out.add(pl.slice(2, 4));
    out.add(pl.slice(-4)); // digits: a plate, a phone tail and maybe a room
  }
  for (const q of ['王', '李', '张', '小', '明', 'zh', 'zhang', 'wang', 'l', 'x', 'b1', '粤B', '1502', '0101', '101', '3-2-1502', '3栋2单元1502', 'qq'])
    out.add(q);
  return [...out].filter((q) => q.trim());
}

async function expectSameAnswers(t: TempDb, qs: string[], estates: Array<number | undefined>) {
  let compared = 0;
  for (const estateId of estates)
    for (const q of qs) {
      const truth = await oldLookup(t.ctx, q, ALL, estateId);
      for (const limit of LIMITS) {
        expect(await lookup(t.ctx, q, limit, estateId), `${q} (limit ${limit}, estate ${estateId})`).toEqual(truth.slice(0, limit));
        compared++;
      }
    }
  return compared;
}

describe('search.lookup through its indexes gives the answers it gave before', () => {
  let t: TempDb;
  let home = 0;
  let other = 0;

  beforeAll(async () => {
    t = await tempDb();
    home = (await seedDemo(t.ctx, { houses: 300, seed: 7 })).estateId;
    // a second estate with the same building codes: the same room texts name a house in each
    other = (await seedDemo(t.ctx, { houses: 120, seed: 8, estateName: '锦绣商城' })).estateId;
  }, 60_000);
  afterAll(() => t.cleanup());

  it('for every kind of query, at every limit, with either estate current or none', async () => {
    const qs = queries(t);
    expect(qs.length).toBeGreaterThan(150);
    // the demo has what the kinds need: moved-out tenants, surnames shared by many, plates
    expect(t.ctx.sqlite.prepare('select count(*) from occupancies where ended_at is not null').pluck().get()).toBeGreaterThan(5);
    expect((await lookup(t.ctx, '王', 50)).length).toBe(50);
    expect(await expectSameAnswers(t, qs, [undefined, home, other])).toBeGreaterThan(1800);
  }, 120_000);

  it('after renames, phone changes, a voided person, move-outs, cars added and voided and a voided house', async () => {
    const s = t.ctx.sqlite;
    const person = (offset: number) =>
      s
        .prepare(
          `select p.id, p.name, p.phone, o.id as occ, o.house_id from people p join occupancies o on o.person_id = p.id
           where o.ended_at is null and p.voided_at is null and p.phone is not null order by p.id limit 1 offset ?`,
        )
        .get(offset) as { id: number; name: string; phone: string; occ: number; house_id: number };

    // rename: the new name is found by surname, whole name, given name, initials; the old one is gone
    const renamed = person(10);
    await updatePerson(t.ctx, { id: renamed.id, name: '欧阳娜娜', phone: renamed.phone });
    expect((await lookup(t.ctx, '欧阳娜娜'))[0]).toMatchObject({ title: '欧阳娜娜', houseId: renamed.house_id, matched: '姓名' });
    expect((await lookup(t.ctx, '娜娜'))[0]).toMatchObject({ title: '欧阳娜娜' });
    expect((await lookup(t.ctx, 'oynn'))[0]).toMatchObject({ title: '欧阳娜娜', matched: '拼音首字母' });
    expect((await lookup(t.ctx, 'ouyangn'))[0]).toMatchObject({ title: '欧阳娜娜', matched: '拼音' });
    expect((await lookup(t.ctx, renamed.name, ALL)).some((h) => h.kind === 'person' && h.houseId === renamed.house_id && h.title === renamed.name)).toBe(false);

    // phone change: the new tail finds them, the old tail no longer does
    const rephoned = person(20);
    await updatePerson(t.ctx, { id: rephoned.id, name: rephoned.name, phone: '13912349876' });
    expect((await lookup(t.ctx, '49876', ALL)).find((h) => h.title === rephoned.name)).toMatchObject({
      matched: '电话尾号',
      subtitle: expect.stringContaining('139****9876'),
    });
    expect((await lookup(t.ctx, rephoned.phone.slice(-6), ALL)).some((h) => h.title === rephoned.name && h.matched === '电话尾号')).toBe(false);

    // voided (as any writer would void a record): found no more
    const voided = person(30);
    s.prepare(`update people set voided_at = ?, void_reason = '重复录入' where id = ?`).run(t.ctx.now().toISOString(), voided.id);
    expect((await lookup(t.ctx, voided.name, ALL)).some((h) => h.title === voided.name && h.houseId === voided.house_id)).toBe(false);

    // moved out: still found, after everyone current, marked 已迁出
    const moved = person(40);
    await moveOut(t.ctx, { occupancyId: moved.occ, moveOutDate: '2026-11-01' });
    const movedHits = await lookup(t.ctx, moved.name, ALL);
    expect(movedHits.find((h) => h.houseId === moved.house_id && h.title === moved.name)?.subtitle).toContain('已迁出');

    // moved back in as an owner of the same house: one hit, current
    await attachPerson(t.ctx, { houseId: moved.house_id, personId: moved.id, role: 'owner' });
    const back = (await lookup(t.ctx, moved.name, ALL)).filter((h) => h.houseId === moved.house_id && h.title === moved.name);
    expect(back).toHaveLength(1);
    expect(back[0].subtitle).not.toContain('已迁出');

    // cars: a new plate is found whole and in part, a voided one is not
    const car = await addVehicle(t.ctx, { houseId: renamed.house_id, plate: '京Q7K2M9' });
    expect((await lookup(t.ctx, '京Q7K2M9'))[0]).toMatchObject({ kind: 'vehicle', title: '京Q7K2M9' });
    expect((await lookup(t.ctx, 'Q7K2'))[0]).toMatchObject({ kind: 'vehicle', title: '京Q7K2M9' });
    await voidVehicle(t.ctx, car.id, '已卖车');
    expect(await lookup(t.ctx, '京Q7K2M9')).toEqual([]);

    // a voided house takes its room and its people's hits with it
    const house = s.prepare(`select id from houses where voided_at is null order by id limit 1 offset 77`).pluck().get() as number;
    await voidHouse(t.ctx, house, '录入错误');

    expect(await expectSameAnswers(t, queries(t), [undefined, home])).toBeGreaterThan(1000);
  }, 120_000);

  it('after a roster import', async () => {
    const header = ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '联系电话'];
    const rows = [
      ['66', '1', '101', 90, '司马相如', '13566661234'],
      ['66', '1', '102', 90, '王小明', '13566665678'],
      ['66', '2', '1502', 120, '诸葛亮', '13566661502'],
    ];
    await commitRoster(t.ctx, await book([header, ...rows]), '花名册.xlsx', home);
    expect((await lookup(t.ctx, '66-2-1502', 20, home))[0]).toMatchObject({
      kind: 'house',
      title: '66栋2单元1502',
      subtitle: expect.stringContaining('业主 诸葛亮 135****1502'),
    });
    expect((await lookup(t.ctx, '司马'))[0]).toMatchObject({ title: '司马相如' });
    expect((await lookup(t.ctx, '相如'))[0]).toMatchObject({ title: '司马相如' });
    expect((await lookup(t.ctx, 'zgl', 50)).find((h) => h.title === '诸葛亮')).toMatchObject({ matched: '拼音首字母', houseId: expect.any(Number) });
    expect((await lookup(t.ctx, '66661234')).find((h) => h.matched === '电话尾号')).toMatchObject({ title: '司马相如' });
    expect(await expectSameAnswers(t, [...queries(t), '司马', '王小明', '小明', '1502', 'zgl', '6666'], [undefined, home, other])).toBeGreaterThan(1800);
  }, 120_000);

  it('waits for a write transaction in flight instead of showing its uncommitted rows', async () => {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const written = inTransaction(t.ctx.db, async (trx) => {
      await trx.updateTable('people').set({ name: '未提交', name_initials: 'wtj', name_pinyin: 'weitijiao' }).where('id', '=', 1).execute();
      open();
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('rolled back');
    });
    await opened;
    const during = lookup(t.ctx, '未提交');
    await expect(written).rejects.toThrow('rolled back');
    expect(await during).toEqual([]);
  });
});
