import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schemaVersion } from '../../../electron/core/db/connection';
import { migrations } from '../../../electron/core/db/migrations';

describe('database core', () => {
  it('migrates a new file with WAL and foreign keys, records the version, and is idempotent on reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-mig-'));
    const file = join(dir, 'a.sqlite');
    const first = await openDatabase({ file });
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(first.sqlite)).toBe(Object.keys(migrations).length);
    const applied = first.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((a) => a.name)).toEqual(Object.keys(migrations).sort());
    // foreign keys are enforced
    expect(() =>
      first.sqlite.prepare("insert into buildings (estate_id, name, code, sort_key, created_at, updated_at) values (999, 'x', 'x', 'x', '', '')").run(),
    ).toThrow(/FOREIGN KEY/);
    await first.close();
    const again = await openDatabase({ file });
    expect((again.sqlite.prepare('select count(*) n from kysely_migration').get() as { n: number }).n).toBe(Object.keys(migrations).length);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migration names are numbered and in order', () => {
    const names = Object.keys(migrations);
    names.forEach((n, i) => expect(n).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_`)));
  });
});
