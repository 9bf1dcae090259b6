// 月度投诉统计 on screen (docs/REPORTS.md): the figures main computed, every number opening the
// tickets behind it, and the exported workbook carrying the same numbers.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect, openApp } from '../support/harness';
import { cstDate } from '../../../shared/domain/time';

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const house = (roomNo: string) => call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo, type: '住宅', status: '已入住' });
      const h1 = await house('1501');
      const h2 = await house('1502');
      const base = { estateId, channel: '电话', urgency: '一般', reporter: '业主', phone: '13800001111' } as const;
      const a = await call('desk.tickets.create', { ...base, type: '投诉', houseId: h1.id, category: '噪音扰民', description: '楼上装修噪音' });
      await call('desk.tickets.transition', { id: a.ticket.id, action: 'dispatch', department: '秩序部' });
      await call('desk.tickets.create', { ...base, type: '投诉', houseId: h2.id, category: '噪音扰民', description: '夜间狗叫' });
      await call('desk.tickets.create', { ...base, type: '投诉', houseId: h2.id, category: '环境卫生', channel: '微信', description: '楼道垃圾' });
      await call('desk.tickets.create', { ...base, type: '报修', houseId: h1.id, category: '工程维修', description: '水龙头漏水' });
    },
  },
});

test.describe.configure({ timeout: 120_000 });

test('the month’s figures match main’s report and the workbook; a count opens its tickets, a ticket opens', async ({ page, harness }) => {
  const month = cstDate().slice(0, 7);
  const report = await harness.call('reports.monthly.get', { estateId: 1, month });
  expect(report.complaints.total).toBe(3);

  await openApp(page);
  await page.getByRole('navigation').getByText('月度投诉统计', { exact: true }).click();
  await expect(page.getByTestId('fig-total')).toHaveText('3', { timeout: 20_000 });
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
  await expect(page.getByTestId('fig-satisfaction')).toHaveText(pct(report.callbacks.satisfactionRate));
  await expect(page.getByTestId('fig-closed')).toHaveText(pct(report.closure.closedRate));
  await expect(page.getByTestId('fig-per100')).toHaveText((report.complaints.per100Households ?? 0).toFixed(2));
  const rows = page.getByTestId('by-category-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('噪音扰民');
  await expect(rows.first()).toContainText(pct(report.byCategory[0].share));
  await page.screenshot({ path: test.info().outputPath('monthly-report-1366.png'), fullPage: true });

  // drill down: 噪音扰民 2 → its two tickets → one of them
  await rows.first().getByTestId('by-category-count').click();
  await expect(page.getByTestId('drill-row')).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByTestId('drill-table')).toContainText('噪音扰民');
  await page.getByTestId('drill-row').first().click();
  await expect(page.getByTestId('ticket-no')).toBeVisible({ timeout: 20_000 });

  // the workbook saved from the screen carries the same numbers
  await page.getByRole('navigation').getByText('月度投诉统计', { exact: true }).click();
  await page.getByTestId('report-xlsx').click();
  const dir = harness.downloadsDir;
  await expect.poll(() => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length : 0), { timeout: 30_000 }).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(
    join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.xlsx'))!,
    ),
  );
  const values = new Map<string, unknown>();
  wb.getWorksheet('汇总')!.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(values.get('投诉总数（件）')).toBe(3);
  expect(values.get('报修（件）')).toBe(1);
  expect(values.get('满意率')).toBe(report.callbacks.satisfactionRate);
  expect(values.get('每百户投诉（件）')).toBe(report.complaints.per100Households);
});
