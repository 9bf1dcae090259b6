import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backups } from '../../../electron/core/backup/schedule';
import { buildApi, type FrontDeskApi } from '../../../shared/contract';
import { must, TEST_ADMIN, tempCore } from '../helpers/temp-core';

type T = Awaited<ReturnType<typeof tempCore>>;
/** the channels, typed as the window sees them */
const api = (t: T): FrontDeskApi => buildApi((c, i) => t.dispatch(c, i));
const cores: T[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
});

async function desk() {
  const t = await tempCore();
  cores.push(t);
  await must(api(t)['system.setup']({ estateName: '测试花园', demo: true, houses: 20 }));
  const folder = join(t.dir, '备份');
  await must(api(t)['backup.settings.update']({ folder }));
  return { t, folder };
}
/** after a restore the reopened core has nobody signed in (docs/BACKUP.md): the test's administrator signs in again */
const signInAgain = (t: T) => must(api(t)['auth.login']({ username: TEST_ADMIN.username, password: TEST_ADMIN.password }));
/** the estate's name, read through the channels (the core behind dispatch changes on a restore) */
const estateName = async (t: T) => (await must(api(t)['system.status']({}))).estates[0].name;

describe('backup.restore in the running app', () => {
  it('puts the backup back, keeps the data it replaces aside, reopens the database behind the same dispatch', async () => {
    const { t, folder } = await desk();
    const estateId = (await must(api(t)['system.status']({}))).estates[0].id;
    const backup = await must(api(t)['backup.run']({}));
    await must(api(t)['archives.estates.update']({ id: estateId, name: '改过的名字', phone: null, address: null }));
    expect(await estateName(t)).toBe('改过的名字');
    const oldCtx = t.ctx;

    const r = await must(api(t)['backup.restore']({ path: backup.file ?? '' }));
    await signInAgain(t);
    expect(r.safetyCopy).toMatch(/frontdesk\.sqlite\.before-restore-\d{8}-\d{6}\.sqlite$/);
    expect(existsSync(r.safetyCopy ?? '')).toBe(true);
    expect(await estateName(t)).toBe('测试花园');
    // the old connection is closed: a new one answers
    expect(oldCtx.sqlite.open).toBe(false);

    // this PC's backup settings and history carry over; the restore is in both the history and the audit log
    const h = await must(api(t)['backup.history']({}));
    expect(h.settings.folder).toBe(folder);
    expect(h.records.map((x) => [x.reason, x.ok])).toEqual([
      ['restore', true],
      ['manual', true],
    ]);
    expect(h.records[0].message).toContain('恢复前的数据已另存为');
    // and the desk keeps working: a new backup of the restored data
    expect((await must(api(t)['backup.run']({}))).ok).toBe(true);
  });

  it('from an uploaded file (the harness), the same', async () => {
    const { t } = await desk();
    const estateId = (await must(api(t)['system.status']({}))).estates[0].id;
    const backup = await must(api(t)['backup.run']({}));
    await must(api(t)['archives.estates.update']({ id: estateId, name: '改过的名字', phone: null, address: null }));
    const dataBase64 = readFileSync(backup.file ?? '').toString('base64');
    await must(api(t)['backup.restore']({ upload: { fileName: 'frontdesk-备份.tar', dataBase64 } }));
    await signInAgain(t);
    expect(await estateName(t)).toBe('测试花园');
    expect((await must(api(t)['backup.history']({}))).records[0]).toMatchObject({ reason: 'restore', ok: true, file: 'frontdesk-备份.tar' });
  });

  it('refuses a junk file in Chinese, changes nothing, and the desk works on', async () => {
    const { t } = await desk();
    const estateId = (await must(api(t)['system.status']({}))).estates[0].id;
    await must(api(t)['archives.estates.update']({ id: estateId, name: '恢复前', phone: null, address: null }));
    const junk = join(t.dir, 'junk.tar');
    writeFileSync(junk, 'not a backup at all');
    const r = await api(t)['backup.restore']({ path: junk });
    // refused: the data is as it was, and whoever asked is still signed in
    expect((await must(api(t)['auth.status']({}))).user?.username).toBe(TEST_ADMIN.username);
    expect(r.ok || r.error.message).toMatch(/不是本程序的备份.*当前数据库未做任何改动/);
    expect(await estateName(t)).toBe('恢复前');
    const h = await must(api(t)['backup.history']({}));
    expect(h.records[0]).toMatchObject({ reason: 'restore', ok: false });
    const none = await api(t)['backup.restore']({});
    expect(none.ok || none.error.message).toMatch(/请选择一个备份文件/);
  });

  it('waits for a backup being written before it closes the database', async () => {
    const { t } = await desk();
    const first = await must(api(t)['backup.run']({}));
    const running = backups(t.ctx).run('manual');
    const r = await must(api(t)['backup.restore']({ path: first.file ?? '' }));
    await signInAgain(t);
    expect((await running).ok).toBe(true);
    expect(r.schemaVersion).toBeGreaterThan(10);
  });
});
