// The log file behind 查看日志: entries in China time, a size cap with rotation, never a thrown error;
// and the harness writing to <data-dir>/logs through system.log.write and on unexpected errors.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, createLogFile, describeError } from '../../../electron/shell-common/log-file';
import { startHarness } from '../../../electron/harness/server';
import { TEST_ADMIN } from '../helpers/temp-core';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fd-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('log file', () => {
  it('writes one line per entry in China time, with the stack indented below', () => {
    const dir = join(tempDir(), 'logs');
    // 2026-03-01 01:30 UTC is 09:30 in Shanghai (the suite runs under TZ=America/Los_Angeles)
    const log = createLogFile(dir, { now: () => new Date('2026-03-01T01:30:05Z') });
    const err = new Error('数据库已锁定', { cause: new Error('SQLITE_BUSY') });
    log.write('error', 'renderer', '界面出错\n第二行', err);
    log.write('info', 'main', '已启动');
    const text = readFileSync(join(dir, 'frontdesk.log'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('2026-03-01 09:30:05 ERROR [renderer] 界面出错 第二行');
    expect(lines[1]).toBe('    Error: 数据库已锁定');
    expect(text).toContain('    原因 / cause: Error: SQLITE_BUSY');
    expect(text.trimEnd().split('\n').at(-1)).toBe('2026-03-01 09:30:05 INFO  [main] 已启动');
    expect(log.path).toBe(join(dir, 'frontdesk.log'));
  });

  it('rotates past the size cap and keeps only the newest files', () => {
    const dir = tempDir();
    const log = createLogFile(dir, { maxBytes: 1000, keep: 2 });
    for (let i = 0; i < 100; i++) log.write('error', 'renderer', `错误 第${String(i).padStart(3, '0')}条`, 'x'.repeat(40));
    expect(readdirSync(dir).sort()).toEqual(['frontdesk.1.log', 'frontdesk.2.log', 'frontdesk.log']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(1000);
    const current = readFileSync(join(dir, 'frontdesk.log'), 'utf8');
    const previous = readFileSync(join(dir, 'frontdesk.1.log'), 'utf8');
    // the newest entry is in the current file, the one before the rotation in .1, the oldest are gone
    expect(current).toContain('错误 第099条');
    expect(previous.length).toBeGreaterThan(0);
    expect(previous).not.toContain('错误 第099条');
    const all = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('');
    expect(all).not.toContain('错误 第000条');
  });

  it('by default rotates at 5 MiB and keeps three older files', () => {
    const dir = tempDir();
    const log = createLogFile(dir);
    // 40 entries of ~0.5 MiB: about 20 MiB written in all
    const chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; i < 40; i++) log.write('info', 'main', `第${i}段`, chunk);
    expect(readdirSync(dir).sort()).toEqual(['frontdesk.1.log', 'frontdesk.2.log', 'frontdesk.3.log', 'frontdesk.log']);
    for (const f of readdirSync(dir)) {
      expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(LOG_MAX_BYTES);
      // a rotated file was full: the next entry would not fit
      if (f !== 'frontdesk.log') expect(statSync(join(dir, f)).size).toBeGreaterThan(LOG_MAX_BYTES - 600 * 1024);
    }
    expect(LOG_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it('cuts an entry larger than half the cap instead of rotating everything away', () => {
    const dir = tempDir();
    const log = createLogFile(dir, { maxBytes: 4000 });
    log.write('info', 'main', '之前的记录');
    log.write('error', 'renderer', '很长的错误', '栈'.repeat(10_000));
    const text = readFileSync(join(dir, 'frontdesk.log'), 'utf8');
    expect(text).toContain('之前的记录');
    expect(text).toContain('…（已截断）');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4000);
    expect(existsSync(join(dir, 'frontdesk.1.log'))).toBe(false);
  });

  it('never throws when the folder cannot be written', () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const log = createLogFile(join(blocker, 'logs'));
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => log.write('error', 'main', '写不进去')).not.toThrow();
    } finally {
      console.error = quiet;
    }
    expect(log.tail()).toBe('');
  });

  it('tail returns the end of the file', () => {
    const dir = tempDir();
    const log = createLogFile(dir);
    for (let i = 0; i < 50; i++) log.write('warn', 'main', `第${i}条`);
    const end = log.tail(40);
    expect(end.length).toBeLessThanOrEqual(40);
    expect(end).toContain('第49条');
    expect(end).not.toContain('第10条');
  });

  it('describes errors, strings and other values', () => {
    expect(describeError('纯文本')).toBe('纯文本');
    expect(describeError({ code: 7 })).toBe('{"code":7}');
    expect(describeError(new TypeError('坏了'))).toMatch(/^TypeError: 坏了/);
  });
});

describe('harness log', () => {
  it('system.log.write appends to <data-dir>/logs/frontdesk.log; system.log.open returns its path and text', async () => {
    const dir = tempDir();
    const harness = await startHarness({ dbFile: join(dir, 'frontdesk.sqlite'), port: 0, dataDir: join(dir, 'data'), rendererDir: join(dir, 'none') });
    try {
      // 查看日志 and saving need a signed-in user (docs/ACCOUNTS.md); the window's error reports do not
      expect((await harness.dispatch('auth.setup', TEST_ADMIN)).ok).toBe(true);
      expect(harness.logFile).toBe(join(dir, 'data', 'logs', 'frontdesk.log'));
      const written = await harness.dispatch('system.log.write', { level: 'error', source: 'renderer', message: '界面出错：x is undefined', detail: 'at App' });
      expect(written).toEqual({ ok: true, value: { path: harness.logFile } });
      expect(readFileSync(harness.logFile, 'utf8')).toMatch(/ERROR \[renderer\] 界面出错：x is undefined\n {4}at App\n/);
      const opened = await harness.dispatch('system.log.open', {});
      expect(opened).toMatchObject({ ok: true, value: { path: harness.logFile, opened: false } });
      expect(opened.ok && (opened.value as { text: string }).text).toContain('界面出错：x is undefined');
      // a report too long for the screen is cut, not refused
      const long = await harness.dispatch('system.log.write', { level: 'warn', source: 'renderer', message: '长'.repeat(5000) });
      expect(long.ok).toBe(true);
    } finally {
      await harness.close();
    }
  });

  it('an unexpected error in a handler is answered in Chinese and lands in the log with its stack', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'data');
    const harness = await startHarness({ dbFile: join(dir, 'frontdesk.sqlite'), port: 0, dataDir, rendererDir: join(dir, 'none') });
    try {
      expect((await harness.dispatch('auth.setup', TEST_ADMIN)).ok).toBe(true);
      // a file where the downloads folder should be: mkdir fails with a plain Node error, not a UserError
      writeFileSync(join(dataDir, 'downloads'), '');
      const quiet = console.error;
      console.error = () => {};
      const r = await harness.dispatch('system.files.save', { fileName: '报表.xlsx', dataBase64: 'eA==' }).finally(() => (console.error = quiet));
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(!r.ok && r.error.message).toContain('查看日志');
      const text = readFileSync(harness.logFile, 'utf8');
      expect(text).toContain('ERROR [main] [system.files.save] 程序内部错误');
      expect(text).toMatch(/E(EXIST|NOTDIR)/);
    } finally {
      await harness.close();
    }
  });
});
