import { test, expect, openApp } from '../support/harness';
import { messyRosterBuffer, MESSY_EXPECTED } from '../../fixtures/roster/make-messy-roster';

test.use({
  seed: {
    run: async (call) => {
      await call('system.setup', { estateName: '阳光花园', demo: false });
    },
  },
});

test('a messy roster imported through the UI lists every rejected row with its Excel row number, then commits', async ({ page, harness }) => {
  await openApp(page);
  await page.getByRole('navigation').getByText('名册导入', { exact: true }).click();
  await page.getByTestId('roster-file-input').setInputFiles({
    name: '业主名册（开发商导出）.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyRosterBuffer(),
  });
  // main reads the workbook; on a loaded machine the preview takes seconds: wait for it to be there
  // and ready (the summary shown, 导入 enabled), never for a fixed time
  await expect(page.getByTestId('roster-summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('roster-commit')).toBeEnabled({ timeout: 30_000 });
  const rejected = page.getByTestId('roster-rejected-row');
  await expect(rejected).toHaveCount(MESSY_EXPECTED.rejected.length);
  for (const r of MESSY_EXPECTED.rejected) {
    await expect(rejected.filter({ hasText: r.reason })).toContainText(String(r.row));
  }
  await page.getByTestId('roster-commit').click();
  // the confirmation says it is all-or-nothing
  await expect(page.getByRole('dialog')).toContainText('要么全部成功');
  await page.getByTestId('roster-commit-confirm').click();
  // one transaction for every house and person: allow it the time a loaded machine needs
  await expect(page.getByTestId('roster-result')).toContainText('导入完成', { timeout: 60_000 });
  await expect(page.getByTestId('roster-result')).toContainText(String(MESSY_EXPECTED.created.houses));

  // the database has exactly the expected houses
  const status = await harness.call('system.status', {});
  const buildings = await harness.call('archives.buildings.list', { estateId: status.estates[0].id });
  expect(buildings.reduce((n, b) => n + b.houseCount, 0)).toBe(MESSY_EXPECTED.created.houses);
  const hit = await harness.call('search.lookup', { query: '郑十' });
  expect(hit[0].title + hit[0].subtitle).toContain('3栋2单元1502');
});

test('a file that is not a workbook gets a clear message and nothing is written', async ({ page, harness }) => {
  await openApp(page);
  await page.getByRole('navigation').getByText('名册导入', { exact: true }).click();
  await page
    .getByTestId('roster-file-input')
    .setInputFiles({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是Excel文件') });
  await expect(page.getByText(/不是有效的 Excel/).first()).toBeVisible({ timeout: 30_000 });
  const status = await harness.call('system.status', {});
  expect(await harness.call('archives.buildings.list', { estateId: status.estates[0].id })).toHaveLength(0);
});
