import { test, expect, openApp, type HarnessFixtures } from '../support/harness';

// The household file (docs/PRIVACY.md): phones and the ID number are masked on screen for every role;
// 显示 asks main for one number and leaves an audit line (ID numbers need ids.full: the harness user is
// 管理员); 编辑人员 opens with the masked values and saving them unchanged keeps the stored numbers.
// Waits are sized for a loaded 2-core machine.
const SLOW = { timeout: 20_000 };
const SHOTS = process.env.FRONTDESK_SHOTS;

test.use({
  viewport: { width: 1366, height: 768 },
  seed: {
    run: async (call) => {
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('archives.people.attach', {
        houseId: h.id,
        role: 'owner',
        person: {
          name: '王芳',
          phone: '13812345678',
          phone2: '13987654321',
          idNumber: '11010519491231002X',
          emergencyContact: '李强',
          emergencyPhone: '13700001234',
        },
      });
    },
  },
});
test.describe.configure({ timeout: 120_000 });

const reveals = async (harness: HarnessFixtures['harness']) => (await harness.call('audit.list', { action: 'reveal' })).rows.map((r) => r.summary);

test('the household shows 138****5678; 显示 gives the number, the ID number too for an administrator, each in 操作日志', async ({ page, harness }) => {
  await openApp(page);
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', SLOW);

  const row = page.getByTestId('occupant-row').first();
  const phone = row.getByTestId('occupant-phone');
  const id = row.getByTestId('person-id');
  await expect(phone).toContainText('138****5678', SLOW);
  await expect(id).toContainText('110***********002X');
  await expect(row.getByTestId('occupant-phone2')).toContainText('139****4321');
  await expect(row.getByTestId('occupant-emergency')).toContainText('137****1234');
  await expect(row).not.toContainText(/13812345678|11010519491231002X|13987654321|13700001234/);
  expect(await reveals(harness)).toEqual([]);

  await phone.getByRole('button', { name: '显示完整联系电话' }).click();
  await expect(phone).toContainText('13812345678', SLOW);
  await expect(phone.getByRole('button', { name: '显示完整联系电话' })).toHaveCount(0);
  // one number revealed, the others still masked
  await expect(id).toContainText('110***********002X');
  await page.screenshot({ path: test.info().outputPath('household-phone-revealed.png') });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/household-phone-revealed.png` });
  expect(await reveals(harness)).toEqual(['显示完整号码 住户 王芳：电话']);

  await id.getByRole('button', { name: '显示完整证件号码' }).click();
  await expect(id).toContainText('11010519491231002X', SLOW);

  // 操作日志 names both, never the numbers
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-title')).toHaveText('操作日志', SLOW);
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('显示完整号码 住户 王芳：证件号码', SLOW);
  await expect(table).toContainText('显示完整号码 住户 王芳：电话');
  await expect(table).not.toContainText(/13812345678|11010519491231002X/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/household-reveal-audit.png` });
});

test('编辑人员 opens with the masked numbers and a hint; saving them unchanged keeps the stored numbers', async ({ page, harness }) => {
  await openApp(page);
  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', SLOW);
  await page.getByTestId('occupant-row').first().getByTestId('person-edit').click();

  const phone = page.getByTestId('person-phone');
  await expect(phone).toHaveValue('138****5678', SLOW);
  await expect(page.getByTestId('person-idNumber')).toHaveValue('110***********002X');
  await expect(page.getByTestId('person-emergencyPhone')).toHaveValue('137****1234');
  await expect(page.getByRole('dialog').getByText('保持 * 不变即不修改')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('person-edit-masked.png') });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/person-edit-masked.png` });

  // a changed mask is not a number: the hint says so before saving, main refuses it on the field
  await phone.fill('138****0000');
  await expect(page.getByRole('dialog').getByText('电话号码不能包含 *，请输入完整号码').first()).toBeVisible();
  await phone.fill('138****5678');
  await page.getByTestId('person-save').click();
  await expect(page.getByTestId('person-phone')).toHaveCount(0, SLOW);

  // the stored numbers are the full ones still: the finder matches their whole digits
  const found = await harness.call('archives.people.find', { query: '13812345678' });
  expect(found.map((m) => m.person.name)).toEqual(['王芳']);
  expect((await harness.call('archives.people.find', { query: '11010519491231002X' })).map((m) => m.person.name)).toEqual(['王芳']);
  expect((await harness.call('privacy.reveal', { subject: 'person', id: found[0].person.id, field: 'emergencyPhone' })).value).toBe('13700001234');
});
