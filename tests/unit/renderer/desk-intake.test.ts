import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoToWallTime, visitDays, wallTimeNow, wallTimeToIso } from '../../../renderer/src/screens/desk/intake/wallTime';
import { EMPTY_INTAKE, hasContent, intakeErrors, nextEmptyRequired, toInput, type IntakeValues } from '../../../renderer/src/screens/desk/intake/draft';
import { dropDraft, readDraft, writeDraft } from '../../../renderer/src/components/form/formDraft';
import { useNav } from '../../../renderer/src/app/navigation';
import { IntakeInput } from '../../../shared/contract/desk';
import type { HouseholdT } from '../../../shared/contract/archives';
import { suggestCategory } from '../../../renderer/src/screens/desk/intake/suggestCategory';
import { acceptPhotos } from '../../../renderer/src/screens/desk/intake/PhotoPicker';
import { currentDeadline, slaLabel } from '../../../renderer/src/screens/desk/shared/badges';
import type { SlaStateT } from '../../../shared/contract/desk';

// the suite runs with TZ=America/Los_Angeles (vitest.config.ts): nothing here may depend on it
describe('visit time picker', () => {
  it('reads the picker as China wall-clock time, whatever the machine zone', () => {
    expect(new Date().getTimezoneOffset()).not.toBe(-480);
    // @mantine/dates hands "YYYY-MM-DD HH:mm:ss"; the older native form had a T
    expect(wallTimeToIso('2026-11-23 14:30:00')).toBe('2026-11-23T06:30:00.000Z');
    expect(wallTimeToIso('2026-11-23T14:30')).toBe('2026-11-23T06:30:00.000Z');
    // just after midnight in Shanghai is the previous day in UTC
    expect(wallTimeToIso('2026-01-01 00:15:00')).toBe('2025-12-31T16:15:00.000Z');
    expect(isoToWallTime('2025-12-31T16:15:00.000Z')).toBe('2026-01-01 00:15:00');
  });
  it('refuses incomplete or impossible times instead of booking another day', () => {
    expect(wallTimeToIso('')).toBeNull();
    expect(wallTimeToIso('2026-11-23')).toBeNull();
    expect(wallTimeToIso('2026-02-30 10:00:00')).toBeNull();
    expect(wallTimeToIso('2026-11-23 24:00:00')).toBeNull();
  });
  it('gives now and the bookable China days in the same wall-clock terms', () => {
    const now = Date.parse('2026-11-22T16:05:00.000Z'); // 2026-11-23 00:05 in Shanghai, still the 22nd in Los Angeles
    expect(wallTimeNow(now)).toBe('2026-11-23 00:05:00');
    expect(visitDays(now)).toEqual({ first: '2026-11-23', last: '2027-02-21' });
  });
});

describe('intake form checks (the contract schema as resolver)', () => {
  const household = { house: { id: 7, label: '3栋2单元1502' }, occupants: [] } as unknown as HouseholdT;
  const filled: IntakeValues = { ...EMPTY_INTAKE, household, category: '噪音扰民', description: '楼上装修噪音' };
  const repair = (visit: string): IntakeValues => ({ ...filled, type: '报修', category: '工程维修', expectedVisitAt: visit });
  const now = Date.parse('2026-12-02T02:00:00.000Z'); // 10:00 in Shanghai

  it('passes a complete complaint and sends the house, not the snapshot', () => {
    expect(intakeErrors(filled, '李静', now)).toEqual({});
    expect(toInput(filled, '李静')).toMatchObject({ houseId: 7, location: null, category: '噪音扰民', receivedBy: '李静', expectedVisitAt: null });
  });
  it('names every missing field at once, in the words of the form', () => {
    expect(intakeErrors(EMPTY_INTAKE, '李静', now)).toEqual({
      location: '请选择房屋，或切换到「公共区域」',
      category: '请填写类别',
      description: '请填写内容',
    });
    expect(intakeErrors({ ...filled, publicArea: true }, '李静', now)).toEqual({ location: '请填写公共区域位置' });
  });
  it('refuses a visit more than 90 days ahead (2099 was accepted) and one already past, next to the field', () => {
    expect(intakeErrors(repair('2099-01-01 09:00:00'), '李静', now)).toEqual({ expectedVisitAt: '预约上门时间不能超过90天后' });
    expect(intakeErrors(repair('2026-12-02 09:00:00'), '李静', now)).toEqual({ expectedVisitAt: '预约上门时间应晚于现在' });
    expect(intakeErrors(repair('2026-12-02 10:30:00'), '李静', now)).toEqual({});
    // a visit only counts for a repair: switching type away does not leave a hidden refusal behind
    expect(intakeErrors({ ...repair('2099-01-01 09:00:00'), type: '投诉' }, '李静', now)).toEqual({});
  });
  it('is the same rule main applies: the contract refuses 2099 on its own', () => {
    const r = IntakeInput.safeParse({ ...toInput(filled, '李静'), type: '报修', expectedVisitAt: '2099-01-01T01:00:00.000Z' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ path: ['expectedVisitAt'], message: '预约上门时间不能超过90天后' });
    const inReach = new Date(Date.now() + 89 * 86_400_000).toISOString();
    expect(IntakeInput.safeParse({ ...toInput(filled, '李静'), expectedVisitAt: inReach }).success).toBe(true);
  });
  it('after the house, the cursor goes to the next empty required field: 类别, then 内容', () => {
    const picked = { ...EMPTY_INTAKE, household };
    expect(nextEmptyRequired(picked, 'location')).toBe('category');
    expect(nextEmptyRequired({ ...picked, category: '噪音扰民' }, 'location')).toBe('description');
    expect(nextEmptyRequired({ ...picked, category: '噪音扰民' }, 'category')).toBe('description');
    expect(nextEmptyRequired(filled, 'location')).toBeNull();
    expect(nextEmptyRequired(EMPTY_INTAKE, null)).toBe('location');
  });
  it('type and channel alone are no draft', () => {
    expect(hasContent({ ...EMPTY_INTAKE, type: '报修', channel: '电话' })).toBe(false);
    expect(hasContent({ ...EMPTY_INTAKE, description: '半句话' })).toBe(true);
  });
});

describe('kept drafts', () => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  afterEach(() => store.clear());

  it('reads back what was written, and drops a draft written for another version of the form', () => {
    writeDraft('intake', 2, { description: '半句话' });
    expect(readDraft('intake', 2)?.values).toEqual({ description: '半句话' });
    expect(readDraft('intake', 3)).toBeNull();
    dropDraft('intake');
    expect(readDraft('intake', 2)).toBeNull();
  });
  it('treats a damaged entry as no draft rather than failing the screen', () => {
    store.set('frontdesk.draft.intake', '{not json');
    expect(readDraft('intake', 2)).toBeNull();
  });
});

describe('leave guard', () => {
  afterEach(() => useNav.setState({ route: { name: 'desk' }, history: [], guard: null, held: null }));

  it('holds a move the guard refuses until the user answers; stay keeps the screen, proceed moves', () => {
    useNav.getState().go({ name: 'intake' });
    const guard = (to: { name: string }) => to.name === 'intake';
    useNav.getState().setGuard(guard);
    useNav.getState().go({ name: 'tickets' });
    expect(useNav.getState().route).toEqual({ name: 'intake' });
    expect(useNav.getState().held?.to).toEqual({ name: 'tickets' });
    useNav.getState().stay();
    expect(useNav.getState().held).toBeNull();
    expect(useNav.getState().route).toEqual({ name: 'intake' });
    // F2 on the intake screen is let through
    useNav.getState().go({ name: 'intake' });
    expect(useNav.getState().held).toBeNull();
    useNav.getState().go({ name: 'tickets' });
    useNav.getState().proceed();
    expect(useNav.getState().route).toEqual({ name: 'tickets' });
    expect(useNav.getState().history.at(-1)).toEqual({ name: 'intake' });
  });
  it('a screen removes only its own guard', () => {
    const a = () => false;
    const b = () => false;
    useNav.getState().setGuard(a);
    useNav.getState().setGuard(b);
    useNav.getState().clearGuard(a);
    expect(useNav.getState().guard).toBe(b);
    useNav.getState().clearGuard(b);
    expect(useNav.getState().guard).toBeNull();
  });
});

describe('category proposed from the description', () => {
  const categories = [
    { name: '工程维修', children: ['水电', '门窗', '电梯'] },
    { name: '停车管理', children: ['车位占用', '道闸', '乱停车'] },
    { name: '噪音扰民', children: [] },
    { name: '其他', children: [] },
  ];
  it('takes a subcategory named outright, with its parent', () => {
    expect(suggestCategory('3栋电梯困人', categories)).toEqual({ category: '工程维修', subcategory: '电梯' });
    expect(suggestCategory('B2 道闸 抬杆失灵', categories)).toEqual({ category: '停车管理', subcategory: '道闸' });
  });
  it('prefers the longest name mentioned', () => {
    expect(suggestCategory('门口乱停车，还挡住道闸', categories)).toEqual({ category: '停车管理', subcategory: '乱停车' });
    expect(suggestCategory('楼上噪音扰民', categories)).toEqual({ category: '噪音扰民', subcategory: null });
  });
  it('guesses nothing from fragments or from 其他', () => {
    expect(suggestCategory('楼上装修噪音很大', categories)).toBeNull();
    expect(suggestCategory('其他问题', categories)).toBeNull();
    expect(suggestCategory('水', categories)).toBeNull();
  });
});

describe('photos', () => {
  it('keeps images up to 10 MB and 9 in all, and says why the rest were left out', () => {
    const img = (name: string, size = 10) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' });
    const eight = Array.from({ length: 8 }, (_, i) => ({ file: img(`${i}.jpg`), url: `blob:${i}` }));
    const { photos, refused } = acceptPhotos(eight, [
      img('a.jpg'),
      new File(['x'], 'b.pdf', { type: 'application/pdf' }),
      img('c.jpg', 11 * 1024 * 1024),
      img('d.jpg'),
    ]);
    expect(photos.map((p) => p.file.name)).toEqual(['0.jpg', '1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg', '6.jpg', '7.jpg', 'a.jpg']);
    expect(refused).toEqual(['「b.pdf」不是图片', '「c.jpg」超过10MB', '最多9张照片，「d.jpg」未添加']);
  });
});

describe('SLA badge', () => {
  const sla = (p: Partial<SlaStateT>): SlaStateT => ({
    respondDueAt: null,
    resolveDueAt: null,
    respondLateMinutes: 0,
    resolveLateMinutes: 0,
    paused: false,
    state: 'ok',
    clock: 'calendar',
    ...p,
  });
  it('reads as the desk says it', () => {
    expect(slaLabel(sla({ state: 'overdue', resolveLateMinutes: 125 })).text).toBe('已超时 2小时5分');
    expect(slaLabel(sla({ state: 'overdue', respondLateMinutes: 1500 })).text).toBe('已超时 1天1小时');
    expect(slaLabel(sla({ state: 'dueSoon' })).text).toBe('即将到期');
    expect(slaLabel(sla({ state: 'paused' })).text).toBe('已挂起');
    expect(slaLabel(sla({ state: 'met' })).text).toBe('按时完成');
    expect(slaLabel(sla({ state: 'missed' })).text).toBe('超时完成');
    expect(slaLabel(sla({ state: 'ok' })).text).toBe('正常');
  });
  it('shows the deadline that matters: respond only before dispatch, the late one when overdue', () => {
    const now = Date.parse('2026-11-20T01:00:00.000Z');
    const dues = { respondDueAt: '2026-11-20T02:00:00.000Z', resolveDueAt: '2026-11-21T01:00:00.000Z' };
    expect(currentDeadline(sla(dues), '已受理', now)).toEqual({ which: '响应', at: dues.respondDueAt });
    expect(currentDeadline(sla(dues), '处理中', now)).toEqual({ which: '完成', at: dues.resolveDueAt });
    expect(currentDeadline(sla({ ...dues, state: 'overdue', respondLateMinutes: 30, resolveLateMinutes: 0 }), '已受理', now)).toEqual({
      which: '响应',
      at: dues.respondDueAt,
    });
  });
});
