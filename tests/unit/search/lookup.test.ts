import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookup } from '../../../electron/core/search/lookup';
import { searchHandlers } from '../../../electron/core/search/handlers';
import { seedDemo } from '../../../electron/core/demo/generate';
import { builder, tempDb, type TempDb } from './fixture';

describe('search.lookup on hand-built archives', () => {
  let t: TempDb;
  const id: Record<string, number> = {};
  let e = 0;

  beforeAll(async () => {
    t = await tempDb();
    const b = builder(t.ctx);
    e = await b.estate();
    const b3 = await b.building(e, '3');
    const u1 = await b.unit(b3, '1');
    const u2 = await b.unit(b3, '2');
    const b8 = await b.building(e, '8');
    id.h3_2_1502 = await b.house(e, b3, u2, '1502');
    id.h3_1_1502 = await b.house(e, b3, u1, '1502');
    id.h8_1502 = await b.house(e, b8, null, '1502', { status: '出租' });
    id.h3_2_1501 = await b.house(e, b3, u2, '1501', { voided: true });
    id.h3_2_301 = await b.house(e, b3, u2, '301');

    id.zhangsan = await b.person(id.h3_2_1502, '张三', '138 1234 5678');
    await b.person(id.h3_2_1502, '李四', '13900009999', 'co_owner');
    id.zeng = await b.person(id.h3_1_1502, '曾小明', '１３９－００００－１２３４');
    await b.person(id.h8_1502, '王五', '13600002222');
    await b.person(id.h8_1502, '周九', '13700001502', 'tenant');
    await b.person(id.h3_2_1501, '赵六', '13500003333'); // voided house
    await b.person(id.h3_2_1502, '钱七', '13300004444', 'tenant', { ended: true });
    await b.person(id.h3_2_301, '钱小红', '13300005555');
    await b.person(id.h3_2_301, '孙八', '13300006666', 'family', { voided: true });
    await b.vehicle(id.h3_2_1502, id.zhangsan, '粤B12345');
    await b.vehicle(id.h3_1_1502, id.zeng, '粤B99999', { voided: true });
  });
  afterAll(() => t.cleanup());

  const q = (text: string, limit?: number) => lookup(t.ctx, text, limit);

  it('finds a house by building-unit-room in every written form', async () => {
    for (const text of ['3-2-1502', '3栋2单元1502', '3号楼2单元1502室', '３－２－１５０２', ' 3 栋 2 单元 1502 ']) {
      const hits = await q(text);
      expect(hits[0], text).toMatchObject({ kind: 'house', houseId: id.h3_2_1502, title: '3栋2单元1502', matched: '房号' });
      expect(
        hits.filter((h) => h.kind === 'house').map((h) => h.houseId),
        text,
      ).toEqual([id.h3_2_1502]);
    }
  });

  it('shows the owner with the phone masked in the house subtitle', async () => {
    const [hit] = await q('3-2-1502');
    expect(hit.subtitle).toBe('业主 张三 138****5678 等2人 · 已入住');
    expect(hit.subtitle).not.toContain('1234');
  });

  it('"3#1502" finds that room in every unit of building 3, and not in other buildings', async () => {
    const hits = (await q('3#1502')).filter((h) => h.kind === 'house');
    expect(hits.map((h) => h.houseId).sort()).toEqual([id.h3_2_1502, id.h3_1_1502].sort());
    expect(hits.map((h) => h.title)).toEqual(['3栋1单元1502', '3栋2单元1502']);
  });

  it('a tower without units answers building-room', async () => {
    const hits = await q('8#1502');
    expect(hits[0]).toMatchObject({ kind: 'house', houseId: id.h8_1502, title: '8栋1502' });
    expect(hits[0].subtitle).toBe('业主 王五 136****2222 · 出租');
  });

  it('"1502" lists every current house with that room number first, then a phone ending in 1502', async () => {
    const hits = await q('１５０２');
    const houses = hits.filter((h) => h.kind === 'house');
    expect(houses.map((h) => h.houseId).sort()).toEqual([id.h3_2_1502, id.h3_1_1502, id.h8_1502].sort());
    expect(hits.slice(0, 3).every((h) => h.kind === 'house')).toBe(true);
    const phone = hits.find((h) => h.matched === '电话尾号');
    expect(phone).toMatchObject({ kind: 'person', title: '周九', houseId: id.h8_1502 });
    expect(phone?.subtitle).toBe('8栋1502 · 租户 · 137****1502');
  });

  it('leaves out voided houses and the people only attached to them', async () => {
    expect((await q('1501')).filter((h) => h.kind === 'house')).toEqual([]);
    expect(await q('赵六')).toEqual([]);
    expect(await q('3-2-1501')).toEqual([]);
  });

  it('finds owners by exact name, prefix and contained characters, prefix first', async () => {
    expect(await q('张三')).toEqual([
      { kind: 'person', houseId: id.h3_2_1502, estateId: e, estateName: '测试花园', title: '张三', subtitle: '3栋2单元1502 · 业主', matched: '姓名' },
    ]);
    expect((await q('张'))[0]).toMatchObject({ title: '张三', matched: '姓名' });
    expect((await q('小明'))[0]).toMatchObject({ title: '曾小明', houseId: id.h3_1_1502 });
    const li = await q('李四');
    expect(li[0].subtitle).toBe('3栋2单元1502 · 共有业主');
  });

  it('finds people by pinyin initials and by full pinyin prefix, surname readings respected', async () => {
    expect((await q('zs'))[0]).toMatchObject({ title: '张三', matched: '拼音首字母' });
    expect((await q('ZS'))[0]).toMatchObject({ title: '张三' });
    // 曾 as a surname is zeng, not ceng
    expect((await q('zxm'))[0]).toMatchObject({ title: '曾小明', matched: '拼音首字母' });
    expect((await q('zengx'))[0]).toMatchObject({ title: '曾小明', matched: '拼音' });
    expect(await q('cxm')).toEqual([]);
    expect((await q('zhangs'))[0]).toMatchObject({ title: '张三' });
  });

  it('finds people by the last digits of their phone, written however it was stored', async () => {
    expect(await q('5678')).toEqual([
      {
        kind: 'person',
        houseId: id.h3_2_1502,
        estateId: e,
        estateName: '测试花园',
        title: '张三',
        subtitle: '3栋2单元1502 · 业主 · 138****5678',
        matched: '电话尾号',
      },
    ]);
    expect((await q('00001234'))[0]).toMatchObject({ title: '曾小明', matched: '电话尾号' });
    expect((await q('１２３４'))[0]).toMatchObject({ title: '曾小明' });
    // three digits are too few to be a phone tail
    expect((await q('678')).some((h) => h.matched === '电话尾号')).toBe(false);
  });

  it('finds cars by whole or partial plate, and not voided ones', async () => {
    const whole = await q('粤B12345');
    expect(whole).toEqual([
      { kind: 'vehicle', houseId: id.h3_2_1502, estateId: e, estateName: '测试花园', title: '粤B12345', subtitle: '3栋2单元1502 · 张三', matched: '车牌' },
    ]);
    expect((await q('b123'))[0]).toMatchObject({ kind: 'vehicle', title: '粤B12345' });
    expect((await q('Ｂ１２３４５'))[0]).toMatchObject({ kind: 'vehicle', title: '粤B12345' });
    expect((await q('粤B 12345'))[0]).toMatchObject({ kind: 'vehicle' });
    expect(await q('粤B99999')).toEqual([]);
  });

  it('still finds someone who moved out, after current people and marked 已迁出', async () => {
    const hits = await q('钱');
    expect(hits.map((h) => h.title)).toEqual(['钱小红', '钱七']);
    expect(hits[1].subtitle).toBe('3栋2单元1502 · 租户 · 已迁出');
    expect(hits[0].subtitle).not.toContain('已迁出');
  });

  it('leaves out voided people', async () => {
    expect(await q('孙八')).toEqual([]);
  });

  it('returns nothing for empty or meaningless text and respects the limit', async () => {
    expect(await q('')).toEqual([]);
    expect(await q('   ')).toEqual([]);
    expect(await q('!!')).toEqual([]);
    expect(await q('1502', 2)).toHaveLength(2);
  });

  it('is wired as the search.lookup channel', async () => {
    const handlers = searchHandlers(t.ctx);
    const hits = await handlers['search.lookup']({ query: 'zs' });
    expect(hits[0]).toMatchObject({ title: '张三' });
  });
});

describe('search.lookup with several estates in one database', () => {
  let t: TempDb;
  const id: Record<string, number> = {};
  let home = 0;
  let other = 0;

  beforeAll(async () => {
    t = await tempDb();
    const b = builder(t.ctx);
    // the other estate is created first, so without a current estate its rows sort first
    other = await b.estate('锦绣商城');
    home = await b.estate('翠湖花园');
    const ob = await b.building(other, '1');
    const hb = await b.building(home, '1');
    id.otherShop = await b.house(other, ob, await b.unit(ob, '1'), '101', { status: '出租' });
    id.home101 = await b.house(home, hb, await b.unit(hb, '1'), '101');
    id.home1010 = await b.house(home, hb, await b.unit(hb, '2'), '1010');
    await b.person(id.otherShop, '王芳', '13800001111');
    await b.person(id.home101, '王芳', '13900001111');
    await b.vehicle(id.otherShop, null, '粤B10101');
    await b.vehicle(id.home101, null, '粤C10101');
  });
  afterAll(() => t.cleanup());

  it('names the estate of every hit', async () => {
    const hits = await lookup(t.ctx, '1-1-101', 20, home);
    expect(hits.map((h) => [h.houseId, h.estateId, h.estateName])).toEqual([
      [id.home101, home, '翠湖花园'],
      [id.otherShop, other, '锦绣商城'],
    ]);
  });

  it('"1-1-101" + Enter picks the current estate\'s house, whichever estate is current', async () => {
    expect((await lookup(t.ctx, '1-1-101', 20, home))[0].houseId).toBe(id.home101);
    expect((await lookup(t.ctx, '1-1-101', 20, other))[0].houseId).toBe(id.otherShop);
    // through the channel, as the lookup window calls it
    const handlers = searchHandlers(t.ctx);
    expect((await handlers['search.lookup']({ query: '1-1-101', estateId: home }))[0].houseId).toBe(id.home101);
    expect((await handlers['search.lookup']({ query: '1-1-101', estateId: other }))[0].houseId).toBe(id.otherShop);
  });

  it('the current estate leads only among equally good hits: an exact room elsewhere beats a longer room here', async () => {
    const hits = await lookup(t.ctx, '101', 20, home);
    const houses = hits.filter((h) => h.kind === 'house').map((h) => h.houseId);
    expect(houses).toEqual([id.home101, id.otherShop, id.home1010]);
  });

  it("ranks people and cars of the current estate first, and the limit never cuts them for another estate's", async () => {
    expect((await lookup(t.ctx, '王芳', 20, home))[0]).toMatchObject({ houseId: id.home101, estateName: '翠湖花园' });
    expect((await lookup(t.ctx, '王芳', 20, other))[0]).toMatchObject({ houseId: id.otherShop, estateName: '锦绣商城' });
    expect(await lookup(t.ctx, '王芳', 1, home)).toEqual([expect.objectContaining({ houseId: id.home101 })]);
    expect(await lookup(t.ctx, '1-1-101', 1, other)).toEqual([expect.objectContaining({ houseId: id.otherShop })]);
    expect((await lookup(t.ctx, '10101', 20, home)).find((h) => h.kind === 'vehicle')).toMatchObject({ title: '粤C10101' });
    expect((await lookup(t.ctx, '10101', 20, other)).find((h) => h.kind === 'vehicle')).toMatchObject({ title: '粤B10101' });
  });

  it('without a current estate, keeps a stable order (estate by estate)', async () => {
    const hits = await lookup(t.ctx, '1-1-101');
    expect(hits.map((h) => h.houseId)).toEqual([id.otherShop, id.home101]);
  });
});

// Timings are measured by `npm run bench` (tests/bench), not asserted here: a loaded machine
// would make a wall-clock assertion fail for no fault of the code.
describe('search.lookup on a 5,000-house demo estate', () => {
  let t: TempDb;
  beforeAll(async () => {
    t = await tempDb();
    await seedDemo(t.ctx, { houses: 5000, seed: 7 });
  }, 60_000);
  afterAll(() => t.cleanup());

  it('answers every query form with hits', async () => {
    const person = t.ctx.sqlite.prepare('select name, phone, name_initials from people where phone is not null limit 1 offset 500').get() as {
      name: string;
      phone: string;
      name_initials: string;
    };
    const plate = t.ctx.sqlite.prepare('select plate from vehicles limit 1 offset 50').pluck().get() as string;
    const forms = [
      '60-1502',
      '60栋1502',
      '3-2-502',
      '1502',
      person.name,
      person.name.slice(0, 1),
      person.name_initials,
      'zhang',
      person.phone.slice(-4),
      plate,
      plate.slice(1, 5),
    ];
    for (const form of forms) expect((await lookup(t.ctx, form)).length, form).toBeGreaterThan(0);
  });
});
