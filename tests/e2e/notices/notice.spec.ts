// 通知公告 end to end: 停水通知 for a building of three houses, issued with its number, printed to
// PDF (one page per house, addressed to each owner) and saved as Word, then listed with its print log.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp } from '../support/harness';
import { pdfText } from '../support/pdf';

const HOUSES = [
  ['1501', '李明'],
  ['1502', '王芳'],
  ['1601', '张伟'],
] as const;

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      for (const [room, owner] of HOUSES) {
        const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: room, type: '住宅', status: '已入住' });
        await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: owner } });
      }
      const other = await call('archives.buildings.create', { estateId, name: '5', floors: 6 });
      const h = await call('archives.houses.create', { buildingId: other.id, unitName: '1', roomNo: '101', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '赵强' } });
    },
  },
});

// a loaded 2-core machine: starting two Chromiums, the app and three renders take a while
test.describe.configure({ timeout: 180_000 });

const filesIn = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)) : []);
const squash = (s: string) => s.replace(/\s+/g, '');

test('停水通知 for a building: issued with its number, one page per house in the PDF and the Word file, print log kept', async ({ page, harness }) => {
  await openApp(page);
  await page.getByRole('navigation').getByText('通知公告', { exact: true }).click();
  await page.getByTestId('notice-template').filter({ hasText: '停水通知' }).click({ timeout: 20_000 });
  await expect(page.getByTestId('notice-title')).toHaveValue('停水通知');

  await page.getByTestId('notice-value-停水原因').fill('市政供水管网维修');
  await page.getByTestId('notice-value-停水范围').fill('3栋');
  await page.getByTestId('notice-value-开始时间').fill('12月8日 8:00');
  await page.getByTestId('notice-value-结束时间').fill('12月8日 18:00');
  // 楼栋 is the default audience, and 3栋 the first building
  await expect(page.getByTestId('notice-building')).toHaveValue(/3栋/);

  // the live preview: main's page in the sandboxed frame, with nothing left to fill
  const frame = page.frameLocator('[data-testid="notice-preview-frame"]');
  await expect(frame.getByText('市政供水管网维修', { exact: false }).first()).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByText('尊敬的 3栋2单元1501 业主 李明：')).toBeVisible();
  await expect(page.getByTestId('notice-problems')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('notices-1366.png') });

  await page.getByTestId('notice-issue').click();
  await expect(page.getByTestId('print-save-pdf')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('print-preview-frame')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('print-preview-pages')).toContainText('共 3 页', { timeout: 60_000 });
  const [notice] = await harness.call('notices.list', { estateId: 1 });
  expect(notice.no).toMatch(/^〔\d{4}〕第001号$/);
  expect(notice.audienceLabel).toBe('3栋 全部 3 户');

  // 打印: the harness has no printer and writes the printed job's PDF (and logs the print)
  await page.getByTestId('print-print').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.pdf').length, { timeout: 30_000 }).toBe(1);
  const pdf = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.pdf')[0]);
  copyFileSync(pdf, test.info().outputPath('notice.pdf'));
  const text = squash(pdfText(pdf));
  expect(text).toContain(notice.no);
  for (const [room, owner] of HOUSES) expect(text).toContain(`尊敬的3栋2单元${room}业主${owner}：`);
  expect(text).toContain('因市政供水管网维修，翠湖花园3栋将于12月8日8:00至12月8日18:00暂停供水。');
  expect(text).toContain('特此通知');
  expect(text).not.toContain('赵强');

  await page.getByTestId('print-save-word').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.docx').length, { timeout: 30_000 }).toBe(1);
  const docx = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.docx')[0]);
  copyFileSync(docx, test.info().outputPath('notice.docx'));
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
  const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(words).toContain(notice.no);
  for (const [room, owner] of HOUSES) expect(squash(words)).toContain(`尊敬的3栋2单元${room}业主${owner}：`);

  // the print log names the notice; the houses' history shows it
  const log = await harness.call('documents.log.list', { kind: 'notice', refId: notice.id });
  expect(log.map((l) => l.action).sort()).toEqual(['docx', 'print']);
  await page.keyboard.press('Escape');
  await page.getByTestId('notices-tab-issued').click();
  await expect(page.getByTestId('notice-row').first()).toContainText(notice.no);
  await expect(page.getByTestId('notices-print-log')).toContainText('Word');
  await expect(page.getByTestId('notices-print-log')).toContainText('打印');
  await page.screenshot({ path: test.info().outputPath('notices-issued-1366.png') });
});

test('催缴通知单: an unknown placeholder is refused by the body; per-house amounts print with 金额大写', async ({ page, harness }) => {
  await openApp(page);
  await page.getByRole('navigation').getByText('通知公告', { exact: true }).click();
  await page.getByTestId('notice-template').filter({ hasText: '停水通知' }).click({ timeout: 20_000 });
  // a placeholder neither standard nor a field of the template: refused on save, named, by the body
  await page.getByTestId('notice-body').fill('因{{停水原因}}停水{{停水时长}}。');
  await page.getByTestId('notice-template-save').click();
  await expect(page.getByText('模板中有未知的占位符：{{停水时长}}', { exact: false }).first()).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('notice-template').filter({ hasText: '催缴通知单' }).click();
  await expect(page.getByTestId('notice-title')).toHaveValue('催缴通知单');
  await page.getByTestId('notice-value-期间').fill('2026年1月—6月');
  const amounts = page.getByTestId('notice-amounts');
  await expect(amounts).toBeVisible({ timeout: 20_000 });
  // a posted copy cannot carry each house's amount: the preview says so
  await page.getByTestId('notice-posted').check();
  await expect(page.getByTestId('notice-problems')).toContainText('{{房号}}', { timeout: 20_000 });
  await page.getByTestId('notice-posted').uncheck();
  await amounts.getByLabel('3栋2单元1501 金额').fill('1200');
  await amounts.getByLabel('3栋2单元1502 金额').fill('100.5');
  await amounts.getByLabel('3栋2单元1601 金额').fill('1001');
  await expect(page.getByTestId('notice-problems')).toHaveCount(0, { timeout: 20_000 });
  await page.getByTestId('notice-issue').click();
  await expect(page.getByTestId('print-preview-pages')).toContainText('共 3 页', { timeout: 60_000 });
  await page.getByTestId('print-print').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.pdf').length, { timeout: 30_000 }).toBe(1);
  const pdf = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.pdf')[0]);
  copyFileSync(pdf, test.info().outputPath('arrears.pdf'));
  const text = squash(pdfText(pdf));
  expect(text).toContain('3栋2单元1501房屋2026年1月—6月的物业服务费尚未缴纳，欠费金额为人民币1,200.00元（大写：壹仟贰佰元整）');
  expect(text).toContain('1502房屋2026年1月—6月的物业服务费尚未缴纳，欠费金额为人民币100.50元（大写：壹佰元伍角整）');
  expect(text).toContain('1601房屋2026年1月—6月的物业服务费尚未缴纳，欠费金额为人民币1,001.00元（大写：壹仟零壹元整）');
  const [notice] = await harness.call('notices.list', { estateId: 1 });
  const full = await harness.call('notices.get', { id: notice.id });
  expect(full.houses.map((h) => h.amount)).toEqual([1200, 100.5, 1001]);
});
