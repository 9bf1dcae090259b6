import { describe, expect, it } from 'vitest';
import { wallTimeNow, wallTimeToIso } from '../../../renderer/src/screens/desk/intake/wallTime';
import { suggestCategory } from '../../../renderer/src/screens/desk/intake/suggestCategory';
import { acceptPhotos } from '../../../renderer/src/screens/desk/intake/PhotoPicker';
import { currentDeadline, slaLabel } from '../../../renderer/src/screens/desk/shared/badges';
import type { SlaStateT } from '../../../shared/contract/desk';

// the suite runs with TZ=America/Los_Angeles (vitest.config.ts): nothing here may depend on it
describe('visit time picker', () => {
  it('reads the picker as China wall-clock time, whatever the machine zone', () => {
    expect(new Date().getTimezoneOffset()).not.toBe(-480);
    expect(wallTimeToIso('2026-11-23T14:30')).toBe('2026-11-23T06:30:00.000Z');
    // just after midnight in Shanghai is the previous day in UTC
    expect(wallTimeToIso('2026-01-01T00:15')).toBe('2025-12-31T16:15:00.000Z');
  });
  it('refuses incomplete or impossible times instead of booking another day', () => {
    expect(wallTimeToIso('')).toBeNull();
    expect(wallTimeToIso('2026-11-23')).toBeNull();
    expect(wallTimeToIso('2026-02-30T10:00')).toBeNull();
    expect(wallTimeToIso('2026-11-23T24:00')).toBeNull();
  });
  it('gives the lower bound in the same China wall-clock form', () => {
    expect(wallTimeNow(Date.parse('2026-11-22T16:05:00.000Z'))).toBe('2026-11-23T00:05');
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
    const { photos, refused } = acceptPhotos(eight, [img('a.jpg'), new File(['x'], 'b.pdf', { type: 'application/pdf' }), img('c.jpg', 11 * 1024 * 1024), img('d.jpg')]);
    expect(photos.map((p) => p.file.name)).toEqual(['0.jpg', '1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg', '6.jpg', '7.jpg', 'a.jpg']);
    expect(refused).toEqual(['「b.pdf」不是图片', '「c.jpg」超过10MB', '最多9张照片，「d.jpg」未添加']);
  });
});

describe('SLA badge', () => {
  const sla = (p: Partial<SlaStateT>): SlaStateT => ({ respondDueAt: null, resolveDueAt: null, respondLateMinutes: 0, resolveLateMinutes: 0, paused: false, state: 'ok', clock: 'calendar', ...p });
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
    expect(currentDeadline(sla({ ...dues, state: 'overdue', respondLateMinutes: 30, resolveLateMinutes: 0 }), '已受理', now)).toEqual({ which: '响应', at: dues.respondDueAt });
  });
});
