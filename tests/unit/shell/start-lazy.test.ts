// Start fast (docs/PERFORMANCE.md, "Start"): a harness answers its first call before the heavy
// libraries are loaded; each loads on the first call that needs it, and the print engine warms up
// after the first answer. (exceljs, pdf-lib, subset-font and playwright-core are CommonJS, so a load
// shows in require.cache; each test file runs in a fresh worker.)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { signInTestAdmin } from '../helpers/temp-core';
import { lazyGroup } from '../../../electron/core/dispatch';

const cache = createRequire(import.meta.url).cache;
const loaded = (pkg: string): boolean => Object.keys(cache).some((path) => path.includes(`/node_modules/${pkg}/`));
const HEAVY = ['exceljs', 'pdf-lib', 'subset-font', 'playwright-core'];

let dir: string;
let harness: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fd-start-lazy-'));
  harness = await startHarness({ dbFile: join(dir, 'frontdesk.sqlite'), port: 0, dataDir: dir, rendererDir: join(dir, 'no-renderer') });
  // calls are answered once someone is signed in (docs/ACCOUNTS.md)
  await signInTestAdmin(harness.dispatch);
});
afterAll(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, ms = 60_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

describe('a harness starting', () => {
  it('answers its first call with none of the heavy libraries loaded', async () => {
    const status = await harness.dispatch('system.status', {});
    expect(status).toMatchObject({ ok: true, value: { firstRun: true, shell: 'harness' } });
    expect(HEAVY.filter(loaded)).toEqual([]);
  });

  it('warms the print engine once the first HTTP call is answered', async () => {
    const res = await fetch(`${harness.url}/api/system.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    expect(await until(() => loaded('playwright-core') && loaded('pdf-lib'))).toBe(true);
  });

  it('loads the workbook writer on the first export, which then answers as before', async () => {
    const setup = await harness.dispatch('system.setup', { estateName: '测试花园', demo: false });
    expect(setup.ok).toBe(true);
    const estateId = (setup as { value: { estateId: number } }).value.estateId;
    expect(loaded('exceljs')).toBe(false);
    const xlsx = await harness.dispatch('reports.monthly.xlsx', { estateId, month: '2026-11' });
    expect(xlsx).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.xlsx$/) } });
    // a real workbook: a zip
    expect(
      Buffer.from((xlsx as { value: { dataBase64: string } }).value.dataBase64, 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(loaded('exceljs')).toBe(true);
  });
});

describe('lazyGroup', () => {
  it('answers every channel of the prefix from one load, and tries a failed load again', async () => {
    let loads = 0;
    let fail = true;
    const group = lazyGroup('imports.ledger.', async () => {
      loads++;
      if (fail) throw new Error('加载失败');
      const answer = async () => {
        throw new Error('不应调用');
      };
      return {
        'imports.ledger.preview': answer,
        'imports.ledger.remap': answer,
        'imports.ledger.commit': answer,
        'imports.ledger.report': async (input: { token: string }) => ({ fileName: input.token, dataBase64: '' }),
      };
    });
    expect(Object.keys(group).sort()).toEqual(['imports.ledger.commit', 'imports.ledger.preview', 'imports.ledger.remap', 'imports.ledger.report']);
    expect(loads).toBe(0);
    await expect(group['imports.ledger.report']({ token: 'a' })).rejects.toThrow('加载失败');
    fail = false;
    const [a, b] = await Promise.all([group['imports.ledger.report']({ token: 'b' }), group['imports.ledger.report']({ token: 'c' })]);
    expect([a.fileName, b.fileName]).toEqual(['b', 'c']);
    expect(loads).toBe(2);
  });
});
