import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFileName, writeSavedFile } from '../../../electron/shell-common/saved-file';
import { harnessShellHandlers } from '../../../electron/harness/shell-handlers';
import { createLogFile } from '../../../electron/shell-common/log-file';
import { UserError } from '../../../electron/core/errors';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fd-save-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('safeFileName', () => {
  it('keeps Chinese names and drops paths and forbidden characters', () => {
    expect(safeFileName('3栋 住户名单.xlsx')).toBe('3栋 住户名单.xlsx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\报表.xlsx')).toBe('报表.xlsx');
    expect(safeFileName('a<b>c:d"e|f?g*.docx')).toBe('a_b_c_d_e_f_g_.docx');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('...')).toBe('导出文件');
    expect(safeFileName('.hidden')).toBe('hidden');
  });
  it('shortens very long names but keeps the extension', () => {
    const name = safeFileName(`${'很长的名字'.repeat(40)}.xlsx`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('.xlsx')).toBe(true);
  });
});

describe('writeSavedFile', () => {
  it('turns a write failure into a Chinese FILE error', async () => {
    const target = join(tempDir(), 'no-such-folder', 'x.txt');
    const err = await writeSavedFile(target, b64('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('FILE');
    expect((err as UserError).message).toContain('目标文件夹不存在');
  });
});

describe('harness system.files.save', () => {
  it('writes into <data-dir>/downloads and never overwrites an earlier file', async () => {
    const dir = tempDir();
    const save = harnessShellHandlers(dir, createLogFile(join(dir, 'logs')))['system.files.save'];
    const first = await save({ fileName: '../月报.xlsx', dataBase64: b64('一') });
    const second = await save({ fileName: '月报.xlsx', dataBase64: b64('二') });
    expect(first).toEqual({ saved: true, path: join(dir, 'downloads', '月报.xlsx') });
    expect(second).toEqual({ saved: true, path: join(dir, 'downloads', '月报 (1).xlsx') });
    expect(readFileSync(first.path!, 'utf8')).toBe('一');
    expect(readFileSync(second.path!, 'utf8')).toBe('二');
    expect(existsSync(join(dir, '月报.xlsx'))).toBe(false);
  });
});
