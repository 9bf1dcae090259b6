import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp } from '../support/harness';

// 设置 → 数据备份: a folder, 立即备份, the result in the list, then a record changed and the backup
// restored from the window: the record is as it was and the app has reloaded. Screenshots for
// review: FD_SHOTS=<folder>.
const shots = process.env.FD_SHOTS;

test.describe.configure({ timeout: 150_000 });

test.use({
  viewport: { width: 1366, height: 900 },
  seed: {
    run: async (call) => {
      await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
    },
  },
});

test('a backup into a chosen folder, listed as 成功; a change undone by restoring it', async ({ page, harness }) => {
  const folder = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-backups-'));
  try {
    await openApp(page);
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('backup-history').or(page.getByText('还没有备份记录。'));
    await expect(section).toBeVisible({ timeout: 20_000 });

    // a relative path is refused next to the field
    await page.getByTestId('backup-folder').fill('备份');
    await page.getByTestId('backup-folder-save').click();
    await expect(page.getByText('请填写完整的文件夹路径', { exact: true })).toBeVisible();

    await page.getByTestId('backup-folder').fill(join(folder, 'FrontDesk备份'));
    await page.getByTestId('backup-folder-save').click();
    await expect(page.getByText('备份文件夹已保存')).toBeVisible();
    await page.getByTestId('backup-run').click();
    const rows = page.getByTestId('backup-history-row');
    await expect(rows).toHaveCount(1, { timeout: 30_000 });
    await expect(rows.first()).toHaveAttribute('data-ok', 'yes');
    await expect(rows.first()).toContainText('手动');
    await expect(rows.first()).toContainText('成功');
    const files = readdirSync(join(folder, 'FrontDesk备份'));
    expect(files).toEqual([expect.stringMatching(/^frontdesk-\d{8}-\d{6}\.tar$/)]);
    if (shots)
      await page
        .getByTestId('backup-history')
        .locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")]')
        .screenshot({ path: join(shots, 'backup-section.png') });

    // a record changed after the backup
    await page.getByTestId('settings-estate-row').filter({ hasText: '翠湖花园' }).getByTestId('settings-estate-edit').click();
    await page.getByTestId('estate-name-input').fill('改过的名字');
    await page.getByTestId('estate-save').click();
    await expect(page.getByTestId('settings-estate-row').filter({ hasText: '改过的名字' })).toBeVisible({ timeout: 20_000 });

    // restore: the browser uploads the file; the confirmation says what happens
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('backup-restore').click();
    await (await chooser).setFiles(join(folder, 'FrontDesk备份', files[0]));
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await expect(dialog).toContainText('安全副本');
    await expect(dialog).toContainText('重新载入');
    if (shots) await dialog.screenshot({ path: join(shots, 'backup-restore-confirm.png') });
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await dialog.getByTestId('backup-restore-go').click();
    await expect(page.getByText('已从备份恢复，程序正在重新载入')).toBeVisible({ timeout: 30_000 });
    await reloaded;

    // the app reloads on the restored data; the database was reopened, so whoever was signed in signs in again
    const signIn = page.getByTestId('signin-username');
    await expect(page.getByTestId('search-open').or(signIn)).toBeVisible({ timeout: 30_000 });
    if (await signIn.isVisible()) {
      await signIn.fill('admin');
      await page.getByTestId('signin-password').fill('admin-pass');
      await page.getByTestId('signin-submit').click();
    }
    await expect(page.getByTestId('search-open')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-estate-row').filter({ hasText: '翠湖花园' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('settings-estate-row').filter({ hasText: '改过的名字' })).toHaveCount(0);
    await expect(rows.first()).toContainText('从备份恢复');
    await expect(rows.first()).toHaveAttribute('data-ok', 'yes');
    expect((await harness.call('system.status', {})).estates.map((e) => e.name)).toEqual(['翠湖花园']);
    if (shots) await page.getByTestId('backup-history').screenshot({ path: join(shots, 'backup-history-after-restore.png') });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
