// A screen that throws while drawing: the window shows 界面出错了 with 重新加载 and 查看日志 instead of
// going blank, the error reaches the log file in the data folder, and 重新加载 brings the desk back.
import { readFileSync } from 'node:fs';
import { test, expect } from '../support/harness';

test.use({
  seed: {
    run: async (call) => {
      await call('system.setup', { estateName: '阳光花园', demo: false });
    },
  },
});

const logText = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

test('a render error shows the error screen, is logged, and 重新加载 recovers', async ({ page, harness }, testInfo) => {
  // main answers something the window does not expect (no settings): the frame throws while drawing
  await page.route('**/api/system.status', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    await route.fulfill({ response, json: { ...body, value: { ...body.value, settings: null } } });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '界面出错了' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toContainText('已保存的数据不受影响');

  // the boundary reported it to <data-dir>/logs/frontdesk.log, with the component stack
  await expect.poll(() => logText(harness.logFile), { timeout: 20_000 }).toContain('ERROR [renderer] 界面出错：');
  expect(logText(harness.logFile)).toContain('组件：');

  // 查看日志 shows the file's path and its end (the harness has no desktop to open it with)
  await page.getByRole('button', { name: '查看日志' }).click();
  const panel = page.getByTestId('log-panel');
  await expect(panel).toContainText(harness.logFile, { timeout: 20_000 });
  await expect(panel).toContainText('界面出错：');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('error-boundary-1366.png') });

  // the cause goes away (main answers properly again): 重新加载 brings the desk back
  await page.unroute('**/api/system.status');
  await page.getByRole('button', { name: '重新加载' }).click();
  await expect(page.getByTestId('search-open')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: '界面出错了' })).toHaveCount(0);
});

test('an error no screen caught still reaches the log', async ({ page, harness }) => {
  await page.goto('/');
  await expect(page.getByTestId('search-open')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => {
    void Promise.reject(new Error('测试：没人处理的失败'));
  });
  await expect.poll(() => logText(harness.logFile), { timeout: 20_000 }).toContain('未处理的异步错误：测试：没人处理的失败');
  // the desk itself keeps working
  await expect(page.getByTestId('search-open')).toBeVisible();
});

test('设置 → 查看日志 shows the log file even when nothing went wrong', async ({ page, harness }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('view-log').click();
  const dialog = page.getByRole('dialog', { name: '日志' });
  await expect(dialog).toContainText(harness.logFile, { timeout: 20_000 });
  await expect(dialog).toContainText('日志文件已创建');
  expect(logText(harness.logFile)).toContain('日志文件已创建');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('settings-log-1366.png') });
});
