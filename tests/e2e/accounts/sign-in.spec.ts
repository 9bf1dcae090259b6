import type { Page } from '@playwright/test';
import { test, expect } from '../support/harness';

// issue 11 item 1 through the real window: first-run administrator, sign-in, lock, roles (docs/ACCOUNTS.md)
test.describe.configure({ timeout: 120_000 });

const ADMIN = { username: 'wang', displayName: '王主任', password: 'secret1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'secret2' };

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.getByTestId('signin-username').fill(who.username);
  await page.getByTestId('signin-password').fill(who.password);
  await page.getByTestId('signin-submit').click();
}

test.describe('a new database', () => {
  test.use({ account: null });

  test('first run creates the administrator, who is then signed in', async ({ page, harness }) => {
    await page.goto('/');
    await expect(page.getByTestId('setup-admin')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('setup-username').fill(ADMIN.username);
    await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-password2').fill('secret9');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
    await page.getByTestId('setup-password2').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    // signed in: the estate's own first run comes next
    await expect(page.getByText('欢迎使用')).toBeVisible({ timeout: 30_000 });
    const users = await harness.dispatch('users.list', {});
    expect(users).toMatchObject({ ok: true, value: [{ username: 'wang', displayName: '王主任', role: 'admin' }] });
  });
});

test.describe('signed-out window', () => {
  test.use({
    account: null,
    seed: {
      run: async (call) => {
        await call('auth.setup', ADMIN);
        const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
        const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
        const h = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
        await call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '王芳', phone: '13800001111' } });
        await call('users.create', { ...CLERK, role: 'clerk' });
        await call('auth.logout', {});
      },
    },
  });

  test('a wrong password says so without saying which; the right one opens the desk', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });
    await signIn(page, { username: 'wang', password: 'wrong-one' });
    await expect(page.getByTestId('form-error')).toHaveText('用户名或密码不正确');
    await page.screenshot({ path: test.info().outputPath('sign-in.png') });
    await signIn(page, ADMIN);
    await expect(page.getByTestId('header-user-name')).toHaveText('王主任', { timeout: 30_000 });
    await expect(page.getByTestId('header-user')).toContainText('管理员');
  });

  test('lock and unlock keep the desk; 切换用户 signs in someone else', async ({ page }) => {
    await page.goto('/');
    await signIn(page, ADMIN);
    await expect(page.getByTestId('header-user-name')).toHaveText('王主任', { timeout: 30_000 });
    await page.getByTestId('header-user').click();
    await page.getByTestId('header-lock').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByTestId('lock-screen')).toContainText('王主任');
    await page.getByTestId('lock-password').fill('nope-nope');
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-screen')).toContainText('密码不正确');
    await page.getByTestId('lock-password').fill(ADMIN.password);
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-screen')).toBeHidden();

    await page.getByTestId('header-user').click();
    await page.getByTestId('header-lock').click();
    await page.getByTestId('lock-switch-user').click();
    await signIn(page, CLERK);
    await expect(page.getByTestId('header-user-name')).toHaveText('小李', { timeout: 30_000 });
  });

  test('a clerk sees no 账号管理 nor 工单设置; 受理人 on a new ticket is the signed-in clerk', async ({ page, harness }) => {
    await page.goto('/');
    await signIn(page, CLERK);
    await expect(page.getByTestId('header-user')).toContainText('前台客服', { timeout: 30_000 });
    await expect(page.getByTestId('nav-deskSettings')).toHaveCount(0);
    await page.getByTestId('nav-settings').click();
    await expect(page.getByText('项目名称显示在顶部')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('accounts-table')).toHaveCount(0);
    await expect(page.getByTestId('settings-show-full-id')).toHaveCount(0);

    await page.getByTestId('nav-intake').click();
    await expect(page.getByTestId('intake-received-by')).toHaveValue('小李', { timeout: 30_000 });
    await page.getByTestId('intake-house-input').fill('3-2-1502');
    await page.getByTestId('intake-house-option').first().click();
    await expect(page.getByTestId('intake-house-picked')).toContainText('3栋2单元1502');
    await page.getByTestId('intake-category').fill('噪音扰民');
    await page.getByRole('option', { name: '噪音扰民' }).click();
    await page.getByTestId('intake-description').fill('楼上装修噪音');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('intake-ticket-no')).toHaveText(/^TS\d{8}-001$/, { timeout: 30_000 });
    const list = await harness.dispatch('desk.tickets.list', {});
    expect(list).toMatchObject({ ok: true, value: { rows: [{ category: '噪音扰民' }] } });
    const id = list.ok ? (list.value as { rows: { id: number }[] }).rows[0].id : 0;
    expect(await harness.dispatch('desk.tickets.get', { id })).toMatchObject({ ok: true, value: { ticket: { receivedBy: '小李' } } });
  });
});

test.describe('the harness administrator', () => {
  test.use({
    seed: {
      run: async (call) => {
        await call('system.setup', { estateName: '翠湖花园', demo: false });
      },
    },
  });

  test('an administrator adds a clerk in 设置 → 账号管理', async ({ page, harness }) => {
    await page.goto('/');
    await expect(page.getByTestId('header-user-name')).toHaveText('李静', { timeout: 30_000 });
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('accounts-table')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('accounts-row')).toHaveCount(1);
    await page.getByTestId('accounts-add').click();
    await page.getByTestId('user-username').fill('xiaochen');
    await page.getByTestId('user-display-name').fill('小陈');
    await page.getByTestId('user-password').fill('secret3');
    await page.getByTestId('user-password2').fill('secret3');
    await page.getByTestId('user-save').click();
    await expect(page.getByTestId('accounts-row')).toHaveCount(2);
    await expect(page.getByTestId('accounts-table')).toContainText('前台客服');
    await page.screenshot({ path: test.info().outputPath('accounts.png') });
    const users = await harness.dispatch('users.list', {});
    expect(users).toMatchObject({ ok: true, value: [{ username: 'admin' }, { username: 'xiaochen', displayName: '小陈', role: 'clerk' }] });
  });
});
