import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreDatabase } from '../../../electron/core/backup/restore';
import { KNOWN_SCHEMA_VERSION } from '../../../electron/core/backup/inspect';
import { migrations } from '../../../electron/core/db/migrations';
import { tempDb, type TempDb } from '../search/fixture';

// A backup from a newer program is refused with the versions that tell the admin what to do: the
// backup's newest migration against this program's. Before, an unknown migration at the same count
// read "数据版本 11，本程序只支持到版本 11".

const open: TempDb[] = [];
afterEach(async () => {
  while (open.length) await open.pop()?.cleanup();
});
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const newest = Object.keys(migrations).sort().at(-1) ?? '';

/** A database-only backup of a fresh database, altered by `change` as a newer program would have left it. */
async function backupFromNewer(change: (db: Database.Database) => void) {
  const t = await tempDb();
  open.push(t);
  const bk = join(t.dir, 'newer.sqlite');
  await t.ctx.sqlite.backup(bk);
  await t.opened.close();
  const db = new Database(bk);
  db.pragma('journal_mode = DELETE');
  change(db);
  db.close();
  return { t, bk, before: hash(t.file) };
}

describe('restore of a backup from a newer program', () => {
  it('names the unknown migration when the count is the same', async () => {
    const { t, bk, before } = await backupFromNewer((db) => {
      // another branch's program: the same number of steps, the last one different
      db.prepare('update kysely_migration set name = ? where name = ?').run('0011_future_step', newest);
    });
    const err = (await restoreDatabase({ from: bk, dbFile: t.file }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('0011_future_step');
    expect(err.message).toContain(newest);
    expect(err.message).not.toMatch(new RegExp(`数据版本 ${KNOWN_SCHEMA_VERSION}.*只支持到版本 ${KNOWN_SCHEMA_VERSION}`));
    expect(err.message).toContain('当前数据库未做任何改动');
    expect(hash(t.file)).toBe(before);
  });

  it('names the backup version and its newest step against this program', async () => {
    const { t, bk, before } = await backupFromNewer((db) => {
      db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('0012_staff_accounts', new Date().toISOString());
      db.pragma(`user_version = ${KNOWN_SCHEMA_VERSION + 1}`);
    });
    const err = (await restoreDatabase({ from: bk, dbFile: t.file }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(`数据版本 ${KNOWN_SCHEMA_VERSION + 1}（0012_staff_accounts）`);
    expect(err.message).toContain(`版本 ${KNOWN_SCHEMA_VERSION}（${newest}）`);
    expect(err.message).toContain('请先升级程序');
    expect(hash(t.file)).toBe(before);
  });
});
