import { describe, expect, it } from 'vitest';
import { dueInText, lateText } from '../../../renderer/src/screens/desk/dashboard/deadlines';
import { dateRangeError, initialFilters, isFiltered, toQuery } from '../../../renderer/src/screens/desk/list/filters';
import type { TicketRowT } from '../../../shared/contract/desk';

const row = (patch: Omit<Partial<TicketRowT>, 'sla'> & { sla?: Partial<TicketRowT['sla']> }): TicketRowT => ({
  id: 1,
  no: 'TS20261120-001',
  type: '投诉',
  channel: '来访',
  location: '3栋2单元1502',
  category: '噪音扰民',
  subcategory: null,
  urgency: '一般',
  reporter: '王芳',
  phone: null,
  status: '已派工',
  department: '客服部',
  assignee: '小陈',
  receivedAt: '2026-11-20T01:00:00.000Z',
  imported: false,
  summary: '楼上装修噪音',
  ...patch,
  sla: { respondDueAt: null, resolveDueAt: null, respondLateMinutes: 0, resolveLateMinutes: 0, paused: false, state: 'ok', clock: 'calendar', ...patch.sla },
});

describe('dashboard deadlines', () => {
  it('says how late by the deadline missed the most', () => {
    expect(lateText(row({ sla: { resolveLateMinutes: 200, respondLateMinutes: 30, resolveDueAt: '2026-11-20T02:00:00.000Z' } }))).toEqual({
      text: '超时 3小时20分',
      which: '完成',
      at: '2026-11-20T02:00:00.000Z',
    });
    expect(lateText(row({ sla: { respondLateMinutes: 3000, resolveLateMinutes: 0 } })).text).toBe('超时 2天2小时');
  });
  it('counts down to the next deadline; the respond clock only before dispatch', () => {
    const now = Date.parse('2026-11-20T01:00:00.000Z');
    const sla = { respondDueAt: '2026-11-20T01:30:00.000Z', resolveDueAt: '2026-11-20T03:05:00.000Z' };
    expect(dueInText(row({ status: '已受理', sla }), now)).toMatchObject({ text: '还有 30分', which: '响应' });
    expect(dueInText(row({ status: '处理中', sla }), now)).toMatchObject({ text: '还有 2小时5分', which: '完成' });
  });
});

describe('ticket list filters', () => {
  it('opens presets as the route asks', () => {
    expect(initialFilters('open', null).status).toEqual(['已受理', '已派工', '处理中', '挂起']);
    expect(initialFilters('overdue', null)).toMatchObject({ due: 'overdue', sort: 'due', dir: 'asc' });
    expect(initialFilters(undefined, ['挂起']).status).toEqual(['挂起']);
    expect(isFiltered(initialFilters(undefined, null))).toBe(false);
  });
  it('sends only what is set, dates as Shanghai calendar dates, the text trimmed', () => {
    const f = { ...initialFilters(undefined, null), from: '2026-10-01', to: '2026-10-31', buildingId: '7' };
    expect(toQuery(f, '  漏水 ')).toEqual({
      status: undefined,
      type: undefined,
      category: undefined,
      buildingId: 7,
      department: undefined,
      from: '2026-10-01',
      to: '2026-10-31',
      due: undefined,
      text: '漏水',
      sort: 'receivedAt',
      dir: 'desc',
    });
    expect(dateRangeError({ from: '2026-10-31', to: '2026-10-01' })).toBe('开始日期晚于结束日期');
    expect(dateRangeError({ from: '2026-10-01', to: '' })).toBeNull();
  });
});

// the 工单设置 checks are the contract's own now: tests/unit/desk/settings-form.test.ts
