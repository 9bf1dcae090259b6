import type { Page } from '@playwright/test';
import { test, expect } from '../support/harness';

// One person, two houses: 王芳 owns 1栋1单元101 and rents 1栋2单元202. Adding her to the second
// house must pick her record, not create a second one (a duplicate once made a household show
// another house's tickets). Screenshots for review: FD_SHOTS=<folder>.
const shots = process.env.FD_SHOTS;

// sized for a loaded 2-core machine: every wait below is on a real condition, this is only the ceiling
test.describe.configure({ timeout: 120_000 });

/** Opens the app and waits for the frame (its Ctrl+K handler), with room for a loaded machine. */
async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('search-open')).toBeVisible({ timeout: 30_000 });
}

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '1', floors: 18 });
      const a = await call('archives.houses.create', { buildingId: b.id, unitName: '1', roomNo: '101', type: '住宅', status: '已入住' });
      await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '202', type: '住宅', status: '出租' });
      await call('archives.people.attach', { houseId: a.id, role: 'owner', person: { name: '王芳', phone: '13800001111', idNumber: '11010519491231002X' } });
      await call('archives.people.attach', {
        houseId: a.id,
        role: 'family',
        person: {
          name: '李建国',
          phone: '13912345678',
          idType: '护照',
          idNumber: 'E12345678',
          emergencyContact: '李小红',
          emergencyPhone: '13700001234',
          workUnit: '深圳市某某科技有限公司',
        },
      });
    },
  },
});

async function openHouse(page: Page, room: string, title: string) {
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill(room);
  await expect(page.getByTestId('search-result').first()).toContainText(title, { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText(title, { timeout: 20_000 });
}

test('adding a resident picks a person already on file (by phone tail) and attaches them to a second house', async ({ page, harness }) => {
  await openApp(page);
  await openHouse(page, '1-2-202', '1栋2单元202');

  await page.getByTestId('occupant-add').click();
  await page.getByTestId('attach-mode').getByText('选择已有人员').click();
  await page.getByTestId('attach-find').fill('1111');
  const match = page.getByTestId('attach-match').filter({ hasText: '王芳' });
  await expect(match).toBeVisible({ timeout: 20_000 });
  await expect(match).toContainText('翠湖花园 1栋1单元101 业主');
  if (shots) await page.screenshot({ path: `${shots}/attach-find-existing.png` });
  await match.click();
  await expect(page.getByTestId('attach-picked')).toContainText('王芳');
  await page.getByTestId('attach-role').getByText('租户', { exact: true }).click();
  if (shots) await page.screenshot({ path: `${shots}/attach-picked.png` });
  await page.getByTestId('person-save').click();

  const row = page.getByTestId('occupant-row').filter({ hasText: '王芳' });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('租户');

  // one record, registered in both houses
  const found = await harness.call('archives.people.find', { query: '王芳' });
  expect(found).toHaveLength(1);
  expect(found[0].places.map((p) => [p.label, p.role, p.active])).toEqual([
    ['1栋1单元101', 'owner', true],
    ['1栋2单元202', 'tenant', true],
  ]);
});

test('typing a new person whose phone is on file offers the existing person instead', async ({ page, harness }) => {
  await openApp(page);
  await openHouse(page, '1-2-202', '1栋2单元202');

  await page.getByTestId('occupant-add').click();
  await page.getByTestId('person-name').fill('王芳');
  await page.getByTestId('person-phone').fill('138 0000 1111');
  const warning = page.getByTestId('attach-duplicate');
  await expect(warning).toContainText('王芳', { timeout: 20_000 });
  await expect(warning).toContainText('1栋1单元101');
  if (shots) await page.screenshot({ path: `${shots}/attach-duplicate-warning.png` });

  // saving anyway is refused next to the phone, naming who has it
  await page.getByTestId('person-save').click();
  await expect(page.getByText('此电话已登记给 王芳（翠湖花园 1栋1单元101业主）')).toBeVisible({ timeout: 20_000 });

  await warning.getByTestId('attach-use-existing').click();
  await expect(page.getByTestId('attach-picked')).toContainText('王芳');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('occupant-row').filter({ hasText: '王芳' })).toBeVisible({ timeout: 20_000 });
  expect(await harness.call('archives.people.find', { query: '王芳' })).toHaveLength(1);
});

test('the residents table at 1366 px shows roles and 编辑/迁出 on every row', async ({ page }) => {
  await openApp(page);
  await openHouse(page, '1-1-101', '1栋1单元101');
  const rows = page.getByTestId('occupant-row');
  await expect(rows).toHaveCount(2, { timeout: 20_000 });
  for (const [i, role] of [
    [0, '业主'],
    [1, '家庭成员'],
  ] as const) {
    const row = rows.nth(i);
    await expect(row.getByText(role, { exact: true })).toBeInViewport();
    await expect(row.getByTestId('person-edit')).toBeInViewport();
    await expect(row.getByTestId('person-moveout')).toBeInViewport();
  }
  // nothing of the table is cut off to the right of its card
  const table = page.getByTestId('occupants').locator('table').first();
  const overflow = await table.evaluate((t) => {
    const box = t.getBoundingClientRect();
    const card = t.closest('[data-testid="occupants"]')?.getBoundingClientRect();
    return card ? box.right - card.right : 0;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  if (shots) await page.screenshot({ path: `${shots}/household-residents-1366.png` });
});
