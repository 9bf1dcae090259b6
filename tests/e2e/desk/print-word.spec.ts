// 另存为 Word in the print preview: the editable copy of the 派工单, saved through the same
// save-file handler as the PDF (docs/PRINTING.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp } from '../support/harness';

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      const repair = await call('desk.tickets.create', {
        channel: '来访',
        houseId: h.id,
        urgency: '一般',
        reporter: '王芳',
        phone: '13800001111',
        type: '报修',
        category: '工程维修',
        description: '卫生间顶棚漏水',
      });
      await call('desk.tickets.transition', { id: repair.ticket.id, action: 'dispatch', department: '工程部', assignee: '李师傅', note: '先电话联系' });
    },
  },
});

// a loaded 2-core machine: starting two Chromiums and the app can take most of the default 30 s
test.describe.configure({ timeout: 120_000 });

const docxIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.docx')) : []);

test('派工单: 另存为 Word saves an editable copy with the ticket and the dispatch note', async ({ page, harness }) => {
  await openApp(page);
  await page.getByRole('navigation').getByText('工单列表', { exact: true }).click();
  await page.getByTestId('ticket-list-row').filter({ hasText: '报修' }).first().click({ timeout: 20_000 });
  await expect(page.getByTestId('ticket-no')).toBeVisible({ timeout: 20_000 });
  const no = ((await page.getByTestId('ticket-no').textContent()) ?? '').trim();
  await page.getByTestId('print-work-order').click();
  await expect(page.getByTestId('print-save-word')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('print-preview-frame')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('print-word-1366.png') });
  await page.getByTestId('print-save-word').click();
  await expect(page.getByTestId('print-outcome')).toContainText(`派工单-${no}.docx`, { timeout: 20_000 });
  expect(docxIn(harness.downloadsDir)).toEqual([`派工单-${no}.docx`]);
  const xml = execFileSync('unzip', ['-p', join(harness.downloadsDir, `派工单-${no}.docx`), 'word/document.xml'], { encoding: 'utf8' });
  for (const s of [no, '王芳', '13800001111', '工程部', '李师傅', '先电话联系']) expect(xml).toContain(s);
});
