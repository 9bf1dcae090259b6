// 装修登记 and 搬迁放行 on the household screen (PRODUCT.md §6): register a renovation with hot work
// through the form, print its 装修许可证 to PDF, open a move-out pass and save it as Word, and the
// guard's check — each checked in the saved files and the real database.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { test, expect, openApp } from '../support/harness';
import { pdfText } from '../support/pdf';
import { cstDate } from '../../../shared/domain/time';

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '王芳', phone: '13800001111' } });
    },
  },
});

// a loaded 2-core machine: the app, the print browser and the calls can take a while
test.describe.configure({ timeout: 180_000 });

const filesIn = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)) : []);
const dayPlus = (n: number) => cstDate(Date.now() + n * 86400_000);

async function openHousehold(page: Page) {
  await openApp(page);
  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill('3-2-1502');
  await expect(page.getByTestId('search-result').first()).toContainText('3栋2单元1502', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', { timeout: 20_000 });
}

test('登记装修 with hot work → 装修许可证 and 动火证 PDFs; 开放行条 → PDF (stub + pass on one sheet) and Word; 门岗查验', async ({ page, harness }) => {
  await openHousehold(page);
  const section = page.getByTestId('renovation-section');
  await section.scrollIntoViewIfNeeded();
  await expect(section).toContainText('暂无装修登记', { timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('renovation-section-empty-1366.png') });

  // 登记装修 through the form
  await page.getByTestId('renovation-register').click();
  await expect(page.getByTestId('renovation-save')).toBeVisible({ timeout: 20_000 });
  // the owner is offered as the applicant
  await expect(page.getByTestId('renovation-applicant')).toHaveValue('王芳');
  // the household's phone comes masked (docs/PRIVACY.md), with the hint that it is kept as stored
  await expect(page.getByTestId('renovation-applicant-phone')).toHaveValue('138****1111');
  await expect(page.getByText('号码已隐藏，不改动即保留原号码')).toBeVisible();
  await page.getByTestId('renovation-contractor').fill('美家装饰工程有限公司');
  await page.getByTestId('renovation-contractor-contact').fill('李工');
  await page.getByTestId('renovation-start').fill(dayPlus(2));
  await page.getByTestId('renovation-end').fill(dayPlus(1));
  await page.getByTestId('renovation-scope').fill('客厅、卧室墙面翻新，卫生间重做防水');
  await page.getByTestId('renovation-item-水电改造').check();
  await page.getByTestId('renovation-item-防水').check();
  await page.getByTestId('renovation-worker-name-0').fill('张师傅');
  await page.getByTestId('renovation-worker-add').click();
  await page.getByTestId('renovation-worker-name-1').fill('刘师傅');
  await page.getByTestId('renovation-hotwork').check();
  await page.getByTestId('hotwork-location').fill('阳台');
  await page.getByTestId('hotwork-from').fill(dayPlus(3));
  await page.getByTestId('hotwork-to').fill(dayPlus(4));
  await page.getByTestId('hotwork-operator').fill('赵焊工');
  await page.getByTestId('hotwork-certificate').fill('T440301199001011234');
  await page.getByTestId('hotwork-guardian').fill('李工');
  // the period the wrong way round is refused by the field, in Chinese, before anything is sent
  await page.getByTestId('renovation-save').click();
  await expect(page.getByText('完工日期不能早于开工日期')).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: test.info().outputPath('renovation-form-1366.png') });
  await page.getByTestId('renovation-end').fill(dayPlus(60));
  await page.getByTestId('renovation-save').click();
  await expect(page.getByTestId('renovation-save')).toBeHidden({ timeout: 20_000 });

  const row = page.getByTestId('renovation-row');
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  const permitNo = ((await row.getByTestId('renovation-permit-no').textContent()) ?? '').trim();
  expect(permitNo).toMatch(/^ZX\d{4}-0001$/);
  await expect(row.getByTestId('renovation-status')).toHaveText('申请中');

  // 开工: the house shows 装修中
  await row.getByTestId('renovation-start').click();
  await expect(row.getByTestId('renovation-status')).toHaveText('施工中', { timeout: 20_000 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('renovation-section-1366.png') });

  // 打印许可证 → 另存为 PDF
  await row.getByTestId('renovation-print').click();
  await expect(page.getByTestId('print-preview-frame')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('renovation-permit-preview-1366.png') });
  await page.getByTestId('print-save-pdf').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.pdf').length, { timeout: 30_000 }).toBe(1);
  const pdf = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.pdf')[0]);
  copyFileSync(pdf, test.info().outputPath('renovation-permit.pdf'));
  const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
  for (const s of [permitNo, '美家装饰工程有限公司', '3栋2单元1502', '张师傅', '装修许可证']) expect(text).toContain(s);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-preview-frame')).toBeHidden({ timeout: 20_000 });

  // 打印动火证 → 另存为 PDF
  await row.getByTestId('renovation-print-hotwork').click();
  await expect(page.getByTestId('print-preview-frame')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('print-save-pdf').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.pdf').length, { timeout: 30_000 }).toBe(2);
  const hotPdf = join(
    harness.downloadsDir,
    filesIn(harness.downloadsDir, '.pdf').find((f) => f.includes('动火'))!,
  );
  const hot = pdfText(hotPdf).replace(/\s+/g, '');
  for (const s of ['动火作业许可证', `${permitNo}-DH`, '3栋2单元1502', '动火安全要求']) expect(hot).toContain(s);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-preview-frame')).toBeHidden({ timeout: 20_000 });

  // 开放行条: the owner is offered as the applicant
  await page.getByTestId('moveout-new').click();
  await expect(page.getByTestId('moveout-save')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('moveout-applicant')).toHaveValue('王芳');
  await expect(page.getByTestId('moveout-phone')).toHaveValue('138****1111');
  await page.getByTestId('moveout-item-name-0').fill('双人床');
  await page.getByTestId('moveout-item-add').click();
  await page.getByTestId('moveout-item-name-1').fill('纸箱');
  await page.getByTestId('moveout-item-qty-1').fill('12');
  await page.getByTestId('moveout-plate').fill('粤b12345');
  await page.getByTestId('moveout-save').click();
  await expect(page.getByText('请填写批准人')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('moveout-approver').fill('陈主管');
  await page.screenshot({ path: test.info().outputPath('moveout-form-1366.png') });
  await page.getByTestId('moveout-save').click();
  await expect(page.getByTestId('moveout-save')).toBeHidden({ timeout: 20_000 });
  const pass = page.getByTestId('moveout-row');
  await expect(pass).toHaveCount(1, { timeout: 20_000 });
  await expect(pass).toContainText('粤B12345');
  await expect(pass.getByTestId('moveout-state')).toHaveText('有效');

  // 打印放行条 → 另存为 Word
  await pass.getByTestId('moveout-print').click();
  await expect(page.getByTestId('print-save-word')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('print-preview-frame')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('moveout-preview-1366.png') });
  // the PDF: stub and pass on one sheet, the cut line between them
  await page.getByTestId('print-save-pdf').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.pdf').length, { timeout: 30_000 }).toBe(3);
  const passPdf = join(
    harness.downloadsDir,
    filesIn(harness.downloadsDir, '.pdf').find((f) => f.includes('放行'))!,
  );
  const passPages = pdfText(passPdf)
    .split('\f')
    .filter((x) => x.trim());
  expect(passPages).toHaveLength(1);
  const passText = passPages[0].replace(/\s+/g, '');
  for (const s of ['搬迁放行条（存根）', '双人床', '粤B12345', '门岗查验']) expect(passText).toContain(s);
  await page.getByTestId('print-save-word').click();
  await expect.poll(() => filesIn(harness.downloadsDir, '.docx').length, { timeout: 30_000 }).toBe(1);
  const docx = join(harness.downloadsDir, filesIn(harness.downloadsDir, '.docx')[0]);
  copyFileSync(docx, test.info().outputPath('move-out-pass.docx'));
  const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const s of ['双人床', '纸箱', '粤B12345', '搬迁放行条', '门岗查验']) expect(xml).toContain(s);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-save-word')).toBeHidden({ timeout: 20_000 });

  // 门岗查验, recorded in the database
  await pass.getByTestId('moveout-check').click();
  await expect(pass.getByTestId('moveout-state')).toHaveText('已查验', { timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('renovation-moveout-section-1366.png') });
  const permitRow = await harness.call('renovation.get', { id: 1 });
  expect(permitRow).toMatchObject({ permitNo, status: '施工中', contractor: '美家装饰工程有限公司', workers: [{ name: '张师傅' }, { name: '刘师傅' }] });
  expect(permitRow.hotWork).toMatchObject({ location: '阳台', operator: '赵焊工' });
  const passes = await harness.call('moveout.list', { houseId: permitRow.houseId });
  expect(passes[0]).toMatchObject({
    state: '已查验',
    plate: '粤B12345',
    items: [
      { name: '双人床', qty: 1 },
      { name: '纸箱', qty: 12 },
    ],
  });
  expect(passes[0].checkedAt).toBeTruthy();
  // screens get the phones masked; the database keeps the owner's real number the forms stood for
  expect(permitRow.applicantPhone).toBe('138****1111');
  expect(passes[0].phone).toBe('138****1111');
  const db = new Database(harness.dbFile, { readonly: true });
  try {
    expect(db.prepare('select applicant_phone as p from renovations where id = 1').get()).toEqual({ p: '13800001111' });
    expect(db.prepare('select phone as p from move_out_passes').all()).toEqual([{ p: '13800001111' }]);
  } finally {
    db.close();
  }
});

test('巡查 → 验收 → 退押金 with a deduction; the house is 装修中 only while work runs; a pass voided with its reason', async ({ page, harness }) => {
  const houseId = 1; // the one house the seed made
  const r = await harness.call('renovation.save', {
    houseId,
    applicant: '王芳',
    contractor: '美家装饰工程有限公司',
    workers: [],
    startDate: dayPlus(0),
    endDate: dayPlus(30),
    scope: '厨房翻新',
    items: ['铺贴'],
    deposit: 2000,
    fees: [],
    hotWork: null,
  });
  await harness.call('renovation.start', { id: r.id });
  await harness.call('moveout.save', {
    houseId,
    applicant: '王芳',
    relation: '业主',
    items: [{ name: '旧橱柜', qty: 1 }],
    validFrom: dayPlus(0),
    validTo: dayPlus(1),
    approver: '陈主管',
  });
  await openHousehold(page);
  const row = page.getByTestId('renovation-row');
  await expect(row.getByTestId('renovation-status')).toHaveText('施工中', { timeout: 20_000 });
  // no hot work: no 打印动火证
  await expect(row.getByTestId('renovation-print-hotwork')).toHaveCount(0);

  await row.getByTestId('renovation-inspect').click();
  await page.getByTestId('inspect-by').fill('巡查员小周');
  await page.getByTestId('inspect-findings').fill('厨房墙砖空鼓，已要求返工');
  await page.getByTestId('inspect-result').click();
  await page.getByRole('option', { name: '限期整改' }).click();
  await page.screenshot({ path: test.info().outputPath('inspect-form-1366.png') });
  await page.getByTestId('inspect-save').click();
  await expect(row).toContainText('厨房墙砖空鼓', { timeout: 20_000 });

  await row.getByTestId('renovation-accept').click();
  await page.getByTestId('accept-by').fill('陈主管');
  await page.getByTestId('accept-save').click();
  await expect(row.getByTestId('renovation-status')).toHaveText('已验收', { timeout: 20_000 });
  expect((await harness.call('archives.household.get', { houseId })).house.status).toBe('已入住');

  // a refund above the deposit and a deduction without reason are refused by the field
  await row.getByTestId('renovation-refund').click();
  await page.getByTestId('refund-amount').fill('2500');
  await page.getByTestId('refund-save').click();
  await expect(page.getByText('不能超过押金 2000.00 元')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('refund-amount').fill('1800');
  await page.getByTestId('refund-save').click();
  await expect(page.getByText('押金有扣除，请填写扣除原因')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('refund-reason').fill('损坏电梯轿厢壁板');
  await page.screenshot({ path: test.info().outputPath('refund-form-1366.png') });
  await page.getByTestId('refund-save').click();
  await expect(row.getByTestId('renovation-status')).toHaveText('已退押金', { timeout: 20_000 });
  await expect(row).toContainText('扣除 200.00 元');
  expect(await harness.call('renovation.get', { id: r.id })).toMatchObject({
    status: '已退押金',
    refund: { amount: 1800, deducted: 200, reason: '损坏电梯轿厢壁板' },
  });

  const pass = page.getByTestId('moveout-row');
  await pass.getByTestId('moveout-void').click();
  await page.getByTestId('void-reason').fill('业主改期搬家');
  await page.getByTestId('void-save').click();
  await expect(pass.getByTestId('moveout-state')).toHaveText('已作废', { timeout: 20_000 });
  await expect(pass.getByTestId('moveout-print')).toHaveCount(0);
  await expect(pass.getByTestId('moveout-check')).toHaveCount(0);
  await page.getByTestId('moveout-section').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('renovation-done-1366.png') });
  const [p] = await harness.call('moveout.list', { houseId });
  expect(p).toMatchObject({ state: '已作废', voidReason: '业主改期搬家' });
});
