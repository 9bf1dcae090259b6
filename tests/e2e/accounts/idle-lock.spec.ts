import type { Page } from '@playwright/test';
import { test, expect, openApp } from '../support/harness';

// The window's own idle lock (docs/ACCOUNTS.md "Sessions"; renderer/src/screens/accounts/useIdleLock.ts):
// after idleMinutes without mouse or keys the lock screen covers the desk; activity before that keeps
// it open; the password unlocks onto the same screen with what was typed. Playwright's clock moves the
// page's time, so nothing waits real minutes. Main keeps its own real-time clock, which every call
// resets: the steps below call it far more often than once a minute.

test.use({
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '王芳', phone: '13800001111' } });
    },
  },
});

// a loaded 2-core machine: opening the page alone has taken 15 s
test.describe.configure({ timeout: 180_000 });
const T = { timeout: 20_000 };
const DESCRIPTION = '电梯按钮失灵，三号电梯停在十二楼';
/** less than the one-minute limit by a margin for the real seconds a loaded machine spends between steps */
const UNDER_LIMIT_MS = 40_000;

/**
 * A call from the page after the idle timer has run: its answer arrives after any auth.lock the timer
 * sent before it, so the lock requests counted by then are all there were. It also resets main's clock.
 */
async function roundTrip(page: Page): Promise<void> {
  const ok = await page.evaluate(async () => {
    const r = await fetch('/api/auth.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return ((await r.json()) as { ok: boolean }).ok;
  });
  expect(ok).toBe(true);
}

test('idle past the limit locks the window; activity before it does not; the password unlocks onto the same screen', async ({ page, harness }) => {
  const locks: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/auth.lock')) locks.push(r.url());
  });
  // fake timers from the first script on; time still runs on its own until fastForward jumps it
  await page.clock.install();
  await openApp(page);

  // the shortest limit, through 设置 → 账号管理
  await page.getByTestId('nav-settings').click();
  const minutes = page.getByTestId('accounts-idle-minutes');
  await expect(minutes).toBeVisible(T);
  await minutes.fill('1');
  await minutes.press('Enter');
  await expect(page.getByText('自动锁定时间已保存')).toBeVisible(T);
  await expect(page.getByTestId('header-user')).toHaveAttribute('title', /无操作 1 分钟后自动锁定/, T);
  expect(await harness.call('auth.status', {})).toMatchObject({ idleMinutes: 1, locked: false });

  // half an intake, not saved: the screen the lock must leave as it is
  await page.getByTestId('nav-intake').click();
  await expect(page.getByTestId('intake-save')).toBeVisible(T);
  await page.getByTestId('intake-house-input').fill('3-2-1502');
  await expect(page.getByTestId('intake-house-option').first()).toContainText('3栋2单元1502', T);
  await page.getByTestId('intake-house-input').press('Enter');
  await expect(page.getByTestId('intake-house-picked')).toBeVisible(T);
  await page.getByTestId('intake-description').fill(DESCRIPTION);

  // 40 s idle, a mouse move, 40 s idle again: 80 s in all, never 60 s without activity
  await page.clock.fastForward(UNDER_LIMIT_MS);
  await roundTrip(page);
  await expect(page.getByTestId('lock-screen')).toBeHidden();
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  await page.clock.fastForward(UNDER_LIMIT_MS);
  await roundTrip(page);
  expect(locks).toEqual([]);
  await expect(page.getByTestId('lock-screen')).toBeHidden();
  expect(await harness.call('auth.status', {})).toMatchObject({ locked: false });

  // past the minute without mouse or keys: the lock screen, and main is locked too
  await page.clock.fastForward(61_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible(T);
  await expect(page.getByTestId('lock-screen')).toContainText('李静');
  expect(locks.length).toBeGreaterThan(0);
  expect(await harness.call('auth.status', {})).toMatchObject({ locked: true });
  await page.screenshot({ path: test.info().outputPath('idle-locked.png') });

  // a wrong password is refused; the right one opens the same intake, typed text and all, not a restored draft
  await page.getByTestId('lock-password').fill('wrong-pass');
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('lock-screen')).toContainText('密码不正确', T);
  await page.getByTestId('lock-password').fill('admin-pass');
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('lock-screen')).toBeHidden(T);
  await expect(page.getByTestId('intake-description')).toHaveValue(DESCRIPTION);
  await expect(page.getByTestId('intake-house-picked')).toContainText('3栋2单元1502');
  await expect(page.getByTestId('intake-restored')).toHaveCount(0);
  expect(await harness.call('auth.status', {})).toMatchObject({ locked: false });
  await page.screenshot({ path: test.info().outputPath('idle-unlocked.png') });
});
