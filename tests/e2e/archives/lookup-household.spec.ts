import { test, expect, openApp } from '../support/harness';

// Arrange a small estate through the real core: one house with a known owner, phone and plate.
test.use({
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
  // ID numbers are masked by default
  await expect(owner).toContainText('110***********002X');
  await expect(owner).not.toContainText('11010519491231002X');
  await expect(page.getByText('粤B12345')).toBeVisible();
});

test('editing a person shows inline Chinese validation errors and saves nothing until fixed', async ({ page, harness }) => {
  await openApp(page);
  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill('曾丽华');
  await expect(page.getByTestId('search-result').first()).toContainText('曾丽华');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502');

  await page.getByTestId('occupant-row').first().getByTestId('person-edit').click();
  const name = page.getByTestId('person-name');
  await name.fill('');
  await page.getByTestId('person-phone').fill('电话号码abc');
  await page.getByTestId('person-save').click();
  // inline, under the inputs (not only in a notification)
  await expect(page.getByText('请填写姓名', { exact: true })).toBeVisible();
  await expect(page.getByText('联系电话只能包含数字、空格、短横线', { exact: true })).toBeVisible();

  // nothing was written
  const houseId = (await harness.call('search.lookup', { query: '3-2-1502' }))[0].houseId;
  let hh = await harness.call('archives.household.get', { houseId });
  expect(hh.occupants[0].person.name).toBe('曾丽华');

  // an ID with a bad checksum is a warning, not a refusal
  await name.fill('曾丽华');
  await page.getByTestId('person-phone').fill('139 1234 0000');
  await page.getByTestId('person-idNumber').fill('110105194912310021');
  await expect(page.getByText(/校验位不符/).first()).toBeVisible();
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('occupant-row').first()).toContainText('13912340000');
  hh = await harness.call('archives.household.get', { houseId });
  expect(hh.occupants[0].person.phone).toBe('13912340000');
  expect(hh.occupants[0].person.idWarning).toMatch('校验位');
});
