import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync, closeSync, writeFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase, backupTarget } from '../../../electron/core/backup/backup';
import { restoreDatabase } from '../../../electron/core/backup/restore';
import { KNOWN_SCHEMA_VERSION, inspectDatabase } from '../../../electron/core/backup/inspect';
import { openDatabase } from '../../../electron/core/db/connection';
import { seedDemo } from '../../../electron/core/demo/generate';
import { UserError } from '../../../electron/core/errors';
import { tempDb, type TempDb } from '../search/fixture';

const open: TempDb[] = [];
afterEach(async () => {
  while (open.length) await open.pop()?.cleanup();
});
const seeded = async (houses = 120) => {
  const t = await tempDb();
  open.push(t);
  await seedDemo(t.ctx, { houses, seed: 9 });
  return t;
};
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const countIn = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Number(db.prepare(`select count(*) from ${table}`).pluck().get());
  } finally {
    db.close();
  }
};

/** A backup as earlier versions wrote it: the database alone, one self-contained file. */
const databaseOnly = async (t: TempDb) => {
  const f = join(t.dir, 'old-backup.sqlite');
  await t.ctx.sqlite.backup(f);
  const db = new Database(f);
  db.pragma('journal_mode = DELETE');
  db.close();
  return f;
};

describe('backupDatabase', () => {
  it('writes a verified archive whose database is a self-contained copy with the same rows', async () => {
    const t = await seeded();
    const out = join(t.dir, 'backups', 'nightly.tar');
    const r = await backupDatabase(t.ctx.sqlite, out);
    expect(r.file).toBe(out);
    expect(r.bytes).toBe(statSync(out).size);
    expect(r.schemaVersion).toBe(KNOWN_SCHEMA_VERSION);
    expect(r.tables.houses).toBe(120);
    expect(r.tables.people).toBe(Number(t.ctx.sqlite.prepare('select count(*) from people').pluck().get()));
    // the database inside, taken out with plain tar
    const x = join(t.dir, 'x');
    mkdirSync(x);
    execFileSync('tar', ['-xf', out, '-C', x, 'frontdesk.sqlite']);
    const check = inspectDatabase(join(x, 'frontdesk.sqlite'));
    expect(check.problem).toBeNull();
    expect(check.tables).toEqual(r.tables);
    // one file, not a WAL database that needs its sidecar
    const db = new Database(join(x, 'frontdesk.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(readdirSync(join(t.dir, 'backups'))).toEqual(['nightly.tar']);
    // nothing left beside the database either
    expect(readdirSync(t.dir).filter((f) => f.includes('.backup-'))).toEqual([]);
  });

  it('sees rows still in the WAL (written but not checkpointed)', async () => {
    const t = await seeded(20);
    await t.ctx.db.updateTable('houses').set({ notes: '最新备注' }).where('id', '=', 1).execute();
    const out = join(t.dir, 'b.tar');
    await backupDatabase(t.ctx.sqlite, out);
    const db = new Database(execFileSync('tar', ['-xOf', out, 'frontdesk.sqlite']));
    expect(db.prepare('select notes from houses where id = 1').pluck().get()).toBe('最新备注');
    db.close();
  });

  it('refuses to back up onto the database itself, or into a .sqlite name', async () => {
    const t = await seeded(20);
    await expect(backupDatabase(t.ctx.sqlite, t.file)).rejects.toBeInstanceOf(UserError);
    await expect(backupDatabase(t.ctx.sqlite, join(t.dir, 'b.sqlite'))).rejects.toThrow('.tar');
    expect(countIn(t.file, 'houses')).toBe(20);
    expect(existsSync(join(t.dir, 'b.sqlite'))).toBe(false);
  });

  it('names the file by time when given a folder', () => {
    expect(backupTarget('/tmp/x/', new Date('2026-11-22T18:30:05Z'))).toBe('/tmp/x/frontdesk-20261123-023005.tar');
  });

  it('refuses a folder it cannot create with a Chinese reason instead of spinning', async () => {
    const t = await seeded(20);
    // a dangling symlink: Node's recursive mkdir loops on it as on /proc
    symlinkSync(join(t.dir, 'gone'), join(t.dir, 'dangling'));
    await expect(backupDatabase(t.ctx.sqlite, join(t.dir, 'dangling', 'out', 'b.tar'))).rejects.toThrow(/无法创建备份目录/);
    writeFileSync(join(t.dir, 'plain'), 'x');
    await expect(backupDatabase(t.ctx.sqlite, join(t.dir, 'plain', 'b.tar'))).rejects.toThrow(/是文件，不是文件夹/);
  });
});

describe('restoreDatabase', () => {
  it('round trip: backup, change, restore brings the data back and keeps the changed db aside', async () => {
    const t = await seeded();
    const bk = join(t.dir, 'bk.tar');
    await backupDatabase(t.ctx.sqlite, bk);
    // change after the backup: a house voided, a person renamed
    await t.ctx.db.updateTable('houses').set({ voided_at: '2026-11-22T09:00:00Z', void_reason: '测试' }).where('id', '=', 1).execute();
    await t.ctx.db.updateTable('people').set({ name: '改过的名字' }).where('id', '=', 1).execute();
    await t.opened.close();

    const r = await restoreDatabase({ from: bk, dbFile: t.file, now: new Date('2026-11-22T09:30:00Z') });
    expect(r.safetyCopy).toBe(`${t.file}.before-restore-20261122-173000.sqlite`);
    expect(existsSync(`${t.file}-wal`)).toBe(false);

    const back = await openDatabase({ file: t.file });
    expect(await back.db.selectFrom('houses').select('voided_at').where('id', '=', 1).executeTakeFirst()).toEqual({ voided_at: null });
    const name = await back.db.selectFrom('people').select('name').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(name.name).not.toBe('改过的名字');
    expect(
      Number(
        (
          await back.db
            .selectFrom('houses')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(120);
    await back.close();

    // the safety copy holds the database as it was just before the restore
    const safety = r.safetyCopy ?? '';
    const db = new Database(safety, { readonly: true });
    expect(db.prepare('select name from people where id = 1').pluck().get()).toBe('改过的名字');
    expect(db.prepare('pragma integrity_check').pluck().get()).toBe('ok');
    db.close();
  });

  it('refuses a corrupt database-only backup (earlier versions) and leaves the current database untouched', async () => {
    const t = await seeded();
    const bk = await databaseOnly(t);
    await t.opened.close();
    const bad = join(t.dir, 'bad.sqlite');
    copyFileSync(bk, bad);
    // scribble over the middle of the file: b-tree pages, not the header
    const fd = openSync(bad, 'r+');
    const size = statSync(bad).size;
    writeSync(fd, Buffer.alloc(16 * 4096, 0x5a), 0, 16 * 4096, Math.floor(size / 3 / 4096) * 4096);
    closeSync(fd);
    const before = hash(t.file);

    const err = await restoreDatabase({ from: bad, dbFile: t.file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/备份文件无法使用.*未做任何改动/);
    expect(hash(t.file)).toBe(before);
    expect(readdirSync(t.dir).filter((f) => f.includes('before-restore') || f.includes('.restore-'))).toEqual([]);
  });

  it('refuses a file that is not a database, or not ours, or missing', async () => {
    const t = await seeded(20);
    await t.opened.close();
    const junk = join(t.dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text '.repeat(200));
    await expect(restoreDatabase({ from: junk, dbFile: t.file })).rejects.toThrow('不是有效的数据库文件');
    const other = join(t.dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('create table notes (x text)');
    o.close();
    await expect(restoreDatabase({ from: other, dbFile: t.file })).rejects.toThrow('不是本程序的数据库备份');
    await expect(restoreDatabase({ from: join(t.dir, 'nope.sqlite'), dbFile: t.file })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(countIn(t.file, 'houses')).toBe(20);
  });

  it('refuses a backup from a newer program', async () => {
    const t = await seeded(20);
    const bk = await databaseOnly(t);
    await t.opened.close();
    const db = new Database(bk);
    db.pragma(`user_version = ${KNOWN_SCHEMA_VERSION + 1}`);
    db.close();
    const before = hash(t.file);
    await expect(restoreDatabase({ from: bk, dbFile: t.file })).rejects.toThrow('较新版本');
    expect(hash(t.file)).toBe(before);
  });

  it('refuses while the database is open elsewhere', async () => {
    const t = await seeded(20);
    const bk = join(t.dir, 'bk.tar');
    await backupDatabase(t.ctx.sqlite, bk);
    // t's connection is still open, as a running app's would be
    await expect(restoreDatabase({ from: bk, dbFile: t.file })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readdirSync(t.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('restores onto a machine with no database yet', async () => {
    const t = await seeded(20);
    const bk = join(t.dir, 'bk.tar');
    await backupDatabase(t.ctx.sqlite, bk);
    const target = join(t.dir, 'new', 'frontdesk.sqlite');
    mkdirSync(join(t.dir, 'new'));
    const r = await restoreDatabase({ from: bk, dbFile: target });
    expect(r.safetyCopy).toBeNull();
    expect(countIn(target, 'houses')).toBe(20);
  });
});
