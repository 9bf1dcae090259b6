import type { Locator } from '@playwright/test';
import { test, expect, openApp } from '../support/harness';

// Arrange a small estate through the real core: one house with a known owner, phone and plate.
test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住', buildingArea: 98.6 });
      await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1501', type: '住宅', status: '空置' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '曾丽华', phone: '13912345678', idNumber: '11010519491231002X' } });
      await call('archives.vehicles.add', { houseId: h.id, plate: '粤B12345', color: '白' });
    },
  },
});

test('Ctrl+K finds a house as staff type it, Enter opens the household', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('翠湖花园').first()).toBeVisible();
  for (const query of ['3-2-1502', '3栋2单元1502', 'zlh', '5678', 'B123']) {
    await page.keyboard.press('Control+K');
    const input = page.getByTestId('search-input');
    await expect(input).toBeFocused();
    await input.fill(query);
    await expect(page.getByTestId('search-result').first()).toContainText(/3栋2单元1502|曾丽华|粤B12345/);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill('3-2-1502');
  await expect(page.getByTestId('search-result').first()).toContainText('3栋2单元1502');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502');
  const owner = page.getByTestId('occupant-row').first();
  await expect(owner).toContainText('曾丽华');
  // ID numbers and phones are masked for every role (docs/PRIVACY.md)
  await expect(owner).toContainText('110***********002X');
  await expect(owner).not.toContainText('11010519491231002X');
  await expect(owner).toContainText('139****5678');
  await expect(page.getByText('粤B12345')).toBeVisible();
});

/** the message under one input: Mantine links it to the input through aria-describedby */
async function errorOf(input: Locator): Promise<string> {
  const id = (await input.getAttribute('aria-describedby'))?.split(' ').find((x) => x.endsWith('-error'));
  if (!id) return '';
  return (await input.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

test('editing a person shows inline Chinese errors by each field, drops each once fixed, and saves a date picked in zh-CN', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill('曾丽华');
  await expect(page.getByTestId('search-result').first()).toContainText('曾丽华', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });

  await page.getByTestId('occupant-row').first().getByTestId('person-edit').click();
  const name = page.getByTestId('person-name');
  const phone = page.getByTestId('person-phone');
  const idNumber = page.getByTestId('person-idNumber');
  await name.fill('');
  await phone.fill('电话号码abc');
  await idNumber.fill('12345');
  await page.getByTestId('person-save').click();
  // inline, under the inputs, and nowhere else: no notification, no general refusal
  await expect.poll(() => errorOf(name), { timeout: 20_000 }).toBe('请填写姓名');
  expect(await errorOf(phone)).toBe('联系电话只能包含数字、空格、短横线');
  expect(await errorOf(idNumber)).toBe('身份证号应为18位（最后一位可为X），旧证为15位数字');
  await expect(name).toBeFocused();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await expect(page.getByTestId('form-error')).toHaveCount(0);
  if (process.env.FORMS_SHOTS_DIR) await page.screenshot({ path: `${process.env.FORMS_SHOTS_DIR}/person-edit-errors.png` });

  // nothing was written
  const houseId = (await harness.call('search.lookup', { query: '3-2-1502' }))[0].houseId;
  let hh = await harness.call('archives.household.get', { houseId });
  expect(hh.occupants[0].person.name).toBe('曾丽华');

  // each error goes when its field is fixed; the others stay
  await name.fill('曾丽华');
  await expect.poll(() => errorOf(name)).toBe('');
  expect(await errorOf(idNumber)).not.toBe('');
  // a passport number is not held to the 身份证 rule: changing the type settles the error
  await page.getByTestId('person-idType').click();
  await page.getByRole('option', { name: '护照' }).click();
  await expect.poll(() => errorOf(idNumber)).toBe('');
  await page.getByTestId('person-idType').click();
  await page.getByRole('option', { name: '身份证', exact: true }).click();

  // an ID with a bad checksum is a warning, not a refusal
  await phone.fill('139 1234 0000');
  await expect.poll(() => errorOf(phone)).toBe('');
  await idNumber.fill('110105194912310021');
  await expect(page.getByText(/校验位不符/).first()).toBeVisible();

  // the birthday from a Chinese calendar (weeks from Monday), shown as 年-月-日 whatever the locale
  const birthday = page.getByTestId('person-birthday');
  await birthday.click();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeVisible();
  await expect(calendar.locator('thead th').first()).toHaveText('一');
  await expect(calendar).toContainText(/\d{4}年\d{1,2}月/);
  if (process.env.FORMS_SHOTS_DIR) await page.screenshot({ path: `${process.env.FORMS_SHOTS_DIR}/person-edit-calendar.png` });
  await calendar.getByRole('button', { name: /15/ }).first().click();
  await expect(birthday).toHaveValue(/^\d{4}-\d{2}-15$/);
  // typed the Chinese way, it becomes 1975-08-22 on leaving the box
  await birthday.fill('1975年8月22日');
  await name.click();
  await expect(birthday).toHaveValue('1975-08-22');

  await page.getByTestId('person-save').click();
  // shown masked for every role (docs/PRIVACY.md); the stored number is the one typed
  await expect(page.getByTestId('occupant-row').first()).toContainText('139****0000', { timeout: 20_000 });
  hh = await harness.call('archives.household.get', { houseId });
  expect(hh.occupants[0].person.phone).toBe('139****0000');
  expect((await harness.call('privacy.reveal', { subject: 'person', id: hh.occupants[0].person.id, field: 'phone' })).value).toBe('13912340000');
  expect(hh.occupants[0].person.idWarning).toMatch('校验位');
  expect(hh.occupants[0].person.birthday).toBe('1975-08-22');
});
