import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addWorkingMs, isWorkingDay, workingMsBetween, type WorkCalendar } from '../../../electron/core/desk/working-time';
import { computeSla } from '../../../electron/core/desk/sla';
import { fromCst } from '../../../shared/domain/time';
import type { SlaTargetT } from '../../../shared/contract/desk';

// the official calendar shipped with the app
const official = JSON.parse(readFileSync('resources/cn-public-holidays.json', 'utf8')) as {
  years: Record<string, { holidays: Record<string, string[]>; workdays: string[] }>;
};
const days = new Map<string, 'holiday' | 'workday'>();
for (const y of Object.values(official.years)) {
  for (const list of Object.values(y.holidays)) for (const d of list) days.set(d, 'holiday');
  for (const d of y.workdays) days.set(d, 'workday');
}
const cal: WorkCalendar = { days, openMinute: 8 * 60 + 30, closeMinute: 17 * 60 + 30 }; // 9 h a day
const H = 3600_000;
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => fromCst(y, mo, d, h, mi).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('working calendar', () => {
  it('knows weekends, holidays and 调休 make-up workdays', () => {
    expect(isWorkingDay(cal, '2026-11-20')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // 国庆节 (Thursday)
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday make-up workday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday make-up before 春节
  });

  it('counts only counter hours across a night', () => {
    // Mon 16:30 → Tue 09:30 = 1 h + 1 h
    expect(workingMsBetween(cal, at(2026, 11, 16, 16, 30), at(2026, 11, 17, 9, 30))).toBe(2 * H);
    expect(iso(addWorkingMs(cal, at(2026, 11, 16, 16, 30), 2 * H))).toBe(iso(at(2026, 11, 17, 9, 30)));
  });

  it('skips a weekend', () => {
    // Fri 17:00 + 1 h → Mon 09:00
    expect(iso(addWorkingMs(cal, at(2026, 11, 20, 17, 0), H))).toBe(iso(at(2026, 11, 23, 9, 0)));
    // a ticket received on Saturday starts counting Monday morning
    expect(iso(addWorkingMs(cal, at(2026, 11, 21, 10, 0), 30 * 60_000))).toBe(iso(at(2026, 11, 23, 9, 0)));
  });

  it('skips the National Day holiday and works the make-up Saturday', () => {
    // Wed 2026-09-30 17:00 + 2 h: Oct 1–7 holiday, Oct 8 (Thu) working → 08:30 + 1.5 h = 10:00
    expect(iso(addWorkingMs(cal, at(2026, 9, 30, 17, 0), 2 * H))).toBe(iso(at(2026, 10, 8, 10, 0)));
    // Fri 2026-10-09 17:00 + 1 h → Sat 10-10 (调休上班) 09:00
    expect(iso(addWorkingMs(cal, at(2026, 10, 9, 17, 0), H))).toBe(iso(at(2026, 10, 10, 9, 0)));
  });

  it('is independent of the machine time zone', () => {
    expect(new Date().getTimezoneOffset()).not.toBe(-480);
    expect(workingMsBetween(cal, at(2026, 11, 23, 0, 0), at(2026, 11, 24, 0, 0))).toBe(9 * H);
  });
});

const complaint: SlaTargetT = { type: '投诉', urgency: '一般', respondMinutes: 24 * 60, resolveMinutes: 48 * 60, clock: 'calendar' };
const urgentRepair: SlaTargetT = { type: '报修', urgency: '紧急', respondMinutes: 30, resolveMinutes: 24 * 60, clock: 'calendar' };
const workingEnquiry: SlaTargetT = { type: '咨询', urgency: '一般', respondMinutes: 9 * 60, resolveMinutes: 9 * 60, clock: 'working' };
const base = { respondedMs: null, completedMs: null, holds: [], dueSoonMs: 2 * H, finished: false };

describe('SLA clocks', () => {
  it('calendar clock: due times, due soon, overdue, late minutes', () => {
    const received = at(2026, 11, 20, 10, 0);
    const ok = computeSla(cal, { ...base, target: complaint, receivedMs: received, nowMs: received + H });
    expect(ok.respondDueAt).toBe(iso(received + 24 * H));
    expect(ok.resolveDueAt).toBe(iso(received + 48 * H));
    expect(ok.state).toBe('ok');
    expect(computeSla(cal, { ...base, target: complaint, receivedMs: received, nowMs: received + 23 * H }).state).toBe('dueSoon');
    const late = computeSla(cal, { ...base, target: complaint, receivedMs: received, nowMs: received + 25 * H });
    expect(late.state).toBe('overdue');
    expect(late.respondLateMinutes).toBe(60);
    expect(late.resolveLateMinutes).toBe(0);
  });

  it('urgent repair: 30 minutes to respond', () => {
    const received = at(2026, 11, 22, 22, 0); // Sunday night: calendar clock still counts
    const s = computeSla(cal, { ...base, target: urgentRepair, receivedMs: received, respondedMs: received + 20 * 60_000, nowMs: received + 40 * 60_000 });
    expect(s.respondLateMinutes).toBe(0);
    expect(s.respondDueAt).toBe(iso(received + 30 * 60_000));
    const missed = computeSla(cal, { ...base, target: urgentRepair, receivedMs: received, respondedMs: received + 45 * 60_000, nowMs: received + H });
    expect(missed.respondLateMinutes).toBe(15);
  });

  it('working clock across a weekend and a holiday', () => {
    // Fri 2026-09-25 is 中秋节; received Thu 09-24 16:00 → 1.5 h Thu, then Mon 09-28 7.5 h → 16:00
    const received = at(2026, 9, 24, 16, 0);
    const s = computeSla(cal, { ...base, target: workingEnquiry, receivedMs: received, nowMs: received + H });
    expect(s.resolveDueAt).toBe(iso(at(2026, 9, 28, 16, 0)));
    expect(s.clock).toBe('working');
  });

  it('hold pauses the clock and pushes due times back', () => {
    const received = at(2026, 11, 16, 9, 0);
    const holds = [{ startMs: received + 10 * H, endMs: received + 20 * H }];
    const s = computeSla(cal, { ...base, target: complaint, receivedMs: received, holds, nowMs: received + 50 * H });
    // 50 h elapsed − 10 h on hold = 40 h < 48 h: not late for resolution
    expect(s.resolveLateMinutes).toBe(0);
    expect(s.resolveDueAt).toBe(iso(received + 58 * H));
    const onHold = computeSla(cal, {
      ...base,
      target: complaint,
      receivedMs: received,
      holds: [{ startMs: received + 10 * H, endMs: null }],
      nowMs: received + 60 * H,
    });
    expect(onHold.state).toBe('paused');
    expect(onHold.resolveLateMinutes).toBe(0);
  });

  it('hold in working clock counts only the working part of the hold', () => {
    // received Mon 09:00; on hold Mon 17:00 → Tue 10:00 (0.5 h + 1.5 h working = 2 h)
    const received = at(2026, 11, 16, 9, 0);
    const holds = [{ startMs: at(2026, 11, 16, 17, 0), endMs: at(2026, 11, 17, 10, 0) }];
    const s = computeSla(cal, { ...base, target: workingEnquiry, receivedMs: received, holds, nowMs: at(2026, 11, 17, 10, 0) });
    // 9 h target + 2 h held: Mon 09:00 → Mon 17:30 is 8.5 h, then 2.5 h Tue → 11:00
    expect(s.resolveDueAt).toBe(iso(at(2026, 11, 17, 11, 0)));
  });

  it('finished tickets keep a met / missed verdict; praise has no clock', () => {
    const received = at(2026, 11, 16, 9, 0);
    const met = computeSla(cal, {
      ...base,
      target: complaint,
      receivedMs: received,
      respondedMs: received + H,
      completedMs: received + 30 * H,
      nowMs: received + 100 * H,
      finished: true,
    });
    expect(met.state).toBe('met');
    const missed = computeSla(cal, {
      ...base,
      target: complaint,
      receivedMs: received,
      respondedMs: received + H,
      completedMs: received + 50 * H,
      nowMs: received + 100 * H,
      finished: true,
    });
    expect(missed.state).toBe('missed');
    expect(missed.resolveLateMinutes).toBe(120);
    expect(computeSla(cal, { ...base, target: null, receivedMs: received, nowMs: received }).state).toBe('none');
  });
});
