import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backups, DAILY_RETRY_MS, readBackupHistory } from '../../../electron/core/backup/schedule';
import { buildApi, type FrontDeskApi } from '../../../shared/contract';
import { must, tempCore } from '../helpers/temp-core';

type T = Awaited<ReturnType<typeof tempCore>>;
/** the channels, typed as the window sees them */
const api = (t: T): FrontDeskApi => buildApi((c, i) => t.dispatch(c, i));
const cores: T[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
});

/** a small estate, a backup folder, and a clock the test moves (China time = UTC + 8) */
async function desk(clockIso = '2026-12-05T02:00:00Z') {
  const t = await tempCore();
  cores.push(t);
  let clock = new Date(clockIso).getTime();
  t.ctx.now = () => new Date(clock);
  await must(api(t)['system.setup']({ estateName: '测试花园', demo: true, houses: 20 }));
  const folder = join(t.dir, '备份');
  return {
    t,
    folder,
    set: (iso: string) => (clock = new Date(iso).getTime()),
    advance: (ms: number) => (clock += ms),
    scheduler: backups(t.ctx),
  };
}

describe('backup settings', () => {
  it('makes the chosen folder, refuses a relative path, and writes an audit line', async () => {
    const { t, folder } = await desk();
    expect(await must(api(t)['backup.settings.get']({}))).toEqual({ folder: null, auto: true });
    const rel = await api(t)['backup.settings.update']({ folder: '备份' });
    expect(rel.ok || rel.error.message).toMatch(/完整的文件夹路径/);
    expect(await must(api(t)['backup.settings.update']({ folder }))).toEqual({ folder, auto: true });
    expect(existsSync(folder)).toBe(true);
    const lines = t.ctx.sqlite.prepare("select action, detail from audit_log where entity = 'backup'").all() as { action: string; detail: string }[];
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0].detail)).toEqual({ before: { folder: null, auto: true }, after: { folder, auto: true } });
  });

  it('refuses a folder it cannot make, in Chinese', async () => {
    const { t } = await desk();
    writeFileSync(join(t.dir, 'plain'), 'x');
    const r = await api(t)['backup.settings.update']({ folder: join(t.dir, 'plain', 'sub') });
    expect(r.ok || r.error.message).toMatch(/无法创建备份文件夹.*是文件，不是文件夹/);
  });
});

describe('automatic backups', () => {
  it('at start and at quit: verified files in the folder, each in the history with its size', async () => {
    const { t, folder, scheduler, advance } = await desk();
    expect(await scheduler.atStart()).toBeNull(); // no folder chosen: nothing to do
    await must(api(t)['backup.settings.update']({ folder }));
    const start = await scheduler.atStart();
    expect(start).toMatchObject({ reason: 'start', ok: true, file: join(folder, 'frontdesk-20261205-100000.tar'), message: null, removed: [] });
    advance(8 * 3600_000);
    const quit = await scheduler.atQuit();
    expect(quit).toMatchObject({ reason: 'quit', ok: true, file: join(folder, 'frontdesk-20261205-180000.tar') });
    expect(quit?.bytes).toBeGreaterThan(10_000);
    expect(readdirSync(folder).sort()).toEqual(['frontdesk-20261205-100000.tar', 'frontdesk-20261205-180000.tar']);
    const h = await must(api(t)['backup.history']({}));
    expect(h.records.map((r) => r.reason)).toEqual(['quit', 'start']);
    expect(h.running).toBe(false);
  });

  it('off: no automatic backup, a manual one still runs', async () => {
    const { t, folder, scheduler } = await desk();
    await must(api(t)['backup.settings.update']({ folder, auto: false }));
    expect(await scheduler.atStart()).toBeNull();
    expect(await scheduler.tick()).toBeNull();
    expect(await must(api(t)['backup.run']({}))).toMatchObject({ reason: 'manual', ok: true });
  });

  it('a missing folder (stick pulled) never blocks: the result says 备份目录不可用 and the desk works on', async () => {
    const { t, folder, scheduler } = await desk();
    await must(api(t)['backup.settings.update']({ folder }));
    rmSync(folder, { recursive: true });
    const r = await scheduler.atStart();
    expect(r).toMatchObject({ ok: false, file: null });
    expect(r?.message).toMatch(/^备份目录不可用：.*不存在/);
    // never created on the machine's own disk behind the user's back
    expect(existsSync(folder)).toBe(false);
    const manual = await api(t)['backup.run']({});
    expect(manual.ok || manual.error.message).toMatch(/^备份目录不可用/);
    const h = await readBackupHistory(t.ctx);
    expect(h.map((x) => [x.reason, x.ok])).toEqual([
      ['manual', false],
      ['start', false],
    ]);
    expect((await must(api(t)['system.status']({}))).firstRun).toBe(false);
  });

  it('tick: one daily backup per China day, the next after midnight China time, a failed one retried after an hour', async () => {
    // 23:50 China time on 5 December
    const { t, folder, scheduler, set, advance } = await desk('2026-12-05T15:50:00Z');
    await must(api(t)['backup.settings.update']({ folder }));
    expect(await scheduler.tick()).toMatchObject({ reason: 'daily', ok: true, file: join(folder, 'frontdesk-20261205-235000.tar') });
    advance(5 * 60_000);
    expect(await scheduler.tick()).toBeNull(); // 23:55: done today
    set('2026-12-05T16:01:00Z'); // 00:01 on the 6th in China (still the 5th in UTC and in Los Angeles)
    expect(await scheduler.tick()).toMatchObject({ reason: 'daily', ok: true, file: join(folder, 'frontdesk-20261206-000100.tar') });
    advance(5 * 60_000);
    expect(await scheduler.tick()).toBeNull();

    // the 7th: the stick is out
    set('2026-12-07T01:00:00Z');
    rmSync(folder, { recursive: true });
    expect(await scheduler.tick()).toMatchObject({ reason: 'daily', ok: false });
    advance(5 * 60_000);
    expect(await scheduler.tick()).toBeNull(); // not every tick
    mkdirSync(folder);
    advance(DAILY_RETRY_MS);
    expect(await scheduler.tick()).toMatchObject({ reason: 'daily', ok: true });
  });

  it('a start backup today counts as today’s daily backup', async () => {
    const { t, folder, scheduler, advance } = await desk();
    await must(api(t)['backup.settings.update']({ folder }));
    await scheduler.atStart();
    advance(60_000);
    expect(await scheduler.tick()).toBeNull();
  });

  it('retention after a good backup: old files of our pattern go, other files stay, the deletions are in the record', async () => {
    const { t, folder, scheduler } = await desk();
    await must(api(t)['backup.settings.update']({ folder }));
    // 40 earlier daily backups in November and October, and a file of the admin's
    for (let i = 1; i <= 40; i++) {
      const d = new Date(Date.UTC(2026, 10, 30 - i + 1)).toISOString().slice(0, 10).replace(/-/g, '');
      writeFileSync(join(folder, `frontdesk-${d}-120000.tar`), 'old');
    }
    writeFileSync(join(folder, '我的文件.tar'), 'keep');
    const lines: string[] = [];
    scheduler.log = (m) => lines.push(m);
    const r = await scheduler.atStart();
    expect(r?.ok).toBe(true);
    // kept: today's and 29 November days (2–30 Nov: the 30 newest days), October's newest (31 Oct, its month); gone: 1 Nov and 22–30 Oct
    expect(r?.removed.sort()).toEqual([
      'frontdesk-20261022-120000.tar',
      ...Array.from({ length: 8 }, (_, i) => `frontdesk-202610${23 + i}-120000.tar`),
      'frontdesk-20261101-120000.tar',
    ]);
    expect(lines.filter((l) => l.startsWith('按保留规则删除了过期备份'))).toHaveLength(10);
    expect(readdirSync(folder)).toContain('我的文件.tar');
    expect(readdirSync(folder)).toContain('frontdesk-20261031-120000.tar');
  });

  it('one backup at a time: a manual one during the start backup waits for it and writes its own', async () => {
    const { t, folder, scheduler, advance } = await desk();
    await must(api(t)['backup.settings.update']({ folder }));
    const start = scheduler.atStart();
    while (!scheduler.busy) await new Promise((r) => setTimeout(r, 1));
    advance(1000);
    const manual = await must(api(t)['backup.run']({}));
    expect((await start)?.ok).toBe(true);
    expect(manual.ok).toBe(true);
    expect(readdirSync(folder)).toHaveLength(2);
  });
});
