import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The system Chromium (Debian package), not a Playwright-downloaded browser: this machine and CI
// reach only the npm and Debian registries.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  throw new Error(
    `未找到 Chromium 浏览器：${chromiumPath}\n` +
      '请安装：apt-get install chromium fonts-noto-cjk（或用环境变量 CHROMIUM_PATH 指定浏览器路径）。\n' +
      `Chromium not found at ${chromiumPath}. Install it with: apt-get install chromium fonts-noto-cjk ` +
      '(or point CHROMIUM_PATH at a Chromium executable).',
  );
}

export default defineConfig({
  // two cores on the build machines: more workers only slow everything down
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // no retries: a flaky test is a bug to fix, not to hide
  retries: 0,
  // sized for a loaded 2-core machine (CI shares its cores): a wait gives up only when the thing is
  // really not coming; timings belong to `npm run bench`, never to a test
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    locale: 'zh-CN',
    // not Shanghai on purpose: the app must show China time whatever zone the machine is in
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
      timeout: 120_000,
    },
  ],
});
