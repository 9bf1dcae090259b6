// Launches the built desktop app and checks the security shape of its one window.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot, electronBinary, electronUnavailableReason } from './electron-env';

/** The test's own data folder; ELECTRON_RUN_AS_NODE (set by some tool chains) would start plain Node instead. */
function launchEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  return { ...env, FRONTDESK_USER_DATA: userData };
}

const skipReason = electronUnavailableReason();
if (skipReason) console.log(`[electron smoke] 跳过 / skipped: ${skipReason}`);

test.describe('desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens one hardened window with the contract API', async ({}, testInfo) => {
    expect(existsSync(join(appRoot, 'out', 'main', 'index.js')), '请先运行 npm run build / run npm run build first').toBe(true);
    const userData = mkdtempSync(join(tmpdir(), 'frontdesk-electron-'));
    const app = await electron.launch({
      executablePath: electronBinary() ?? undefined,
      args: [appRoot],
      cwd: appRoot,
      env: launchEnv(userData),
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await expect(page).toHaveTitle('FrontDesk 物业服务中心前台');
      expect(page.url()).toMatch(/^app:\/\/frontdesk\//);

      const shape = await page.evaluate(() => ({
        api: typeof window.frontdesk,
        status: typeof window.frontdesk?.['system.status'],
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(shape).toEqual({ api: 'object', status: 'function', require: 'undefined', process: 'undefined' });

      // the preload's API answers through IPC and the core
      const status = await page.evaluate(() => window.frontdesk!['system.status']({}));
      expect(status).toMatchObject({ ok: true, value: { shell: 'electron' } });

      await page.screenshot({ path: testInfo.outputPath('electron-window.png') });
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
