import Database from 'better-sqlite3';
import { test, expect } from '../support/harness';

// A 前台客服 at the counter (docs/PRIVACY.md): numbers masked like everyone's; 显示 for a phone, none for the
// ID number (ids.full is 客服主管 and 管理员 only); the settings page says what this role may reveal.
const SLOW = { timeout: 30_000 };
const ADMIN = { username: 'wang', displayName: '王主任', password: 'secret1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'secret2' };

test.describe.configure({ timeout: 120_000 });
test.use({
  viewport: { width: 1366, height: 768 },
  account: null,
  seed: {
    run: async (call) => {
      await call('auth.setup', ADMIN);
      const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
      const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
      const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
      await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '王芳', phone: '13812345678', idNumber: '11010519491231002X' } });
      await call('users.create', { ...CLERK, role: 'clerk' });
      await call('auth.logout', {});
    },
  },
});

test('a clerk sees both numbers masked, may reveal the phone and has no 显示 for the ID number', async ({ page, harness }) => {
  await page.goto('/');
  await expect(page.getByTestId('sign-in')).toBeVisible(SLOW);
  await page.getByTestId('signin-username').fill(CLERK.username);
  await page.getByTestId('signin-password').fill(CLERK.password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('header-user-name')).toHaveText('小李', SLOW);

  await page.getByTestId('nav-buildings').click();
  await page.getByTestId('map-cell').filter({ hasText: '1502' }).click();
  await expect(page.getByTestId('household-title')).toHaveText('3栋2单元1502', SLOW);
  const row = page.getByTestId('occupant-row').first();
  const id = row.getByTestId('person-id');
  await expect(id).toContainText('110***********002X', SLOW);
  await expect(id.getByRole('button', { name: '显示完整证件号码' })).toHaveCount(0);
  const phone = row.getByTestId('occupant-phone');
  await expect(phone).toContainText('138****5678');
  await phone.getByRole('button', { name: '显示完整联系电话' }).click();
  await expect(phone).toContainText('13812345678', SLOW);
  await expect(id).toContainText('110***********002X');
  await page.screenshot({ path: test.info().outputPath('clerk-household.png') });

  // the one reveal is on record under the clerk's name, naming the field and not the number
  const db = new Database(harness.dbFile, { readonly: true });
  const rows = db.prepare('select actor, entity, action, detail from audit_log where action = ?').all('reveal');
  db.close();
  expect(rows).toEqual([{ actor: '小李', entity: 'person', action: 'reveal', detail: expect.stringContaining('"field":"phone"') }]);
  expect(JSON.stringify(rows)).not.toContain('13812345678');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-privacy')).toBeVisible(SLOW);
  await expect(page.getByText('完整证件号码仅客服主管和管理员可以查看')).toBeVisible();
});
