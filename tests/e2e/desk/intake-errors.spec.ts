import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { cstParts, fromCst } from '../../../shared/domain/time';
import { test, expect, openApp } from '../support/harness';

// Intake errors sit next to their field, never in a toast (issue 7, item 6); the visit time is
// picked in Chinese, read as China time, and refused when past or more than 90 days ahead.

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

const toasts = (page: Page) => page.locator('.mantine-Notification-root');

async function repairForHouse(page: Page) {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('intake-house-input')).toBeFocused(T);
  await page.getByTestId('intake-type-报修').click();
  await page.getByTestId('intake-house-input').fill('3-2-1502');
  await expect(page.getByTestId('intake-house-option').first()).toContainText('3栋2单元1502', T);
  await page.getByTestId('intake-house-input').press('Enter');
  await expect(page.getByTestId('intake-category')).toBeFocused(T);
  await page.keyboard.type('工程维修');
  await expect(page.getByRole('option', { name: '工程维修' })).toBeVisible(T);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake-description')).toBeFocused(T);
  await page.keyboard.type('卫生间天花板漏水');
}

test('Ctrl+Enter on an empty form: each message next to its field, no toast, the cursor on the first', async ({ page, harness }) => {
  await openApp(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('intake-house-input')).toBeFocused(T);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('请选择房屋，或切换到「公共区域」')).toBeVisible(T);
  await expect(page.getByText('请填写类别')).toBeVisible();
  await expect(page.getByText('请填写内容')).toBeVisible();
  await expect(page.getByTestId('intake-house-input')).toBeFocused();
  await expect(toasts(page)).toHaveCount(0);
  // typing in a field takes its message away
  await page.getByTestId('intake-description').fill('水管漏水');
  await expect(page.getByText('请填写内容')).toHaveCount(0, T);
  expect((await harness.call('desk.tickets.list', {})).total).toBe(0);
});

test('a refusal from main (category removed meanwhile) shows next to 类别, not as a toast, and keeps the form', async ({ page, harness }) => {
  await openApp(page);
  await repairForHouse(page);
  const config = await harness.call('desk.config.get', {});
  await harness.call('desk.config.update', { categories: config.categories.filter((c) => c.name !== '工程维修') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('请选择类别')).toBeVisible(T);
  await expect(page.getByTestId('intake-category')).toBeFocused(T);
  await expect(toasts(page)).toHaveCount(0);
  await expect(page.getByTestId('intake-description')).toHaveValue('卫生间天花板漏水');
  expect((await harness.call('desk.tickets.list', {})).total).toBe(0);
});

test('visit time: picked in a Chinese calendar as China time and saved; a kept 2099 or a past time is refused next to the field', async ({ page, harness }) => {
  await openApp(page);
  await repairForHouse(page);

  // tomorrow in China, whatever the browser's zone (Los Angeles here)
  const tomorrow = cstParts(Date.now() + 86_400_000);
  await page.getByTestId('intake-visit-at').click();
  const picker = page.locator('[data-dates-dropdown="true"]');
  await expect(picker).toBeVisible(T);
  const label = dayjs(fromCst(tomorrow.year, tomorrow.month, tomorrow.day, 12))
    .locale('zh-cn')
    .format('D MMMM YYYY');
  const day = picker.locator(`button[aria-label="${label}"]:not([data-outside])`);
  if (!(await day.isVisible())) await picker.locator('button[data-direction="next"]').click();
  await day.click();
  await picker.getByRole('spinbutton').nth(0).fill('14');
  await picker.getByRole('spinbutton').nth(1).fill('30');
  await picker.getByRole('spinbutton').nth(1).press('Enter');
  await expect(picker).toBeHidden(T);
  const pad = (n: number) => String(n).padStart(2, '0');
  await expect(page.getByTestId('intake-visit-at')).toHaveText(`${tomorrow.year}-${pad(tomorrow.month)}-${pad(tomorrow.day)} 14:30`, T);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('intake-ticket-no')).toBeVisible(T);
  const [row] = (await harness.call('desk.tickets.list', {})).rows;
  const saved = await harness.call('desk.tickets.get', { id: row.id });
  expect(saved.ticket.expectedVisitAt).toBe(fromCst(tomorrow.year, tomorrow.month, tomorrow.day, 14, 30).toISOString());

  // a draft kept from another day can hold a time the calendar would not offer: named, not sent
  let total = 1;
  for (const [visit, message] of [
    ['2099-01-01 09:00:00', '预约上门时间不能超过90天后'],
    ['2020-01-01 09:00:00', '预约上门时间应晚于现在'],
  ]) {
    await page.getByTestId('intake-new').click();
    await repairForHouse(page);
    await page.evaluate((at) => {
      const key = 'frontdesk.draft.intake';
      const kept = JSON.parse(localStorage.getItem(key) ?? '{}') as { values: Record<string, unknown> };
      kept.values.expectedVisitAt = at;
      localStorage.setItem(key, JSON.stringify(kept));
    }, visit);
    await page.reload();
    await expect(page.getByTestId('search-open')).toBeVisible(T);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('intake-restored')).toBeVisible(T);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(message)).toBeVisible(T);
    await expect(page.getByTestId('intake-visit-at')).toBeFocused();
    await expect(toasts(page)).toHaveCount(0);
    expect((await harness.call('desk.tickets.list', {})).total).toBe(total);
    // clearing the time takes the message away and lets the repair through
    await page.getByRole('button', { name: '清除预约时间' }).click();
    await expect(page.getByText(message)).toHaveCount(0, T);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('intake-ticket-no')).toBeVisible(T);
    total += 1;
  }
  expect((await harness.call('desk.tickets.list', {})).total).toBe(3);
});
