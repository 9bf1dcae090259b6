import { test, expect, openApp } from '../support/harness';

// 操作日志 (docs/AUDIT.md): a change made in the window shows in the log, before → after, phones masked;
// a person's and a house's detail open the log filtered to them.

test.describe.configure({ timeout: 150_000 });

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '曾丽华', phone: '13912345678', idNumber: '11010519491231002X' } });
      await call('archives.vehicles.add', { houseId: h.id, plate: '粤B12345' });
    },
  },
});

const CHANGE = '修改 住户 曾丽华：电话 139****5678 → 138****0000';

test('editing a phone shows in 操作日志 as before → after, masked, found by the filters and from the person', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });
  await page.getByTestId('occupant-row').first().getByTestId('person-edit').click();
  await page.getByTestId('person-phone').fill('13800000000');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-phone')).toHaveCount(0, { timeout: 20_000 });

  // the menu's 操作日志, filtered by name, action and today's China date
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-title')).toHaveText('操作日志', { timeout: 20_000 });
  await page.getByTestId('audit-person').fill('曾丽华');
  await page.getByTestId('audit-action').click();
  await page.getByRole('option', { name: '修改', exact: true }).click();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await page.getByTestId('audit-from').fill(today);
  await page.getByTestId('audit-to').fill(today);
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-summary')).toHaveText([CHANGE], { timeout: 20_000 });
  await expect(page.getByTestId('audit-table')).not.toContainText('13800000000');
  await expect(page.getByTestId('audit-count')).toHaveText('第 1–1 条，共 1 条');
  await page.screenshot({ path: testInfo.outputPath('audit-filtered.png') });
  if (process.env.AUDIT_SHOTS_DIR) await page.screenshot({ path: `${process.env.AUDIT_SHOTS_DIR}/audit-filtered.png` });

  // a day with nothing in it
  await page.getByTestId('audit-from').fill('2020-01-01');
  await page.getByTestId('audit-to').fill('2020-01-01');
  await page.getByTestId('audit-apply').click();
  await expect(page.getByText('没有符合条件的操作记录')).toBeVisible({ timeout: 20_000 });

  // from the house: its own lines, its people's and its vehicle's
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await page.getByTestId('house-audit').click();
  await expect(page.getByTestId('audit-scope')).toContainText('房屋 3栋2单元1502', { timeout: 20_000 });
  await expect(page.getByTestId('audit-summary').first()).toHaveText(CHANGE, { timeout: 20_000 });
  await expect(page.getByTestId('audit-table')).toContainText('新建 车辆 粤B12345');
  await expect(page.getByTestId('audit-table')).toContainText('登记住户 房屋 3栋2单元1502：曾丽华（业主）');

  // from the person's row
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await page.getByTestId('occupant-row').first().getByTestId('person-audit').click();
  await expect(page.getByTestId('audit-scope')).toContainText('住户 曾丽华', { timeout: 20_000 });
  await expect(page.getByTestId('audit-summary')).toHaveText([CHANGE, '登记住户 房屋 3栋2单元1502：曾丽华（业主）', '新建 住户 曾丽华'], { timeout: 20_000 });
  if (process.env.AUDIT_SHOTS_DIR) await page.screenshot({ path: `${process.env.AUDIT_SHOTS_DIR}/audit-person.png` });
});
