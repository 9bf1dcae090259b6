// Checks the e2e plumbing itself: each test gets a fresh harness, the page runs under the CSP
// without violations, and `seed` prepares data through the core before the page opens.
import { test, expect } from './harness';

test('serves the built app under the CSP, talking to a fresh database', async ({ page, harness }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('pageerror', (err) => violations.push(`pageerror: ${err.message}`));

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page).toHaveTitle('FrontDesk 物业服务中心前台');
  // the React app rendered something readable (whatever the first screen is)
  await expect(page.locator('#root')).toContainText(/\S/);

  const status = await page.evaluate(async () => {
    const res = await fetch('/api/system.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return res.json();
  });
  expect(status).toMatchObject({ ok: true, value: { firstRun: true, shell: 'harness', dbPath: harness.dbFile } });
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(violations).toEqual([]);
});

test.describe('with seed', () => {
  test.use({
    seed: {
      run: async (call) => {
        await call('system.setup', { estateName: '测试花园', demo: false });
      },
    },
  });

  test('the seeded estate is there before the page opens', async ({ harness }) => {
    const status = await harness.call('system.status', {});
    expect(status.firstRun).toBe(false);
    expect(status.estates.map((e) => e.name)).toEqual(['测试花园']);
  });
});
