import type { Page } from '@playwright/test';
import { test, expect } from '../support/harness';

// Two estates in one database. 翠湖花园 (set up first) has 1栋 and 2栋 with a 住宅 1-1-101;
// 锦绣商城 has A座 and its own 1栋 with a 商铺 1-1-101. The current estate decides the building
// list and which 1-1-101 the lookup puts first. Screenshots for review: FD_SHOTS=<folder>.
const shots = process.env.FD_SHOTS;

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
      const { estateId: home } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const h1 = await call('archives.buildings.create', { estateId: home, name: '1', floors: 18 });
      await call('archives.buildings.create', { estateId: home, name: '2', floors: 18 });
      const flat = await call('archives.houses.create', { buildingId: h1.id, unitName: '1', roomNo: '101', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: flat.id, role: 'owner', person: { name: '王芳', phone: '13800001111' } });

      const other = await call('archives.estates.create', { name: '锦绣商城', phone: '0755-2222 3333' });
      await call('archives.buildings.create', { estateId: other.id, name: 'A' });
      const o1 = await call('archives.buildings.create', { estateId: other.id, name: '1' });
      const shop = await call('archives.houses.create', { buildingId: o1.id, unitName: '1', roomNo: '101', type: '商铺', status: '出租' });
      await call('archives.people.attach', { houseId: shop.id, role: 'tenant', person: { name: '陈记茶餐厅', phone: '13900002222' } });
    },
  },
});

async function lookupFirst(page: Page, query: string) {
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill(query);
  await expect(page.getByTestId('search-result')).toHaveCount(2, { timeout: 20_000 });
  return page.getByTestId('search-result').first();
}

async function buildingNames(page: Page) {
  await expect(page.getByTestId('building-item').first()).toBeVisible({ timeout: 20_000 });
  return page.getByTestId('building-item').allInnerTexts();
}

test('switching the current estate changes the building list and which 1-1-101 Enter opens; the choice is remembered', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('estate-name')).toHaveText('翠湖花园');

  // 房屋档案 lists every estate, and the current one's buildings
  await page.getByTestId('nav-buildings').click();
  await expect(page.getByTestId('buildings-estate')).toHaveText([/翠湖花园/, /锦绣商城/], { timeout: 20_000 });
  await expect.poll(() => buildingNames(page)).toEqual([expect.stringMatching(/^1栋/), expect.stringMatching(/^2栋/)]);
  if (shots) await page.screenshot({ path: `${shots}/buildings-two-estates.png` });

  // every hit names its estate; this estate's 1-1-101 first, and Enter opens it
  let first = await lookupFirst(page, '1-1-101');
  await expect(first).toContainText('1栋1单元101');
  await expect(first.getByTestId('search-result-estate')).toHaveText('翠湖花园');
  await expect(page.getByTestId('search-result').nth(1).getByTestId('search-result-estate')).toHaveText('锦绣商城');
  if (shots) await page.screenshot({ path: `${shots}/lookup-two-estates.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText('1栋1单元101', { timeout: 20_000 });
  await expect(page.getByTestId('house-type-badge')).toHaveText('住宅');
  await expect(page.getByTestId('house-estate')).toHaveText('翠湖花园');

  // switch in the header
  await page.getByTestId('estate-switcher').click();
  if (shots) await page.screenshot({ path: `${shots}/header-estate-switcher.png` });
  await page.getByTestId('estate-option').filter({ hasText: '锦绣商城' }).click();
  await expect(page.getByTestId('estate-name')).toHaveText('锦绣商城');
  // a house of the estate just left gives way to the new estate's buildings
  await expect.poll(() => buildingNames(page)).toEqual([expect.stringMatching(/^1栋/), expect.stringMatching(/^A座/)]);

  first = await lookupFirst(page, '1-1-101');
  await expect(first.getByTestId('search-result-estate')).toHaveText('锦绣商城');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('house-type-badge')).toHaveText('商铺', { timeout: 20_000 });
  await expect(page.getByTestId('house-estate')).toHaveText('锦绣商城');

  // remembered after a reload (an app restart reads the same storage)
  await page.reload();
  await expect(page.getByTestId('estate-name')).toHaveText('锦绣商城', { timeout: 20_000 });
  first = await lookupFirst(page, '1-1-101');
  await expect(first.getByTestId('search-result-estate')).toHaveText('锦绣商城');
  await page.keyboard.press('Escape');

  // and switching back from 房屋档案's own estate list
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('buildings-estate').filter({ hasText: '翠湖花园' }).click();
  await expect(page.getByTestId('estate-name')).toHaveText('翠湖花园');
  await expect.poll(() => buildingNames(page)).toEqual([expect.stringMatching(/^1栋/), expect.stringMatching(/^2栋/)]);
});

test('the estate name, service phone and address are edited in 设置; the header follows', async ({ page, harness }) => {
  await openApp(page);
  await page.getByTestId('nav-settings').click();
  const rows = page.getByTestId('settings-estate-row');
  await expect(rows).toHaveCount(2, { timeout: 20_000 });
  await rows.filter({ hasText: '翠湖花园' }).getByTestId('settings-estate-edit').click();

  const name = page.getByTestId('estate-name-input');
  await name.fill('');
  await page.getByTestId('estate-phone-input').fill('0755-6666 7777');
  await page.getByTestId('estate-address-input').fill('深圳市南山区翠湖路 1 号');
  await page.getByTestId('estate-save').click();
  await expect(page.getByText('请填写项目名称', { exact: true })).toBeVisible();
  // a name another estate has is refused next to the field
  await name.fill('锦绣商城');
  await page.getByTestId('estate-save').click();
  await expect(page.getByText('项目「锦绣商城」已存在，请换一个名称')).toBeVisible({ timeout: 20_000 });
  await name.fill('翠湖花园二期');
  if (shots) await page.screenshot({ path: `${shots}/settings-estate-form.png` });
  await page.getByTestId('estate-save').click();

  await expect(rows.filter({ hasText: '翠湖花园二期' })).toContainText('0755-6666 7777', { timeout: 20_000 });
  await expect(page.getByTestId('estate-name')).toHaveText('翠湖花园二期');
  if (shots) await page.screenshot({ path: `${shots}/settings-estates.png` });
  const stored = (await harness.call('archives.estates.list', {})).find((e) => e.name === '翠湖花园二期');
  expect(stored).toMatchObject({ phone: '0755-6666 7777', address: '深圳市南山区翠湖路 1 号' });
});
