import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { createCore } from '../../../electron/core/index';
import { seedDemo } from '../../../electron/core/demo/generate';

// The planner's statistics are kept by the app itself (docs/PERFORMANCE.md): without them SQLite
// may pick a poor index on a large ticket table.
describe('query planner statistics', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  const statTables = (file: string) => {
    const raw = new Database(file, { readonly: true });
    try {
      const has = raw.prepare("select count(*) from sqlite_master where name = 'sqlite_stat1'").pluck().get();
      return has ? (raw.prepare('select distinct tbl from sqlite_stat1').pluck().all() as string[]) : [];
    } finally {
      raw.close();
    }
  };

  it('are gathered when a database with data but no statistics is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-stat-'));
    dirs.push(dir);
    const file = join(dir, 'f.sqlite');
    const core = await createCore({ file }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
    await seedDemo(core.ctx, { houses: 60, seed: 1 });
    core.ctx.sqlite.exec('drop table if exists sqlite_stat1');
    await core.close();
    // closing ran a plain optimize, which only looks at tables the connection queried: drop again to test the open
    const raw = new Database(file);
    raw.exec('drop table if exists sqlite_stat1');
    raw.close();
    expect(statTables(file)).toEqual([]);

    // read through the opened connection before it closes: the statistics come from the open itself
    const again = await openDatabase({ file });
    const tables = again.sqlite.prepare('select distinct tbl from sqlite_stat1').pluck().all();
    await again.close();
    expect(tables).toEqual(expect.arrayContaining(['houses', 'people', 'occupancies']));
  });
});
