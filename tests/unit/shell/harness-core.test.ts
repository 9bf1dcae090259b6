// The whole harness over a real database file: HTTP → core dispatcher → SQLite, and the shell's file saving.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startHarness, type Harness } from '../../../electron/harness/server';
import { signInTestAdmin } from '../helpers/temp-core';

let dir: string;
let harness: Harness;

const post = async (channel: string, body: unknown) => {
  const res = await fetch(`${harness.url}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fd-harness-core-'));
  harness = await startHarness({ dbFile: join(dir, 'db', 'frontdesk.sqlite'), port: 0, dataDir: join(dir, 'data'), rendererDir: join(dir, 'no-renderer') });
  // calls are answered once someone is signed in (docs/ACCOUNTS.md)
  await signInTestAdmin(harness.dispatch);
});
afterAll(async () => {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startHarness', () => {
  it('prints a loopback URL on a free port', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.port).toBeGreaterThan(0);
  });

  it('answers system.status from the real database', async () => {
    const r = await post('system.status', {});
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ shell: 'harness', firstRun: true, dbPath: join(dir, 'db', 'frontdesk.sqlite') });
  });

  it('validates input and rejects unknown channels in Chinese', async () => {
    expect(await post('system.nope', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await post('system.setup', { estateName: '', demo: false });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(bad.error?.message).toContain('请填写项目名称');
  });

  it('saves files into <data-dir>/downloads', async () => {
    const r = await post('system.files.save', { fileName: '住户名单.xlsx', dataBase64: Buffer.from('表格').toString('base64') });
    expect(r).toEqual({ ok: true, value: { saved: true, path: join(dir, 'data', 'downloads', '住户名单.xlsx') } });
    expect(readFileSync(join(dir, 'data', 'downloads', '住户名单.xlsx'), 'utf8')).toBe('表格');
  });

  it('closes the database on close, leaving a file another process can open', async () => {
    const other = await startHarness({ dbFile: join(dir, 'second.sqlite'), port: 0 });
    await other.close();
    await other.close(); // idempotent
    expect(existsSync(join(dir, 'second.sqlite'))).toBe(true);
    const db = new Database(join(dir, 'second.sqlite'), { readonly: true });
    expect(Number(db.pragma('user_version', { simple: true }))).toBeGreaterThan(0);
    db.close();
    await expect(fetch(`${other.url}/api/system.status`, { method: 'POST' })).rejects.toThrow();
  });
});
