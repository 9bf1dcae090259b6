// A building's delivery day (docs/PRINTING.md, batches): 交付入住 → 打印入住资料包 for every house runs
// in the background with progress, and comes out as one PDF and one Word file holding every
// house's nine pages, prefilled from the archive and the delivery plan.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp } from '../support/harness';
import { pdfText } from '../support/pdf';

const ROOMS: string[] = [];
for (const floor of [3, 4, 5, 6, 7, 8]) for (const r of ['01', '02']) ROOMS.push(`${floor}${r}`);
const UNITS = ['1', '2'];
const owner = (unit: string, room: string) => `业主${unit}单元${room}`;

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      await call('system.settings.update', { companyName: '深圳市安居物业服务有限公司', staffName: '李静' });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      for (const unitName of UNITS)
        for (const roomNo of ROOMS) {
          const h = await call('archives.houses.create', { buildingId: b.id, unitName, roomNo, type: '住宅', status: '已售未交付', buildingArea: 89.5 });
          await call('archives.people.attach', {
            houseId: h.id,
            role: 'owner',
            person: { name: owner(unitName, roomNo), phone: `13900${unitName}0${roomNo}` },
          });
        }
    },
  },
});

// two Chromiums and a 216-page render on a loaded 2-core machine
test.describe.configure({ timeout: 240_000 });

const filesIn = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)) : []);

test('交付入住: the whole building’s 入住资料包 as one PDF and one Word file, every house prefilled', async ({ page, harness }) => {
  const houses = UNITS.length * ROOMS.length;
  await openApp(page);
  await page.getByRole('navigation').getByText('交付入住', { exact: true }).click();
  await expect(page.getByTestId('movein-row')).toHaveCount(houses, { timeout: 20_000 });
  await page.getByTestId('movein-plan-date').fill('2026-12-20');
  await page.getByTestId('movein-plan-place').fill('会所一楼大厅');
  await page.getByTestId('movein-plan-save').click();
  await expect(page.getByText('交付安排已保存')).toBeVisible({ timeout: 20_000 });

  await expect(page.getByTestId('movein-print-packet')).toContainText(`全部 ${houses} 户`);
  await page.getByTestId('movein-print-packet').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('batch-save-pdf')).toBeEnabled({ timeout: 180_000 });
  await expect(dialog.getByTestId('batch-message')).toContainText(`已生成 ${houses} 份，共 ${houses * 9} 页`);
  await page.screenshot({ path: test.info().outputPath('batch-done-1366.png') });

  await dialog.getByTestId('batch-save-pdf').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.pdf').length, { timeout: 30_000 }).toBe(1);
  await dialog.getByTestId('batch-save-word').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.docx').length, { timeout: 30_000 }).toBe(1);

  const pdf = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.pdf')[0]);
  const pages = pdfText(pdf)
    .split('\f')
    .filter((p) => p.trim());
  expect(pages).toHaveLength(houses * 9);
  // each house's nine pages are together and in order: its 入住通知书 first, named and dated
  for (const [i, unit, room] of [
    [0, '1', '301'],
    [1, '1', '302'],
    [houses - 1, '2', '802'],
  ] as const) {
    const first = pages[i * 9].replace(/\s+/g, '');
    expect(first).toContain('入住通知书');
    expect(first).toContain(owner(unit, room));
    expect(first).toContain(`3栋${unit}单元${room}`);
    expect(first).toContain('2026年12月20日');
    expect(first).toContain('会所一楼大厅');
    expect(first).toContain('深圳市安居物业服务有限公司');
    // the ninth page is the card, addressed to the same owner
    const card = pages[i * 9 + 8].replace(/\s+/g, '');
    expect(card).toContain('恭贺乔迁之喜');
    expect(card).toContain(owner(unit, room));
  }

  const docx = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.docx')[0]);
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // (booleans: a failure must not print 5 MB of XML)
  const missing = UNITS.flatMap((u) => ROOMS.map((r) => owner(u, r))).filter((name) => !xml.includes(name));
  expect(missing).toEqual([]);
  expect(xml.split('<w:pageBreakBefore/>').length).toBe(houses * 9);
  expect(xml.includes('<w:tblLayout w:type="fixed"/>')).toBe(true);
  const styles = execFileSync('unzip', ['-p', docx, 'word/styles.xml'], { encoding: 'utf8' });
  expect(styles).toMatch(/w:eastAsia="[^"]+"/);

  // the print log names the building job
  const log = await harness.call('documents.log.list', { kind: 'moveInPacket' });
  expect(log.map((l) => l.action).sort()).toEqual(['docx', 'pdf']);
  expect(log[0].audience).toContain('3栋');
});
