// Playwright fixtures: every test gets its own temporary database and data folder, served by an
// in-process harness on a free 127.0.0.1 port; `baseURL` points at it, so `page.goto('/')` opens the app.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Channel, Input, Output } from '../../../shared/contract';
import type * as HarnessServer from '../../../electron/harness/server';
import type { Harness } from '../../../electron/harness/server';

// The harness runs from the build (out/main/harness-server.js, or $FRONTDESK_OUT_DIR/main), like
// `npm run harness`: the code under test is the code that ships (docs/PERFORMANCE.md, "Start").
const outDir = process.env.FRONTDESK_OUT_DIR ? resolve(process.env.FRONTDESK_OUT_DIR) : resolve(dirname(fileURLToPath(import.meta.url)), '../../../out');
const builtServer = join(outDir, 'main', 'harness-server.js');
let server: Promise<typeof HarnessServer> | null = null;
function loadServer(): Promise<typeof HarnessServer> {
  if (!existsSync(builtServer)) throw new Error(`尚未构建（${builtServer}）：请先运行 npm run build。The app is not built: run npm run build first.`);
  return (server ??= import(pathToFileURL(builtServer).href) as Promise<typeof HarnessServer>);
}

/** Calls a channel straight through the core (no HTTP, no UI): for arranging test data. */
export type CallChannel = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

export interface HarnessFixtures {
  /**
   * Prepares the fresh database before the page opens. Override per file or group:
   * `test.use({ seed: { run: async (call) => { await call('system.setup', {...}) } } })`.
   * (An object, because Playwright would take a bare function for a fixture definition.)
   */
  seed: { run: (call: CallChannel) => Promise<void> } | null;
  /**
   * The administrator created and signed in through the core before the seed and the page
   * (docs/ACCOUNTS.md), so the page opens signed in; null: nobody, for the sign-in tests.
   */
  account: { username: string; displayName: string; password: string } | null;
  harness: Harness & { call: CallChannel };
}

/** The e2e administrator: named as the tests written before accounts set the staff name, so they read 李静 as 受理人. */
const E2E_ADMIN = { username: 'admin', displayName: '李静', password: 'admin-pass' } as const;

function callThrough(harness: Harness): CallChannel {
  return async (channel, input) => {
    const result = await harness.dispatch(channel, input);
    if (!result.ok) throw new Error(`准备测试数据失败 ${channel}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
    return result.value as Output<typeof channel>;
  };
}

export const test = base.extend<HarnessFixtures>({
  seed: [null, { option: true }],
  account: [E2E_ADMIN, { option: true }],
  harness: async ({ seed, account }, use, testInfo) => {
    const { DEFAULT_RENDERER_DIR, startHarness } = await loadServer();
    if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
      throw new Error(`界面尚未构建（${DEFAULT_RENDERER_DIR}）：请先运行 npm run build。The renderer is not built: run npm run build first.`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
    // this process has playwright-core loaded already: the print browser starts with the harness, as before
    const harness = await startHarness({ dbFile: join(dir, 'frontdesk.sqlite'), port: 0, dataDir: dir, warmPrinter: 'start' });
    const call = callThrough(harness);
    try {
      if (account) await call('auth.setup', account);
      if (seed) await seed.run(call);
      await use({ ...harness, call });
    } finally {
      await harness.close();
      // keep the database of a failed test for inspection
      if (testInfo.status === testInfo.expectedStatus) rmSync(dir, { recursive: true, force: true });
      else console.log(`[harness] 失败用例的数据保留在 ${dir}`);
    }
  },
  baseURL: async ({ harness }, use) => {
    await use(harness.url);
  },
});

export { expect };

/** Opens the app and waits until the frame (and so its Ctrl+K handler) is there. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  // the first page of a fresh harness competes with the print browser starting: allow a loaded machine's time
  await expect(page.getByTestId('search-open')).toBeVisible({ timeout: 30_000 });
}
