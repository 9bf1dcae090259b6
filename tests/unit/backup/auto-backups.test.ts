import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupHistory, startAutoBackups } from '../../../electron/core/backup/schedule';
import { must, tempCore } from '../helpers/temp-core';

type T = Awaited<ReturnType<typeof tempCore>>;
const cores: T[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
});

describe('startAutoBackups (what both shells run)', () => {
  it('backs up at start in the background and at quit; a quit backup longer than the bound does not hold the quit', async () => {
    const t = await tempCore();
    cores.push(t);
    let clock = new Date('2026-12-05T01:00:00Z').getTime();
    t.ctx.now = () => new Date(clock);
    await must(t.dispatch('system.setup', { estateName: '测试花园', demo: true, houses: 20 }) as never);
    const folder = join(t.dir, '备份');
    await must(t.dispatch('backup.settings.update', { folder }) as never);

    const lines: string[] = [];
    const auto = startAutoBackups(t, (m) => lines.push(m));
    await expect.poll(async () => (await readBackupHistory(t.ctx)).map((r) => r.reason), { timeout: 20_000 }).toEqual(['start']);
    clock += 3600_000;
    await auto.quit(60_000);
    expect((await readBackupHistory(t.ctx)).map((r) => [r.reason, r.ok])).toEqual([
      ['quit', true],
      ['start', true],
    ]);
    expect(readdirSync(folder).sort()).toEqual(['frontdesk-20261205-090000.tar', 'frontdesk-20261205-100000.tar']);
    expect(lines).toEqual([]);

    // a bound shorter than any backup: quit returns without waiting for it (the backup goes on)
    clock += 3600_000;
    const again = startAutoBackups(t, (m) => lines.push(m));
    await again.quit(0);
    // quit came back while its backup was still being written: no second quit result yet
    expect((await readBackupHistory(t.ctx)).filter((r) => r.reason === 'quit')).toHaveLength(1);
    // and that backup finishes on its own
    await expect.poll(async () => (await readBackupHistory(t.ctx)).map((r) => r.reason), { timeout: 30_000 }).toEqual(['quit', 'start', 'quit', 'start']);
  });
});
