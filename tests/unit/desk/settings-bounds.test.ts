// Issue 11: settings the contract accepted then broke every intake (a working-hours clock of the
// longest accepted target, a counter open for a minute, huge lists). Every setting is bounded to
// what the code can compute; the largest accepted values, found by asking the contract itself,
// still let a ticket be received, listed and shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { CounterHours, DeskConfigPatch, SlaTarget, type DeskConfigT, type SlaTargetT, type TicketDetailT } from '../../../shared/contract/desk';
import { SettingsPatch } from '../../../shared/contract/system';
import { computeSla } from '../../../electron/core/desk/sla';
import { addWorkingMs } from '../../../electron/core/desk/working-time';

type Core = Awaited<ReturnType<typeof tempCore>>;

/** the largest integer in [lo, hi] that `ok` accepts, given ok(lo) (ok is monotone) */
function largest(lo: number, hi: number, ok: (n: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
const hm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const target = (clock: 'calendar' | 'working', minutes: number): SlaTargetT => ({
  type: '投诉',
  urgency: '一般',
  respondMinutes: minutes,
  resolveMinutes: minutes,
  clock,
});

// what the contract lets through, asked of the contract (not of its constants)
const maxMinutes = (clock: 'calendar' | 'working') => largest(1, 2 ** 53 - 1, (n) => SlaTarget.safeParse(target(clock, n)).success);
const shortestCounter = () => largest(1, 23 * 60 + 59, (n) => !CounterHours.safeParse({ open: '00:00', close: hm(n) }).success) + 1;
const longestDueSoon = () => largest(5, 2 ** 53 - 1, (n) => DeskConfigPatch.safeParse({ dueSoonMinutes: n }).success);

describe('the contract bounds every desk setting', () => {
  it('refuses what no clock can count: 2^53−1 minutes, a one-minute counter day, a working target longer than the calendar', () => {
    expect(maxMinutes('calendar')).toBeLessThanOrEqual(366 * 24 * 60);
    const w = SlaTarget.safeParse(target('working', maxMinutes('calendar')));
    expect(w.success).toBe(false);
    expect(w.error?.issues[0].message).toMatch(/工作时间.*小时/);
    const minute = CounterHours.safeParse({ open: '08:30', close: '08:31' });
    expect(minute.success).toBe(false);
    expect(minute.error?.issues[0].message).toMatch(/上班.*至少/);
  });

  it('refuses empty and oversized lists, repeated SLA rows and long texts, naming the field', () => {
    const fieldOf = (input: unknown) => {
      const r = DeskConfigPatch.safeParse(input);
      return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(fieldOf({ categories: [] })).toEqual({ categories: '至少保留一个类别' });
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `类别${i}`, children: [] }));
    expect(fieldOf({ categories: many })?.categories).toMatch(/类别最多\d+个/);
    expect(fieldOf({ categories: [{ name: '工程', children: Array.from({ length: 1000 }, (_, i) => `子${i}`) }] })?.['categories.0.children']).toMatch(
      /子类别最多\d+个/,
    );
    expect(fieldOf({ departments: Array.from({ length: 1000 }, (_, i) => ({ name: `部门${i}`, staff: [] })) })?.departments).toMatch(/部门最多\d+个/);
    expect(fieldOf({ departments: [{ name: '工程部', staff: Array.from({ length: 1000 }, (_, i) => `人${i}`) }] })?.['departments.0.staff']).toMatch(
      /人员最多\d+人/,
    );
    expect(fieldOf({ sla: [target('calendar', 60), target('calendar', 120)] })?.['sla.1.urgency']).toBe('「投诉·一般」的时限重复');
    expect(fieldOf({ centrePhone: '1'.repeat(1_000_000) })).toEqual({ centrePhone: '电话不超过40字' });
    const settings = SettingsPatch.safeParse({ servicePhone: '1'.repeat(1_000_000), staffName: '名'.repeat(1_000_000), companyName: '司'.repeat(1_000_000) });
    expect(settings.success).toBe(false);
    expect(settings.error?.issues.map((i) => i.message).sort()).toEqual(['公司名称不超过60字', '姓名不超过20字', '服务电话不超过40字']);
  });
});

describe('after the largest accepted settings, intake still works', () => {
  let core: Core;
  beforeEach(async () => {
    core = await tempCore();
    await must(core.dispatch('system.setup', { estateName: '测试花园', phone: null, address: null, demo: false }) as never);
  });
  afterEach(async () => {
    await core.cleanup();
  });

  for (const clock of ['calendar', 'working'] as const) {
    it(`${clock === 'working' ? 'working-hours' : 'calendar'} clock at its longest target, the shortest counter day and the longest reminder`, async () => {
      const cfg = (await must(core.dispatch('desk.config.get', {}) as never)) as DeskConfigT;
      const minutes = maxMinutes(clock);
      const counter = shortestCounter();
      const saved = await core.dispatch('desk.config.update', {
        sla: cfg.sla.map((s) => ({ ...s, respondMinutes: minutes, resolveMinutes: minutes, clock })),
        counterHours: { open: '00:00', close: hm(counter) },
        dueSoonMinutes: longestDueSoon(),
        centrePhone: '1'.repeat(40),
      });
      expect(saved.ok).toBe(true);
      for (const type of ['投诉', '报修'] as const) {
        const r = await core.dispatch('desk.tickets.create', {
          type,
          channel: '电话',
          location: '大堂',
          category: '工程维修',
          urgency: '紧急',
          description: '测试',
        });
        if (!r.ok) throw new Error(`受理失败：${r.error.message}`);
        const t = (r.value as TicketDetailT).ticket;
        expect(Date.parse(t.sla.resolveDueAt!)).toBeGreaterThan(Date.parse(t.receivedAt));
        await must(core.dispatch('desk.tickets.get', { id: t.id }) as never);
      }
      const page = (await must(core.dispatch('desk.tickets.list', {}) as never)) as { total: number };
      expect(page.total).toBe(2);
      await must(core.dispatch('desk.dashboard', {}) as never);
    });
  }
});

describe('deadlines never crash a read', () => {
  const cal = { days: new Map<string, 'holiday' | 'workday'>(), openMinute: 8 * 60 + 30, closeMinute: 17 * 60 + 30 };
  const base = {
    respondedMs: null,
    completedMs: null,
    holds: [],
    dueSoonMs: 3600_000,
    finished: false,
    receivedMs: Date.UTC(2026, 0, 5),
    nowMs: Date.UTC(2026, 0, 6),
  };

  it('a stored target beyond any date (2^53−1 minutes, saved before the bounds) reads as no deadline, not a RangeError', () => {
    const sla = computeSla(cal, { ...base, target: target('calendar', 2 ** 53 - 1) });
    expect(sla.resolveDueAt).toBeNull();
    expect(sla.state).toBe('ok');
  });

  it('a working clock reaching past the calendar walk (10,000,000 minutes) still gives a date', () => {
    const due = addWorkingMs(cal, base.receivedMs, 10_000_000 * 60_000);
    // 10,000,000 min at 9 h a day, five days a week: about 71 years
    expect(new Date(due).getUTCFullYear()).toBeGreaterThan(2090);
    expect(new Date(due).getUTCFullYear()).toBeLessThan(2100);
    const sla = computeSla(cal, { ...base, target: target('working', 10_000_000) });
    expect(sla.resolveDueAt).not.toBeNull();
  });

  it('past the calendar walk, weeks skipped at once land where a plain day-by-day walk does', () => {
    // the reference: every weekday 08:30–17:30 China time, walked one day at a time without end
    const plain = (fromMs: number, ms: number) => {
      let left = ms;
      for (let day = Math.floor((fromMs + 8 * 3600_000) / 86_400_000); ; day++) {
        const midnight = day * 86_400_000 - 8 * 3600_000;
        const weekday = new Date(day * 86_400_000).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        const open = Math.max(midnight + cal.openMinute * 60_000, fromMs);
        const close = midnight + cal.closeMinute * 60_000;
        if (close <= open) continue;
        if (open + left <= close) return open + left;
        left -= close - open;
      }
    };
    const from = Date.UTC(2026, 0, 5, 3, 17); // Monday 11:17 in China
    for (const hours of [9 * 800, 9 * 261 * 4 + 5, 9 * 261 * 4 + 9, 9 * 261 * 20 + 3.5, 9 * 5000]) {
      expect(new Date(addWorkingMs(cal, from, hours * 3600_000)).toISOString()).toBe(new Date(plain(from, hours * 3600_000)).toISOString());
    }
  });
});
