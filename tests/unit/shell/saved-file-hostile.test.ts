// Issue 11: a 1 MB file name froze the app for minutes, and two saves of one name at once wrote the same file.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../../../electron/shell-common/saved-file';
import { harnessShellHandlers } from '../../../electron/harness/shell-handlers';
import { createLogFile } from '../../../electron/shell-common/log-file';
import { tempCore } from '../helpers/temp-core';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fd-save-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('system.files.save refuses a file name no file system takes', () => {
  it('a 1 MB name is refused by the contract in Chinese, before the shell sees it', async () => {
    const core = await tempCore();
    try {
      const r = await core.dispatch('system.files.save', { fileName: `${'很长'.repeat(500_000)}.xlsx`, dataBase64: b64('x') });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields?.fileName).toMatch(/文件名.*255/);
      }
      const ok = await core.dispatch('system.files.save', { fileName: `${'名'.repeat(255)}`, dataBase64: b64('x') });
      expect(ok.ok).toBe(true);
      const empty = await core.dispatch('system.files.save', { fileName: '', dataBase64: b64('x') });
      expect(!empty.ok && empty.error.fields?.fileName).toBe('请填写文件名');
    } finally {
      await core.cleanup();
    }
  });

  it('shortening a huge name is one pass, not one byte count per character dropped', () => {
    // the old loop measured the whole name once per character it dropped (a million times here,
    // minutes of work): counted, and stopped early so the old code fails fast instead of freezing
    const real = Buffer.byteLength.bind(Buffer);
    let calls = 0;
    vi.spyOn(Buffer, 'byteLength').mockImplementation((...args: Parameters<typeof Buffer.byteLength>) => {
      if (++calls > 100) throw new Error('Buffer.byteLength called once per character');
      return real(...args);
    });
    const name = safeFileName(`${'长'.repeat(1_000_000)}.xlsx`);
    vi.restoreAllMocks();
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name.startsWith('长长')).toBe(true);
    // trailing dots and spaces over a huge run, and a name cut inside a surrogate pair
    expect(safeFileName(`x${'. '.repeat(300_000)}`)).toBe('x');
    expect(safeFileName(`${'. '.repeat(300_000)}`)).toBe('导出文件');
    const emoji = safeFileName('😀'.repeat(100));
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(200);
    expect(emoji).toBe('😀'.repeat(50));
  });
});

describe('concurrent saves of one name', () => {
  it('each lands in a file of its own ("月报 (1).xlsx", "月报 (2).xlsx" …), none overwritten', async () => {
    const dir = tempDir();
    const save = harnessShellHandlers(dir, createLogFile(join(dir, 'logs')))['system.files.save'];
    const contents = ['一', '二', '三', '四', '五', '六'];
    const results = await Promise.all(contents.map((c) => save({ fileName: '月报.xlsx', dataBase64: b64(c) })));
    const paths = results.map((r) => r.path);
    expect(new Set(paths).size).toBe(contents.length);
    expect(readdirSync(join(dir, 'downloads')).sort()).toEqual(
      ['月报.xlsx', '月报 (1).xlsx', '月报 (2).xlsx', '月报 (3).xlsx', '月报 (4).xlsx', '月报 (5).xlsx'].sort(),
    );
    results.forEach((r, i) => expect(readFileSync(r.path!, 'utf8')).toBe(contents[i]));
  });
});
