import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { CalendarSetInput, DeskConfigPatch, type DeskConfigT } from '../../../shared/contract/desk';
import { zodFields } from '../../../renderer/src/app/formErrors';
import { durationText, hoursToMinutes, minutesToHours } from '../../../renderer/src/screens/desk/settings/validate';

// 工单设置 (issue 7 item 6): the forms use the contract's schema as their resolver, so what main
// refuses is refused next to the field, in the same words; nothing is clamped silently.
const fields = (input: unknown) => {
  const r = DeskConfigPatch.safeParse(input);
  return r.success ? {} : zodFields(r.error);
};
const row = (respond: number | null, resolve: number | null) => ({
  type: '投诉',
  urgency: '一般',
  respondMinutes: respond,
  resolveMinutes: resolve,
  clock: 'calendar',
});

describe('hours typed in the 时限 tab', () => {
  it('become minutes; what is not a number stays NaN for the schema to refuse', () => {
    expect(hoursToMinutes('0.5')).toBe(30);
    expect(hoursToMinutes('')).toBeNull();
    expect(hoursToMinutes('1．5')).toBe(90);
    expect(hoursToMinutes('２４')).toBe(1440);
    expect(hoursToMinutes('abc')).toBeNaN();
    expect(hoursToMinutes('0')).toBe(0);
    expect(hoursToMinutes('-2')).toBe(-120);
    expect(minutesToHours(30)).toBe('0.5');
    expect(durationText(2160)).toBe('1天12小时');
  });

  it('SLA hours ≤ 0, not a number, under a minute, or beyond 365 days are refused by the field', () => {
    const sla = (respond: string, resolve = '48') => fields({ sla: [row(hoursToMinutes(respond), hoursToMinutes(resolve))] });
    expect(sla('0')).toEqual({ 'sla.0.respondMinutes': '时限必须大于0；不设时限请留空' });
    expect(sla('-1')).toEqual({ 'sla.0.respondMinutes': '时限必须大于0；不设时限请留空' });
    expect(sla('abc')).toEqual({ 'sla.0.respondMinutes': '请输入小时数，如 0.5、24' });
    expect(sla('0.001')).toEqual({ 'sla.0.respondMinutes': '时限至少1分钟' });
    expect(sla('24', '9000')).toEqual({ 'sla.0.resolveMinutes': '时限不超过365天（8760小时）' });
    expect(sla('48', '24')).toEqual({ 'sla.0.resolveMinutes': '完成时限不能短于响应时限' });
    expect(sla('', '')).toEqual({});
    expect(sla('0.5', '8760')).toEqual({});
  });

  it('names are filled in, short and not repeated; counter hours are real and in order; the reminder is bounded', () => {
    expect(
      fields({
        categories: [
          { name: '工程维修', children: ['水电', ' 水电 '] },
          { name: ' ', children: [] },
        ],
      }),
    ).toEqual({
      'categories.0.children.1': '子类别「水电」重复',
      'categories.1.name': '请填写类别名称',
    });
    expect(fields({ categories: [] })).toEqual({ categories: '至少保留一个类别' });
    expect(
      fields({
        departments: [
          { name: '工程部', staff: [] },
          { name: '工程部 ', staff: ['x'.repeat(21)] },
        ],
      }),
    ).toEqual({
      'departments.1.staff.0': '姓名不超过20字',
      'departments.1.name': '部门「工程部」重复',
    });
    expect(fields({ counterHours: { open: '18:00', close: '08:30' } })).toEqual({ 'counterHours.close': '下班时间必须晚于上班时间' });
    expect(fields({ counterHours: { open: '25:00', close: '' } })['counterHours.open']).toBe('请填写上班时间，如 08:30');
    expect(fields({ dueSoonMinutes: Number.NaN })).toEqual({ dueSoonMinutes: '请填写提醒提前量' });
    expect(fields({ dueSoonMinutes: 2 })).toEqual({ dueSoonMinutes: '至少提前 5 分钟' });
    expect(fields({ centrePhone: '1'.repeat(41) })).toEqual({ centrePhone: '电话不超过40字' });
  });

  it('a holiday date must be a real day', () => {
    const f = (date: string) => {
      const r = CalendarSetInput.safeParse({ date, kind: 'holiday' });
      return r.success ? {} : zodFields(r.error);
    };
    expect(f('')).toEqual({ date: '请选择日期' });
    expect(f('2027-02-30')).toEqual({ date: '没有这一天' });
    expect(f('2027-02-06')).toEqual({});
  });
});

describe('main refuses the same through the contract, and stores nothing', () => {
  type Core = Awaited<ReturnType<typeof tempCore>>;
  let core: Core;
  beforeEach(async () => {
    core = await tempCore();
  });
  afterEach(async () => {
    await core.cleanup();
  });

  it('SLA hours of 0 are refused (once stored as 0.1 h), with the field named', async () => {
    const cfg = (await must(core.dispatch('desk.config.get', {}) as never)) as DeskConfigT;
    const sla = cfg.sla.map((s, i) => (i === 2 ? { ...s, respondMinutes: 0 } : s));
    const r = await core.dispatch('desk.config.update', { sla });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.['sla.2.respondMinutes']).toBe('时限必须大于0；不设时限请留空');
    const huge = await core.dispatch('desk.config.update', { sla: cfg.sla.map((s, i) => (i === 0 ? { ...s, resolveMinutes: 366 * 24 * 60 } : s)) });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error.fields?.['sla.0.resolveMinutes']).toBe('时限不超过365天（8760小时）');
    expect(((await must(core.dispatch('desk.config.get', {}) as never)) as DeskConfigT).sla).toEqual(cfg.sla);
    const dept = await core.dispatch('desk.config.update', {
      departments: [
        { name: '工程部', staff: [] },
        { name: ' 工程部', staff: [] },
      ],
    });
    expect(dept.ok).toBe(false);
    if (!dept.ok) expect(dept.error.fields?.['departments.1.name']).toBe('部门「工程部」重复');
  });

  it('names are stored trimmed', async () => {
    const saved = (await must(core.dispatch('desk.config.update', { departments: [{ name: ' 工程部 ', staff: [' 李师傅 '] }] }) as never)) as DeskConfigT;
    expect(saved.departments).toEqual([{ name: '工程部', staff: ['李师傅'] }]);
  });
});
