import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { fillPlaceholders, rmbCapital, unknownPlaceholders, BLANK } from '../../../electron/core/notices/text';
import { noticeSource } from '../../../electron/core/notices/document';
import { allPages, renderHtml } from '../../../electron/core/documents/registry';
import type { NoticeDraftInput, NoticeT, NoticeTemplateT } from '../../../shared/contract/notices';
import type { Block } from '../../../electron/core/documents/model';

// 通知公告 (PRODUCT.md §5) through the real channels over a real database file.

describe('金额大写', () => {
  it.each([
    [0, '零元整'],
    [0.05, '伍分'],
    [10, '壹拾元整'],
    [100.5, '壹佰元伍角整'],
    [1001, '壹仟零壹元整'],
    [12345678.9, '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    [123.45, '壹佰贰拾叁元肆角伍分'],
    [1.05, '壹元零伍分'],
    [100000, '壹拾万元整'],
    [10001, '壹万零壹元整'],
    [1000100, '壹佰万零壹佰元整'],
    [100000000, '壹亿元整'],
  ])('%s → %s', (n, text) => expect(rmbCapital(n)).toBe(text));
  it('refuses a negative amount', () => expect(() => rmbCapital(-1)).toThrow());
});

describe('placeholders', () => {
  it('fills known names and prints a blank line for an empty one', () => {
    expect(fillPlaceholders('因{{停水原因}}，{{ 项目 }}将于{{开始时间}}停水', { 停水原因: '管网维修', 项目: '翠湖花园', 开始时间: '' })).toBe(
      `因管网维修，翠湖花园将于${BLANK}停水`,
    );
  });
  it('finds names neither standard nor the template’s own', () => {
    expect(unknownPlaceholders('{{项目}}{{停水原因}}{{停水时长}}{{金额大写}}', ['停水原因'])).toEqual(['停水时长']);
  });
});

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let call: (channel: string, input: unknown) => Promise<unknown>;
let estateId: number;
let buildingId: number;
let houses: number[];

const ISSUE_AT = new Date('2026-12-05T02:00:00Z');

beforeEach(async () => {
  core = await tempCore();
  core.ctx.now = () => ISSUE_AT;
  call = (channel, input) => must(core.dispatch(channel, input) as never) as Promise<unknown>;
  estateId = ((await call('archives.estates.create', { name: '翠湖花园', phone: '0755-88886666' })) as { id: number }).id;
  buildingId = ((await call('archives.buildings.create', { estateId, name: '3' })) as { id: number }).id;
  const other = ((await call('archives.buildings.create', { estateId, name: '5' })) as { id: number }).id;
  houses = [];
  for (const [room, owner] of [
    ['1502', '王芳'],
    ['1501', '李明'],
    ['1601', '张伟'],
  ]) {
    const h = (await call('archives.houses.create', { buildingId, unitName: '2', roomNo: room, type: '住宅', status: '已入住' })) as { id: number };
    await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: owner } });
    houses.push(h.id);
  }
  // a voided house of the building and a house of another building are not addressed
  const gone = (await call('archives.houses.create', { buildingId, unitName: '2', roomNo: '1701', type: '住宅', status: '空置' })) as { id: number };
  await call('archives.houses.void', { id: gone.id, reason: '录入错误' });
  await call('archives.houses.create', { buildingId: other, unitName: '1', roomNo: '101', type: '住宅', status: '已入住' });
});
afterEach(async () => core.cleanup());

const templates = async () => (await call('notices.templates.list', {})) as NoticeTemplateT[];
const water = async () => (await templates()).find((t) => t.name === '停水通知') as NoticeTemplateT;
const draft = (t: NoticeTemplateT, extra: Partial<NoticeDraftInput> = {}): NoticeDraftInput => ({
  estateId,
  templateId: t.id,
  kind: t.kind,
  title: t.title,
  body: t.body,
  fields: t.fields,
  date: '2026-12-05',
  values: { 停水原因: '市政供水管网维修', 停水范围: '3栋', 开始时间: '12月8日 8:00', 结束时间: '12月8日 18:00' },
  audience: { kind: 'building', buildingId },
  ...extra,
});
const texts = (blocks: Block[]) =>
  blocks.map((b) => ('text' in b ? b.text : 'items' in b && Array.isArray(b.items) ? b.items.join(' ') : 'lines' in b ? b.lines.join(' ') : '')).join('\n');

describe('templates', () => {
  it('ships the eight built-in templates', async () => {
    expect((await templates()).map((t) => t.name)).toEqual([
      '停水通知',
      '停电通知',
      '停气通知',
      '电梯维保通知',
      '装修施工公示',
      '催缴通知单',
      '温馨提示',
      '公告',
    ]);
  });

  it('refuses an unknown placeholder, naming it, by the field', async () => {
    const r = await core.dispatch('notices.templates.save', {
      name: '停暖通知',
      kind: '公告',
      title: '停暖通知',
      body: '因{{停暖原因}}，{{项目}}停止供暖。',
      fields: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('{{停暖原因}}');
      expect(r.error.fields?.body).toContain('{{停暖原因}}');
    }
    const ok = (await call('notices.templates.save', {
      name: '停暖通知',
      kind: '公告',
      title: '停暖通知',
      body: '因{{停暖原因}}，{{项目}}停止供暖。',
      fields: ['停暖原因'],
    })) as NoticeTemplateT;
    expect(ok.fields).toEqual(['停暖原因']);
    // a live name is unique
    const dup = await core.dispatch('notices.templates.save', { name: '停暖通知', kind: '公告', title: 'x', body: 'y', fields: [] });
    expect(dup.ok).toBe(false);
  });

  it('voids a template of the desk, never a built-in one', async () => {
    const t = (await call('notices.templates.save', { name: '临时公告', kind: '公告', title: '公告', body: '内容', fields: [] })) as NoticeTemplateT;
    const v = (await call('notices.templates.void', { id: t.id, reason: '不再使用' })) as NoticeTemplateT;
    expect(v.voidedAt).not.toBeNull();
    expect((await templates()).some((x) => x.id === t.id)).toBe(false);
    const builtin = await core.dispatch('notices.templates.void', { id: (await water()).id, reason: 'x' });
    expect(builtin.ok).toBe(false);
  });
});

describe('issuing', () => {
  it('numbers 〔2026〕第001号 then 第002号 per estate, and starts again in the new China year', async () => {
    const t = await water();
    const a = (await call('notices.issue', draft(t))) as NoticeT;
    const b = (await call('notices.issue', draft(t))) as NoticeT;
    expect([a.no, b.no]).toEqual(['〔2026〕第001号', '〔2026〕第002号']);
    // another estate counts on its own
    const e2 = ((await call('archives.estates.create', { name: '金色家园' })) as { id: number }).id;
    const other = (await call('notices.issue', draft(t, { estateId: e2, audience: { kind: 'estate' }, body: '{{项目}}停水。', fields: [] }))) as NoticeT;
    expect(other.no).toBe('〔2026〕第001号');
    // 2026-12-31 16:30 UTC is 1 January 2027 in China
    core.ctx.now = () => new Date('2026-12-31T16:30:00Z');
    const c = (await call('notices.issue', draft(t))) as NoticeT;
    expect(c.no).toBe('〔2027〕第001号');
    core.ctx.now = () => new Date('2026-12-31T15:59:00Z');
    expect(((await call('notices.issue', draft(t))) as NoticeT).no).toBe('〔2026〕第003号');
  });

  it('a building means its live houses, one page each, addressed to the owner', async () => {
    const n = (await call('notices.issue', draft(await water()))) as NoticeT;
    expect(n.houses.map((h) => `${h.label} ${h.owner}`)).toEqual(['3栋2单元1501 李明', '3栋2单元1502 王芳', '3栋2单元1601 张伟']);
    expect(n.audienceLabel).toBe('3栋 全部 3 户');
    const src = await noticeSource(core.ctx, { document: 'notice', noticeId: n.id });
    expect(src.count).toBe(3);
    const first = texts((await src.unit(1))[0].blocks);
    expect(first).toContain('尊敬的 3栋2单元1502 业主 王芳：');
    expect(first).toContain('因市政供水管网维修，翠湖花园3栋将于12月8日 8:00至12月8日 18:00暂停供水。');
    expect(first).toContain('〔2026〕第001号');
    expect(first).toContain('0755-88886666');
    expect(first).toContain('特此通知。');
    expect(first).toContain('2026年12月5日');
    // the household history of an addressed house shows it; the print log names it by refId
    const hh = (await call('archives.household.get', { houseId: houses[0] })) as { history: Array<{ kind: string; title: string }> };
    expect(hh.history.some((e) => e.kind === 'notice' && e.title.includes('〔2026〕第001号'))).toBe(true);
    const html = await renderHtml(src, await allPages(src));
    expect(html).toContain('王芳');
  });

  it('a unit and a chosen list resolve to exactly those houses; a posted notice is one copy', async () => {
    const t = await water();
    const unit = (await call('notices.issue', draft(t, { audience: { kind: 'unit', buildingId, unitName: '2单元' } }))) as NoticeT;
    expect(unit.houses).toHaveLength(3);
    const list = (await call('notices.issue', draft(t, { audience: { kind: 'list', houseIds: [houses[2]] } }))) as NoticeT;
    expect(list.houses.map((h) => h.label)).toEqual(['3栋2单元1601']);
    expect(list.audienceLabel).toBe('3栋2单元1601');
    const posted = (await call('notices.issue', draft(t, { audience: { kind: 'building', buildingId, posted: true } }))) as NoticeT;
    expect(posted.units).toBe(1);
    expect(posted.houses).toHaveLength(0);
  });

  it('refuses missing values, per-house placeholders on a posted notice, and missing amounts', async () => {
    const t = await water();
    const r = await core.dispatch('notices.issue', draft(t, { values: { 停水原因: '', 停水范围: '3栋', 开始时间: '8:00', 结束时间: '18:00' } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.['values.停水原因']).toBe('请填写「停水原因」');
    const arrears = (await templates()).find((x) => x.kind === '催缴') as NoticeTemplateT;
    const posted = await core.dispatch('notices.issue', draft(arrears, { values: { 期间: '2026年1月—6月' }, audience: { kind: 'estate' } }));
    expect(!posted.ok && posted.error.message).toContain('{{房号}}');
    const missing = await core.dispatch(
      'notices.issue',
      draft(arrears, { values: { 期间: '2026年1月—6月' }, amounts: [{ houseId: houses[0], amount: 1200 }] }),
    );
    expect(!missing.ok && missing.error.message).toContain('3栋2单元1501');
    // nothing was numbered by the refusals
    const ok = (await call(
      'notices.issue',
      draft(arrears, { values: { 期间: '2026年1月—6月' }, amounts: houses.map((houseId, i) => ({ houseId, amount: 1000.5 + i })) }),
    )) as NoticeT;
    expect(ok.no).toBe('〔2026〕第001号');
    const src = await noticeSource(core.ctx, { document: 'notice', noticeId: ok.id });
    const p = texts((await src.unit(0))[0].blocks);
    // pages come in room order: 1501 (the second house, 1001.50) first
    expect(p).toContain('您名下3栋2单元1501房屋2026年1月—6月的物业服务费尚未缴纳，欠费金额为人民币1,001.50元（大写：壹仟零壹元伍角整）');
  });

  it('a reprint is the pages as issued, even after the template changes', async () => {
    const t = await water();
    const n = (await call('notices.issue', draft(t))) as NoticeT;
    const before = JSON.stringify(await allPages(await noticeSource(core.ctx, { document: 'notice', noticeId: n.id })));
    await call('notices.templates.save', { ...t, body: '全新的正文：{{项目}}停水。', title: '改过的标题' });
    await call('archives.estates.update', { id: estateId, name: '翠湖花园二期', phone: '0755-1' });
    const after = JSON.stringify(await allPages(await noticeSource(core.ctx, { document: 'notice', noticeId: n.id })));
    expect(after).toBe(before);
    expect(after).toContain('市政供水管网维修');
  });

  it('voids with a reason: gone from the list, refused for printing, kept with its number', async () => {
    const n = (await call('notices.issue', draft(await water()))) as NoticeT;
    const v = (await call('notices.void', { id: n.id, reason: '停水取消' })) as NoticeT;
    expect(v.voidReason).toBe('停水取消');
    expect((await call('notices.list', { estateId })) as unknown[]).toHaveLength(0);
    expect((await call('notices.list', { estateId, includeVoided: true })) as unknown[]).toHaveLength(1);
    await expect(noticeSource(core.ctx, { document: 'notice', noticeId: n.id })).rejects.toThrow('已作废');
    expect(((await call('notices.issue', draft(await water()))) as NoticeT).no).toBe('〔2026〕第002号');
    const again = await core.dispatch('notices.void', { id: n.id, reason: 'x' });
    expect(again.ok).toBe(false);
  });

  it('previews the first pages and lists what is still missing', async () => {
    const p = (await call('notices.preview', draft(await water(), { values: {} }))) as {
      html: string;
      no: string;
      units: number;
      shown: number;
      problems: string[];
    };
    expect(p.no).toBe('〔2026〕第001号');
    expect(p.units).toBe(3);
    expect(p.shown).toBe(1);
    expect(p.problems).toContain('请填写「停水原因」');
    expect(p.html).toContain('李明');
    expect(p.html).not.toContain('王芳');
  });
});
