import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KNOWN_SCHEMA_VERSION } from '../../../electron/core/backup/inspect';

// The CLI as an admin runs it: a separate process, `tsx electron/cli/main.ts ...`.
const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(tsx, ['electron/cli/main.ts', ...args], { cwd: root, env: { ...process.env, INIT_CWD: root, FRONTDESK_DEBUG: '' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(`select count(*) from ${table}`).pluck().get());
  } finally {
    db.close();
  }
};
const noStack = (r: Run) => expect(r.stderr).not.toMatch(/\n\s+at /);

describe('command line', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fd-cli-'));
    db = join(dir, 'data', 'frontdesk.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints Chinese help with no arguments', async () => {
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toContain('seed-demo');
    expect(r.stdout).toContain('import-roster');
  });

  it('exits 2 on usage errors', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的命令');
    const missing = await cli('backup', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少 --out');
    const badOpt = await cli('seed-demo', '--db', db, '--hauses', '3');
    expect(badOpt.code).toBe(2);
    expect(badOpt.stderr).toContain('未知的选项 --hauses');
    const badNum = await cli('seed-demo', '--db', db, '--houses', 'many');
    expect(badNum.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it('seed-demo fills a new database once and refuses the second time with exit 1', async () => {
    const r = await cli('seed-demo', '--db', db, '--houses', '60', '--estate', '命令行花园');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('房屋 60 户');
    expect(count(db, 'houses')).toBe(60);
    const again = await cli('seed-demo', '--db', db, '--houses', '60', '--estate', '命令行花园');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('该项目已有房屋数据，不能重复生成演示数据');
    noStack(again);
    expect(count(db, 'houses')).toBe(60);
  });

  it('migrate reports the version before and after', async () => {
    const same = await cli('migrate', '--db', db);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`数据版本 ${KNOWN_SCHEMA_VERSION}，已是最新`);
    const fresh = join(dir, 'fresh.sqlite');
    const r = await cli('migrate', '--db', fresh);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`数据版本 0 → ${KNOWN_SCHEMA_VERSION}`);
    const newer = join(dir, 'newer.sqlite');
    const n = new Database(newer);
    n.pragma(`user_version = ${KNOWN_SCHEMA_VERSION + 5}`);
    n.close();
    const refused = await cli('migrate', '--db', newer);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('较新版本');
  });

  it('backup into a folder, then restore it over a changed database', async () => {
    const out = join(dir, 'backups') + '/';
    const b = await cli('backup', '--db', db, '--out', out);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('备份完成');
    expect(b.stdout).toContain('已校验');
    const files = readdirSync(join(dir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^frontdesk-\d{8}-\d{6}\.tar$/);
    const backup = join(dir, 'backups', files[0]);

    const w = new Database(db);
    w.prepare('update people set name = ? where id = 1').run('后来改的');
    w.close();

    const r = await cli('restore', '--from', backup, '--db', db);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已从备份恢复');
    expect(r.stdout).toContain('before-restore');
    const check = new Database(db, { readonly: true });
    expect(check.prepare('select name from people where id = 1').pluck().get()).not.toBe('后来改的');
    check.close();
    expect(readdirSync(join(dir, 'data')).some((f) => /\.before-restore-\d{8}-\d{6}\.sqlite$/.test(f))).toBe(true);
  });

  it('restore refuses a file that is not a backup, with exit 1 and no stack trace', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database '.repeat(500));
    const r = await cli('restore', '--from', junk, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未做任何改动');
    noStack(r);
  });

  it('backup of a missing database fails with exit 1 and creates nothing', async () => {
    const missing = join(dir, 'missing.sqlite');
    const r = await cli('backup', '--db', missing, '--out', join(dir, 'x.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('数据库文件不存在');
    expect(existsSync(missing)).toBe(false);
  });
});
