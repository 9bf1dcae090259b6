// Printing from the ticket screen: one render per preview, 打印 focused (Enter prints), the PDF that
// prints is the one previewed, and a 500-character 受理单 stays on one A4 page (docs/PRINTING.md).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openApp } from '../support/harness';
import { pdfFontTypes, pdfText } from '../support/pdf';

/** "第1处…第2处…": distinct all along, so the whole text is checked in order */
const numberedText = (n: number) => {
  let s = '';
  for (let i = 1; s.length < n; i++) s += `第${i}处墙面渗水发霉，`;
  return s.slice(0, n);
};
const DESCRIPTION = numberedText(500);
const squash = (s: string) => s.replace(/\s+/g, '');

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('system.settings.update', { staffName: '李静' });
      const base = { channel: '来访', houseId: h.id, urgency: '一般', reporter: '王芳', phone: '13800001111' } as const;
      await call('desk.tickets.create', { ...base, type: '投诉', category: '噪音扰民', description: DESCRIPTION });
      const repair = await call('desk.tickets.create', { ...base, type: '报修', category: '工程维修', description: '卫生间顶棚漏水' });
      await call('desk.tickets.transition', {
        id: repair.ticket.id,
        action: 'dispatch',
        department: '工程部',
        assignee: '李师傅',
        note: '业主下午在家，先电话联系',
      });
    },
  },
});

// a loaded 2-core machine: starting two Chromiums and the app can take most of the default 30 s
test.describe.configure({ timeout: 120_000 });

async function openTicket(page: Page, type: string) {
  await openApp(page);
  await page.getByRole('navigation').getByText('工单列表', { exact: true }).click();
  await expect(page.getByTestId('ticket-list-row').filter({ hasText: type }).first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('ticket-list-row').filter({ hasText: type }).first().click();
  await expect(page.getByTestId('ticket-no')).toBeVisible({ timeout: 20_000 });
  return ((await page.getByTestId('ticket-no').textContent()) ?? '').trim();
}

const pdfsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
    : [];

test('受理单: 500 characters on one A4 page; focus on 打印, Enter prints the previewed PDF; 另存为 PDF saves the same bytes', async ({ page, harness }) => {
  const no = await openTicket(page, '投诉');
  await page.getByTestId('print-slip').click();
  await expect(page.getByTestId('print-preview-pages')).toHaveText('共 1 页 · A4', { timeout: 20_000 });
  await expect(page.frameLocator('[data-testid="print-preview-frame"]').getByText(no).first()).toBeVisible();
  await expect(page.getByTestId('print-print')).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('print-preview-slip.png') });

  await page.keyboard.press('Enter');
  await expect.poll(() => pdfsIn(harness.downloadsDir).length, { timeout: 20_000 }).toBe(1);
  await expect(page.getByTestId('print-outcome')).toContainText('已保存为 PDF');
  const printed = join(harness.downloadsDir, pdfsIn(harness.downloadsDir)[0]);

  const text = pdfText(printed);
  expect(text.split('\f').filter((p) => p.trim())).toHaveLength(1);
  for (const s of [no, '业主联', '存根联', '沿虚线裁开', '业主签字', '受理人签字', '李静', '0755-8888 6666']) expect(text).toContain(s);
  expect(squash(text).split(DESCRIPTION)).toHaveLength(3);
  expect(text).not.toContain('前台');
  const fonts = pdfFontTypes(printed);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => f !== 'CID TrueType')).toEqual([]);

  // 另存为 PDF: the same bytes again, not a second render
  await page.getByTestId('print-save-pdf').click();
  await expect.poll(() => pdfsIn(harness.downloadsDir).length, { timeout: 20_000 }).toBe(2);
  const [a, b] = pdfsIn(harness.downloadsDir).map((f) => readFileSync(join(harness.downloadsDir, f)));
  expect(a.equals(b)).toBe(true);
});

test('派工单: Enter pressed before the preview is ready prints once it is, with the dispatch note', async ({ page, harness }) => {
  const no = await openTicket(page, '报修');
  await page.getByTestId('print-work-order').click();
  // focus is on 打印 from the start; the key is taken even while the PDF is still being made
  await expect(page.getByTestId('print-print')).toBeFocused({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => pdfsIn(harness.downloadsDir).length, { timeout: 30_000 }).toBe(1);
  await expect(page.getByTestId('print-preview-pages')).toHaveText('共 1 页 · A4');
  await expect(page.getByTestId('print-print')).toBeFocused({ timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('print-preview-work-order.png') });

  const text = pdfText(join(harness.downloadsDir, pdfsIn(harness.downloadsDir)[0]));
  for (const s of ['派 工 单', no, '派工说明', '业主下午在家，先电话联系', '工程部', '李师傅', '要求响应', '李静']) expect(text).toContain(s);
  // printed once: no second file from a double render
  expect(pdfsIn(harness.downloadsDir)).toHaveLength(1);
});
