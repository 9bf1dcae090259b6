import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRetention, expiredBackups } from '../../../electron/core/backup/retention';

const name = (day: string, time = '120000') => `frontdesk-${day}-${time}.tar`;
/** the China dates of n consecutive days ending on 2026-12-05 */
function days(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2026, 11, 5 - i));
    out.push(d.toISOString().slice(0, 10).replace(/-/g, ''));
  }
  return out;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('which backups retention removes', () => {
  it('keeps the newest of each of the 30 newest days and of each of the 12 newest months', () => {
    // one backup a day for 400 days
    const all = days(400).map((d) => name(d));
    const expired = new Set(expiredBackups(all));
    const kept = all.filter((n) => !expired.has(n));
    // 30 days, plus the last day of each earlier month back to the 12th newest month
    const daily = days(30).map((d) => name(d));
    expect(kept.slice(0, 30)).toEqual(daily);
    const monthly = kept.slice(30);
    expect(monthly.map((n) => n.slice(10, 16))).toEqual(['202610', '202609', '202608', '202607', '202606', '202605', '202604', '202603', '202602', '202601']);
    // the newest of its month: the month's last day
    expect(monthly[0]).toBe(name('20261031'));
    expect(kept).toHaveLength(40);
    expect(expired.size).toBe(360);
  });

  it('keeps every backup of the newest day, only the newest of earlier days', () => {
    const all = [name('20261205', '080000'), name('20261205', '120000'), name('20261205', '180000'), name('20261204', '080000'), name('20261204', '180000')];
    expect(expiredBackups(all)).toEqual([name('20261204', '080000')]);
  });

  it('counts days that have backups, not calendar days: a month without the app removes nothing', () => {
    const all = [...days(10).map((d) => name(d)), ...['20260901', '20260902'].map((d) => name(d))];
    expect(expiredBackups(all)).toEqual([]);
  });

  it('never touches a name outside the exact pattern', () => {
    const others = [
      'frontdesk-20200101-120000.tar.partial-1-x',
      'frontdesk-20200101-120000.sqlite',
      'Frontdesk-20200101-120000.tar',
      'frontdesk-20200101.tar',
      'notes.txt',
      'frontdesk-20200101-120000.tar.bak',
    ];
    const ours = days(40).map((d) => name(d));
    const expired = expiredBackups([...others, ...ours]);
    expect(expired.length).toBeGreaterThan(0);
    for (const o of others) expect(expired).not.toContain(o);
  });
});

describe('applyRetention', () => {
  it('deletes only expired files of our pattern, each logged, and leaves folders and other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-retention-'));
    dirs.push(dir);
    for (const d of days(35)) writeFileSync(join(dir, name(d)), 'x');
    writeFileSync(join(dir, '说明.txt'), 'x');
    // a folder named like a backup is not a backup
    mkdirSync(join(dir, name('20200101')));
    const lines: string[] = [];
    const r = applyRetention(dir, (m) => lines.push(m));
    // 5 Dec back to 6 Nov are the 30 days; November's newest (30 Nov) is one of them, so 1–5 Nov go
    expect(r.removed.sort()).toEqual(
      days(35)
        .slice(30)
        .map((d) => name(d))
        .sort(),
    );
    expect(lines).toHaveLength(r.removed.length);
    expect(lines[0]).toMatch(/^按保留规则删除了过期备份 /);
    const left = readdirSync(dir);
    expect(left).toContain('说明.txt');
    expect(left).toContain(name('20200101'));
    expect(left).toContain(name(days(35)[29]));
    expect(left).toHaveLength(32);
  });
});
