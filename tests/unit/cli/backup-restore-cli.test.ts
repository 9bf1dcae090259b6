import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { KNOWN_SCHEMA_VERSION } from '../../../electron/core/backup/inspect';
import { createCore } from '../../../electron/core/index';
import { signInTestAdmin } from '../helpers/temp-core';

// issue 11, done when: `npm run cli -- restore` refuses a junk file, a truncated backup and a backup
// from a newer schema, each with a Chinese reason and the live database untouched. Also: `backup
// --out /proc/x/y` spun at 100 % CPU (Node's recursive mkdir loops on procfs) and must fail in Chinese.

const root = resolve(__dirname, '../../..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    // node itself with tsx's loader (not the tsx wrapper), so a timeout's SIGKILL reaches the process that hangs
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', ...args],
      // a hung command is killed: the test then fails on its exit, instead of hanging the suite
      { cwd: root, timeout: 90_000, killSignal: 'SIGKILL', env: { ...process.env, INIT_CWD: root, FRONTDESK_DEBUG: '' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        done({ code, signal: err?.signal ?? null, stdout, stderr });
      },
    );
  });
}
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(3000, 7)]);
const chinese = /[\u4e00-\u9fa5]/;

describe('backup and restore on the command line', () => {
  let dir: string;
  let db: string;
  let backup: string;
  const live = () => {
    const d = new Database(db, { readonly: true });
    try {
      return {
        hash: sha(db),
        person: d.prepare('select name from people where id = 1').pluck().get(),
        photos: Number(d.prepare('select count(*) from attachments').pluck().get()),
      };
    } finally {
      d.close();
    }
  };
  /** The live database and its photo folder are exactly as they were, and no restore left anything beside them. */
  const untouched = (before: ReturnType<typeof live>, photoFiles: string[]) => {
    expect(live()).toEqual(before);
    expect(
      readdirSync(join(dir, 'data', 'attachments'), { recursive: true })
        .map(String)
        .sort(),
    ).toEqual(photoFiles);
    expect(readdirSync(join(dir, 'data')).filter((f) => /before-restore|\.restore-/.test(f))).toEqual([]);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fd-cli-br-'));
    db = join(dir, 'data', 'frontdesk.sqlite');
    const s = await cli('seed-demo', '--db', db, '--houses', '30');
    expect(s.code, s.stderr).toBe(0);
    // one ticket with one photo, saved by the desk itself
    const core = await createCore({ file: db }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: '' }) });
    // the desk answers once someone is signed in (docs/ACCOUNTS.md)
    await signInTestAdmin(core.dispatch);
    const houseId = Number(core.ctx.sqlite.prepare('select id from houses order by id limit 1').pluck().get());
    const t = await core.dispatch('desk.tickets.create', {
      type: '报修',
      channel: '来访',
      houseId,
      category: '工程维修',
      urgency: '一般',
      description: '卫生间漏水',
      attachments: [{ fileName: '现场.png', dataBase64: png.toString('base64') }],
    });
    await core.close();
    expect(t.ok, JSON.stringify(t)).toBe(true);

    const b = await cli('backup', '--db', db, '--out', join(dir, 'backups') + '/');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('照片 1 张');
    const [name] = readdirSync(join(dir, 'backups'));
    expect(name).toMatch(/^frontdesk-\d{8}-\d{6}\.tar$/);
    backup = join(dir, 'backups', name);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const photoFiles = () =>
    readdirSync(join(dir, 'data', 'attachments'), { recursive: true })
      .map(String)
      .sort();

  it('refuses a junk file', async () => {
    const junk = join(dir, 'junk.tar');
    writeFileSync(junk, 'not a backup at all '.repeat(400));
    const before = live();
    const files = photoFiles();
    const r = await cli('restore', '--from', junk, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/不是本程序的备份.*当前数据库未做任何改动/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    untouched(before, files);
  });

  it('refuses a truncated backup', async () => {
    const cut = join(dir, 'cut.tar');
    copyFileSync(backup, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    const before = live();
    const files = photoFiles();
    const r = await cli('restore', '--from', cut, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/备份文件不完整.*当前数据库未做任何改动/);
    untouched(before, files);
  });

  it('refuses a truncated database-only backup of an earlier version, saying so', async () => {
    const old = join(dir, 'old.sqlite');
    const d = new Database(db, { readonly: true });
    await d.backup(old);
    d.close();
    const o = new Database(old);
    o.pragma('journal_mode = DELETE');
    o.close();
    truncateSync(old, Math.floor(statSync(old).size / 2));
    const before = live();
    const files = photoFiles();
    const r = await cli('restore', '--from', old, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/备份文件不完整.*当前数据库未做任何改动/);
    untouched(before, files);
  });

  it('refuses a backup from a newer schema', async () => {
    // a database-only backup that a newer program wrote (one more migration)
    const newer = join(dir, 'newer.sqlite');
    const d = new Database(db, { readonly: true });
    await d.backup(newer);
    d.close();
    const n = new Database(newer);
    n.pragma('journal_mode = DELETE');
    n.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('0099_from_the_future', new Date().toISOString());
    n.pragma(`user_version = ${KNOWN_SCHEMA_VERSION + 1}`);
    n.close();
    const before = live();
    const files = photoFiles();
    const r = await cli('restore', '--from', newer, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(chinese);
    expect(r.stderr).toContain(`数据版本 ${KNOWN_SCHEMA_VERSION + 1}（0099_from_the_future）`);
    expect(r.stderr).toContain('未做任何改动');
    untouched(before, files);
  });

  it('restores the backup with its photo, keeping the database and photos as they were aside', async () => {
    rmSync(join(dir, 'data', 'attachments'), { recursive: true, force: true });
    const r = await cli('restore', '--from', backup, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已从备份恢复');
    expect(r.stdout).toContain('照片 1 张');
    expect(photoFiles().filter((f) => f.endsWith('.png'))).toHaveLength(1);
    expect(readdirSync(join(dir, 'data')).some((f) => /\.before-restore-\d{8}-\d{6}\.sqlite$/.test(f))).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')('backup --out under /proc fails at once with a Chinese reason', async () => {
    const r = await cli('backup', '--db', db, '--out', '/proc/x/y');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/无法创建备份目录.*\/proc\/x/);
    expect(r.stderr).toMatch(chinese);
    expect(existsSync('/proc/x')).toBe(false);
  });
});
