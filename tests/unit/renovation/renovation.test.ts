import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { allPages, renderHtml, renderWord, sourceFor } from '../../../electron/core/documents/registry';
import type { MoveOutPassT, RenovationInputT, RenovationT } from '../../../shared/contract/renovation';
import type { HouseholdT } from '../../../shared/contract/archives';
import { htmlText, wordText } from '../documents/doc-text';

// 装修登记 and 搬迁放行 (PRODUCT.md §6) through the contract on a real database, and their printouts
// rendered to HTML and Word.
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let houseId: number;
let clock = Date.parse('2026-12-05T02:00:00.000Z'); // Saturday 10:00 in Shanghai
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const ok = <T>(channel: string, input: unknown) => must(call(channel, input) as never) as Promise<T>;
const refusal = async (channel: string, input: unknown) => {
  const r = await call(channel, input);
  if (r.ok) throw new Error(`${channel} 应被拒绝`);
  return r.error as { code: string; message: string; fields?: Record<string, string> };
};
const houseStatus = () => (core.ctx.sqlite.prepare('select status from houses where id = ?').get(houseId) as { status: string }).status;

beforeEach(async () => {
  clock = Date.parse('2026-12-05T02:00:00.000Z');
  core = await tempCore();
  core.ctx.now = () => new Date(clock);
  const estate = await ok<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
  const b = await ok<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '3' });
  houseId = (await ok<{ id: number }>('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' })).id;
});
afterEach(async () => {
  await core.cleanup();
});

const registration = (extra: Partial<RenovationInputT> = {}): RenovationInputT => ({
  houseId,
  applicant: '王芳',
  applicantPhone: '13800001111',
  contractor: '深圳市美家装饰工程有限公司',
  contractorContact: '李工',
  contractorPhone: '13900002222',
  workers: [
    { name: '张师傅', idNo: '440301199001011234', phone: '13700003333' },
    { name: '刘师傅', idNo: null, phone: null },
  ],
  startDate: '2026-12-08',
  endDate: '2027-02-28',
  scope: '客厅、卧室墙面翻新，卫生间重做防水',
  items: ['水电改造', '防水', '吊顶'],
  deposit: 2000,
  fees: [{ name: '装修垃圾清运费', amount: 300.5 }],
  hotWork: null,
  ...extra,
});
const HOT = {
  location: '阳台',
  from: '2026-12-10',
  to: '2026-12-11',
  operator: '赵焊工',
  certificateNo: 'T440301199001011234',
  guardian: '李工',
  measures: '配备灭火器两具，清除周边可燃物',
};

describe('装修登记', () => {
  it('numbers permits per China year: ZX2026-0001, then 0002; the year turns at midnight Shanghai time', async () => {
    const a = await ok<RenovationT>('renovation.save', registration());
    const b = await ok<RenovationT>('renovation.save', registration());
    expect([a.permitNo, b.permitNo]).toEqual(['ZX2026-0001', 'ZX2026-0002']);
    expect(a).toMatchObject({ status: '申请中', deposit: 2000, fees: [{ name: '装修垃圾清运费', amount: 300.5 }], houseLabel: '3栋2单元1502' });
    expect(core.ctx.sqlite.prepare('select deposit, fees from renovations where id = ?').get(a.id)).toEqual({
      deposit: 200000,
      fees: '[{"name":"装修垃圾清运费","amount":30050}]',
    });
    clock = Date.parse('2026-12-31T16:30:00.000Z'); // 2027-01-01 00:30 in Shanghai, still 2026 in UTC and in Los Angeles
    const c = await ok<RenovationT>('renovation.save', registration());
    expect(c.permitNo).toBe('ZX2027-0001');
    const list = await ok<RenovationT[]>('renovation.list', { houseId });
    expect(list.map((r) => r.permitNo)).toEqual(['ZX2027-0001', 'ZX2026-0002', 'ZX2026-0001']);
  });

  it('refuses bad input with Chinese messages by the field', async () => {
    const end = await refusal('renovation.save', registration({ endDate: '2026-12-01' }));
    expect(end.fields?.endDate).toBe('完工日期不能早于开工日期');
    const dep = await refusal('renovation.save', registration({ deposit: -1 }));
    expect(dep.fields?.deposit).toBe('装修押金不能为负数');
    const cents = await refusal('renovation.save', registration({ deposit: 10.005 }));
    expect(cents.fields?.deposit).toBe('装修押金最多两位小数');
    const fee = await refusal('renovation.save', registration({ fees: [{ name: '管理费', amount: -5 }] }));
    expect(fee.fields?.['fees.0.amount']).toBe('费用金额不能为负数');
    const many = await refusal('renovation.save', registration({ workers: Array.from({ length: 51 }, (_, i) => ({ name: `工人${i}` })) }));
    expect(many.fields?.workers).toBe('施工人员最多50人');
    const hot = await refusal('renovation.save', registration({ hotWork: { ...HOT, to: '2026-12-09' } }));
    expect(hot.fields?.['hotWork.to']).toBe('动火结束日期不能早于开始日期');
    expect(core.ctx.sqlite.prepare('select count(*) n from renovations').get()).toEqual({ n: 0 });
  });

  it('runs 申请中 → 施工中 → 已验收 → 已退押金, with the house 装修中 in between, and refuses steps out of order', async () => {
    const r = await ok<RenovationT>('renovation.save', registration());
    expect((await refusal('renovation.refund', { id: r.id, amount: 2000 })).message).toBe('装修验收合格后才能退还押金');
    expect((await refusal('renovation.accept', { id: r.id, by: '陈主管' })).message).toBe('该装修尚未开工，不能验收');
    expect((await refusal('renovation.inspect', { id: r.id, date: '2026-12-05', by: '巡查员', findings: '未开工', result: '正常' })).message).toContain(
      '不能巡查',
    );

    await ok('renovation.start', { id: r.id });
    expect(houseStatus()).toBe('装修中');
    const edited = await ok<RenovationT>('renovation.save', { ...registration({ contractor: '新装饰公司' }), id: r.id });
    expect(edited.contractor).toBe('新装饰公司');
    clock += 3 * 86400_000;
    const inspected = await ok<RenovationT>('renovation.inspect', {
      id: r.id,
      date: '2026-12-08',
      by: '巡查员小周',
      findings: '卫生间防水未做闭水试验',
      result: '限期整改',
    });
    expect(inspected.inspections).toMatchObject([{ date: '2026-12-08', by: '巡查员小周', result: '限期整改' }]);
    expect((await refusal('renovation.inspect', { id: r.id, date: '2026-12-30', by: '巡查员', findings: 'x', result: '正常' })).message).toBe(
      '巡查日期不能晚于今天',
    );
    expect((await refusal('renovation.refund', { id: r.id, amount: 2000 })).message).toBe('装修验收合格后才能退还押金');

    const accepted = await ok<RenovationT>('renovation.accept', { id: r.id, by: '陈主管', note: '合格' });
    expect(accepted).toMatchObject({ status: '已验收', acceptedBy: '陈主管', acceptanceNote: '合格' });
    expect(houseStatus()).toBe('已入住');
    expect((await refusal('renovation.save', { ...registration(), id: r.id })).message).toBe('该装修已验收，不能修改');
    expect((await refusal('renovation.void', { id: r.id, reason: '错录' })).message).toBe('已验收的装修登记不能作废');

    const over = await refusal('renovation.refund', { id: r.id, amount: 2000.01 });
    expect(over.message).toBe('退还金额不能超过押金 2000.00 元');
    expect(over.fields?.amount).toBeTruthy();
    expect((await refusal('renovation.refund', { id: r.id, amount: 1500 })).fields?.reason).toBe('押金有扣除，请填写扣除原因');
    const refunded = await ok<RenovationT>('renovation.refund', { id: r.id, amount: 1500, reason: '损坏公共走廊地砖' });
    expect(refunded).toMatchObject({ status: '已退押金', refund: { amount: 1500, deducted: 500, reason: '损坏公共走廊地砖' } });
    expect((await refusal('renovation.refund', { id: r.id, amount: 1 })).message).toBe('该装修已验收并退还押金，不能再次退押金');

    const actions = core.ctx.sqlite.prepare("select action from audit_log where entity = 'renovation' order by id").all() as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual(['create', 'start', 'update', 'inspect', 'accept', 'refund']);
  });

  it('voiding a renovation under way puts the house status back; a voided one refuses everything', async () => {
    const r = await ok<RenovationT>('renovation.save', registration());
    await ok('renovation.start', { id: r.id });
    expect(houseStatus()).toBe('装修中');
    expect((await refusal('renovation.void', { id: r.id, reason: '  ' })).fields?.reason).toBe('请填写作废原因');
    const v = await ok<RenovationT>('renovation.void', { id: r.id, reason: '业主取消装修' });
    expect(v).toMatchObject({ status: '已作废', voidReason: '业主取消装修' });
    expect(houseStatus()).toBe('已入住');
    expect((await refusal('renovation.start', { id: r.id })).message).toBe('该装修登记已作废，不能开工');
    expect((await refusal('documents.word.save', { document: 'renovationPermit', renovationId: r.id })).message).toBe('该装修登记已作废，不能打印许可证');
  });

  it('the household history lists registration, inspection, acceptance and refund', async () => {
    const r = await ok<RenovationT>('renovation.save', registration());
    await ok('renovation.start', { id: r.id });
    await ok('renovation.inspect', { id: r.id, date: '2026-12-05', by: '巡查员小周', findings: '施工正常', result: '正常' });
    await ok('renovation.accept', { id: r.id, by: '陈主管' });
    await ok('renovation.refund', { id: r.id, amount: 2000 });
    const h = await ok<HouseholdT>('archives.household.get', { houseId });
    const titles = h.history.filter((e) => e.kind === 'renovation').map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['装修登记', '装修开工', '装修巡查', '装修验收', '退还装修押金']));
    expect(h.history.find((e) => e.title === '装修登记')?.detail).toContain('ZX2026-0001');
    expect(h.history.find((e) => e.title === '退还装修押金')?.detail).toContain('2000.00 元');
    expect(h.history.some((e) => e.kind === 'archive' && e.detail?.includes('已入住 → 装修中'))).toBe(true);
  });
});

describe('搬迁放行', () => {
  const pass = (extra: Record<string, unknown> = {}) => ({
    houseId,
    applicant: '王芳',
    phone: '13800001111',
    relation: '业主',
    items: [
      { name: '双人床', qty: 1 },
      { name: '纸箱', qty: 12 },
    ],
    plate: '粤b12345',
    validFrom: '2026-12-05',
    validTo: '2026-12-06',
    approver: '陈主管',
    ...extra,
  });

  it('issues FX numbers, checks once at the gate within the validity, refuses void after the check', async () => {
    const p = await ok<MoveOutPassT>('moveout.save', pass());
    expect(p).toMatchObject({ passNo: 'FX2026-0001', state: '有效', plate: '粤B12345' });
    const later = await ok<MoveOutPassT>('moveout.save', pass({ validFrom: '2026-12-07', validTo: '2026-12-08' }));
    expect(later).toMatchObject({ passNo: 'FX2026-0002', state: '未生效' });
    expect((await refusal('moveout.check', { id: later.id })).message).toBe('该放行条 2026-12-07 起生效，今天不能放行');
    const checked = await ok<MoveOutPassT>('moveout.check', { id: p.id });
    expect(checked.state).toBe('已查验');
    expect(checked.checkedBy).toBeTruthy();
    expect((await refusal('moveout.check', { id: p.id })).message).toBe('该放行条已查验放行，不能重复使用');
    expect((await refusal('moveout.void', { id: p.id, reason: '错开' })).message).toBe('该放行条已查验放行，不能作废');
    clock = Date.parse('2026-12-08T16:00:00.000Z'); // 2026-12-09 00:00 Shanghai
    expect((await ok<MoveOutPassT[]>('moveout.list', { houseId })).map((x) => x.state)).toEqual(['已过期', '已查验']);
  });

  it('refuses an empty item list, a validity ending before it starts, and a void without reason; voids with one', async () => {
    expect((await refusal('moveout.save', pass({ items: [] }))).fields?.items).toBe('请至少填写一项物品');
    expect((await refusal('moveout.save', pass({ validTo: '2026-12-04' }))).fields?.validTo).toBe('有效期截止不能早于开始日期');
    expect((await refusal('moveout.save', pass({ items: [{ name: '沙发', qty: 0 }] }))).fields?.['items.0.qty']).toBe('数量至少为1');
    const p = await ok<MoveOutPassT>('moveout.save', pass());
    expect((await refusal('moveout.void', { id: p.id, reason: '' })).fields?.reason).toBe('请填写作废原因');
    const v = await ok<MoveOutPassT>('moveout.void', { id: p.id, reason: '业主改期' });
    expect(v).toMatchObject({ state: '已作废', voidReason: '业主改期' });
    expect((await refusal('moveout.check', { id: p.id })).message).toBe('该放行条已作废，不能放行');
    expect((await refusal('moveout.void', { id: p.id, reason: '再次' })).message).toBe('该放行条已作废');
    const h = await ok<HouseholdT>('archives.household.get', { houseId });
    const titles = h.history.filter((e) => e.kind === 'moveOutPass').map((e) => e.title);
    expect(titles.sort()).toEqual(['作废放行条', '开具搬迁放行条'].sort());
    expect(h.history.find((e) => e.title === '作废放行条')?.detail).toBe('FX2026-0001：业主改期');
  });
});

describe('printouts', () => {
  it('装修许可证: permit no, house, contractor, items, masked worker IDs and rules on one page, in HTML and Word', async () => {
    const r = await ok<RenovationT>('renovation.save', registration());
    const src = await sourceFor(core.ctx, { document: 'renovationPermit', renovationId: r.id });
    expect(src).toMatchObject({ kind: 'renovationPermit', houseId, refId: r.id, audience: '3栋2单元1502', fileBase: '装修许可证-ZX2026-0001-3栋2单元1502' });
    const pages = await allPages(src);
    expect(pages).toHaveLength(1);
    const html = htmlText(await renderHtml(src, pages));
    const word = wordText(await renderWord(src, pages));
    for (const text of [html, word]) {
      for (const w of [
        '装修许可证',
        'ZX2026-0001',
        '3栋2单元1502',
        '深圳市美家装饰工程有限公司',
        '水电改造、防水、吊顶',
        '张师傅',
        '440***********1234',
        '施工须知',
        '翠湖花园物业服务中心',
      ])
        expect(text).toContain(w);
      expect(text).not.toContain('440301199001011234');
    }
  });

  it('a permit with more than 6 workers puts the full list on an annex page', async () => {
    const workers = Array.from({ length: 20 }, (_, i) => ({ name: `工人${i + 1}` }));
    const r = await ok<RenovationT>('renovation.save', registration({ workers }));
    const pages = await allPages(await sourceFor(core.ctx, { document: 'renovationPermit', renovationId: r.id }));
    expect(pages).toHaveLength(2);
    expect(JSON.stringify(pages[0])).toContain('另有 14 人');
    expect(JSON.stringify(pages[1])).toContain('工人20');
    // the annex carries on from the seventh: nobody listed twice
    expect(JSON.stringify(pages[1])).not.toContain('"工人6"');
    expect(JSON.stringify(pages[1])).toContain('"工人7"');
  });

  it('动火作业许可证 is refused without hot work and printed with it', async () => {
    const plain = await ok<RenovationT>('renovation.save', registration());
    const e = await refusal('documents.word.save', { document: 'hotWorkPermit', renovationId: plain.id });
    expect(e.message).toBe('该装修登记没有动火作业');
    await expect(sourceFor(core.ctx, { document: 'hotWorkPermit', renovationId: plain.id })).rejects.toThrow('该装修登记没有动火作业');
    const hot = await ok<RenovationT>('renovation.save', registration({ hotWork: HOT }));
    const src = await sourceFor(core.ctx, { document: 'hotWorkPermit', renovationId: hot.id });
    const html = htmlText(await renderHtml(src));
    const word = wordText(await renderWord(src));
    for (const text of [html, word])
      for (const w of ['动火作业许可证', 'ZX2026-0002-DH', '阳台', '赵焊工', 'T440301199001011234', '2026年12月10日 至 2026年12月11日'])
        expect(text).toContain(w);
  });

  it('搬迁放行条: stub, cut line and pass with items, plate, validity and the guard line; long lists go to an annex', async () => {
    const p = await ok<MoveOutPassT>('moveout.save', {
      houseId,
      applicant: '王芳',
      phone: '13800001111',
      relation: '租户',
      items: [
        { name: '双人床', qty: 1 },
        { name: '冰箱', qty: 1 },
        { name: '纸箱', qty: 12 },
      ],
      plate: '粤B12345',
      validFrom: '2026-12-05',
      validTo: '2026-12-06',
      approver: '陈主管',
    });
    const src = await sourceFor(core.ctx, { document: 'moveOutPass', passId: p.id });
    const pages = await allPages(src);
    expect(pages).toHaveLength(1);
    expect(pages[0].blocks.map((b) => b.t)).toContain('cut');
    const html = htmlText(await renderHtml(src, pages));
    const word = wordText(await renderWord(src, pages));
    for (const text of [html, word])
      for (const w of [
        '搬迁放行条（存根）',
        'FX2026-0001',
        '3栋2单元1502',
        '王芳（租户）',
        '双人床',
        '冰箱',
        '粤B12345',
        '2026年12月5日 至 2026年12月6日',
        '陈主管',
        '门岗查验：',
        '共 3 项 14 件',
      ])
        expect(text).toContain(w);

    const many = await ok<MoveOutPassT>('moveout.save', {
      ...{ houseId, applicant: '王芳', relation: '业主', plate: null, validFrom: '2026-12-05', validTo: '2026-12-05', approver: '陈主管' },
      items: Array.from({ length: 15 }, (_, i) => ({ name: `物品${i + 1}`, qty: 1 })),
    });
    const manyPages = await allPages(await sourceFor(core.ctx, { document: 'moveOutPass', passId: many.id }));
    expect(manyPages).toHaveLength(2);
    expect(JSON.stringify(manyPages[1])).toContain('物品15');
    await ok('moveout.void', { id: many.id, reason: '重开' });
    expect((await refusal('documents.word.save', { document: 'moveOutPass', passId: many.id })).message).toBe('该放行条已作废，不能打印');
  });
});
