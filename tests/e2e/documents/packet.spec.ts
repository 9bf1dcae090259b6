// 入住资料包 (PRODUCT.md §4): 设置 → 单据文字 edits a packet text that stays after a reload, and the
// packet of a dozen houses comes out of the harness print engine as a real PDF with every owner,
// the edited text and one page per part.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openApp } from '../support/harness';
import { pdfText } from '../support/pdf';
import { PACKET_PARTS } from '../../../shared/contract/documents';

const OWNERS = ['赵一鸣', '钱二丽', '孙三强', '李四海', '周五福', '吴六顺', '郑七星', '王八达', '冯九洲', '陈十全', '褚海燕', '卫东升'];
const houseIds: number[] = [];

test.use({
  viewport: { width: 1366, height: 900 },
  seed: {
    run: async (call) => {
      houseIds.length = 0;
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      await call('system.settings.update', { companyName: '深圳市安居物业服务有限公司' });
      const b = await call('archives.buildings.create', { estateId, name: '5', floors: 6 });
      for (let i = 0; i < OWNERS.length; i++) {
        const h = await call('archives.houses.create', {
          buildingId: b.id,
          unitName: String((i % 2) + 1),
          roomNo: `${Math.floor(i / 2) + 1}0${(i % 2) + 1}`,
          floor: Math.floor(i / 2) + 1,
          buildingArea: 96.3,
          type: '住宅',
          status: '已售未交付',
        });
        await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: OWNERS[i], phone: `1391234${String(1000 + i)}` } });
        houseIds.push(h.id);
      }
    },
  },
});

// a loaded 2-core machine: starting two Chromiums and the app can take most of the default 30 s
test.describe.configure({ timeout: 180_000 });

test('单据文字: an edited text is saved, stays after a reload, prints in the packet; 恢复默认 puts the default back', async ({ page, harness }) => {
  await openApp(page);
  await page.getByTestId('nav-settings').click();
  const box = page.getByTestId('settings-text-cardGreeting');
  await expect(box).toBeVisible({ timeout: 20_000 });
  await box.fill('{{业主}}：金色的钥匙，开启幸福新生活！');
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('document-texts-1366.png') });
  await page.getByTestId('settings-texts-save').click();
  await expect(page.getByText('单据文字已保存')).toBeVisible({ timeout: 20_000 });

  // too long: refused next to the box, nothing saved
  const keys = page.getByTestId('settings-text-keysDefault');
  await keys.fill('入户门钥匙 3\n'.repeat(700));
  await page.getByTestId('settings-texts-save').click();
  await expect(page.getByText('钥匙清单不超过5000字')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('settings-text-keysDefault-reset').click();
  await expect(page.getByText('钥匙清单不超过5000字')).toHaveCount(0);

  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-text-cardGreeting')).toHaveValue('{{业主}}：金色的钥匙，开启幸福新生活！', { timeout: 20_000 });
  await expect(page.getByTestId('settings-text-keysDefault')).toHaveValue(/^入户门钥匙 3\n单元门禁卡 2/);
  const stored = await harness.call('documents.texts.get', {});
  expect(stored.customised).toEqual(['cardGreeting']);

  const preview = await harness.call('documents.print.preview', { document: 'moveInPacket', houseIds: [houseIds[0]], parts: ['card'] });
  const file = join(harness.dataDir, 'card.pdf');
  writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'));
  expect(pdfText(file).replace(/\s+/g, '')).toContain('赵一鸣：金色的钥匙，开启幸福新生活！');

  // 恢复默认, saved: the shipped greeting again
  await page.getByTestId('settings-text-cardGreeting-reset').click();
  await page.getByTestId('settings-texts-save').click();
  await expect(page.getByText('单据文字已保存')).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await harness.call('documents.texts.get', {})).customised, { timeout: 20_000 }).toEqual([]);
});

test('a building of 12 houses: one PDF, nine A4 pages a house, every owner and room', async ({ harness }) => {
  const preview = await harness.call('documents.print.preview', { document: 'moveInPacket', houseIds, date: '2026-12-20', place: '5栋一楼大堂' });
  expect(preview.pages).toBe(houseIds.length * PACKET_PARTS.length);
  expect(preview.fileName).toBe(`入住资料包-5栋-${houseIds.length}户.pdf`);
  const file = join(harness.dataDir, 'packet.pdf');
  writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'));
  const text = pdfText(file);
  const flat = text.replace(/\s+/g, '');
  for (const name of OWNERS) expect(flat).toContain(`尊敬的${name}：`);
  for (const room of ['5栋1单元101', '5栋2单元602']) expect(flat).toContain(room);
  expect(flat).toContain('2026年12月20日');
  expect(flat).toContain('5栋一楼大堂');
  expect(flat).toContain('139****1000');
  expect(flat).not.toContain('13912341000');
  // one part a page: pdftotext separates pages with a form feed; page 3 of house 2 is its 业主信息登记表
  const pages = text.split('\f');
  expect(pages[PACKET_PARTS.length + 2].replace(/\s+/g, '')).toContain('业主信息登记表');
  expect(pages[PACKET_PARTS.length + 2]).toContain(OWNERS[1]);
});

test('every text at its longest still prints each part on one A4 page', async ({ harness }) => {
  const long = (n: number, line: string) => Array.from({ length: n }, (_, i) => `${i + 1}. ${line}`).join('\n');
  await harness.call('documents.texts.update', {
    noticeBody: `尊敬的{{业主}}：\n${long(12, '请于{{日期}}到{{地点}}办理{{房号}}的入住手续，逾期未办理的视为已交付，物业服务费自通知的交付之日起计收，详情请致电{{服务电话}}咨询。')}`,
    whatToBring: long(30, '身份证原件及复印件'),
    processSteps: long(20, '核验身份证件、入住通知书和购房合同|客服中心'),
    keysDefault: long(20, '入户门钥匙 3'),
    renovationRules: long(60, '装修期间请遵守小区管理规约，爱护公共设施，不得拆改承重结构和外立面，装修垃圾须袋装后运到指定地点，施工时间按规定执行。').slice(
      0,
      5000,
    ),
    handbook: '请遵守小区管理规约，爱护公共设施。'.repeat(300).slice(0, 5000),
    cardGreeting: long(40, '愿新居带给您和家人温馨、平安与幸福！'),
  });
  const preview = await harness.call('documents.print.preview', {
    document: 'moveInPacket',
    houseIds: [houseIds[0]],
    date: '2026-12-20',
    place: '5栋一楼大堂',
  });
  expect(preview.pages).toBe(PACKET_PARTS.length);
  const file = test.info().outputPath('long.pdf');
  writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'));
  const pages = pdfText(file).split('\f');
  // the signatures under the 须知 and the seal of the notice stayed on their page
  expect(pages[6].replace(/\s+/g, '')).toContain('业主签字');
  expect(pages[0].replace(/\s+/g, '')).toContain('5栋一楼大堂');
});
