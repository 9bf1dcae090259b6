import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importRosterCommand } from '../../../electron/cli/commands/import-roster';
import { MESSY_EXPECTED, makeMessyRoster } from '../../fixtures/roster/make-messy-roster';

let dir: string;
let roster: string;
let dbFile: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
  roster = join(dir, '阳光花园业主名册.xlsx');
  dbFile = join(dir, 'fd.sqlite');
  await makeMessyRoster(roster);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}
function countIn(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('import-roster command', () => {
  it('--json prints exactly one JSON object and imports into a default estate', async () => {
    const c = capture();
    const code = await importRosterCommand({ file: roster, db: dbFile, dryRun: false, json: true }, c.io);
    expect(code).toBe(0);
    expect(c.err).toEqual([]);
    const text = c.out.join('');
    expect(text.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(text);
    expect(Object.keys(out).sort()).toEqual(['accepted', 'created', 'rejected', 'warnings']);
    expect(out.accepted).toBe(MESSY_EXPECTED.accepted);
    expect(out.rejected).toEqual(MESSY_EXPECTED.rejected);
    expect(out.created).toEqual({ houses: 9, people: 10 });
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(countIn(dbFile, 'houses')).toBe(9);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('select name from estates').all()).toEqual([{ name: '默认项目' }]);
    // audit lines say the command line did it
    expect(db.prepare("select distinct actor from audit_log where action like 'import.%'").all()).toEqual([{ actor: '命令行' }]);
    db.close();

    // a second run creates nothing
    const c2 = capture();
    expect(await importRosterCommand({ file: roster, db: dbFile, dryRun: false, json: true }, c2.io)).toBe(0);
    expect(JSON.parse(c2.out.join('')).created).toEqual({ houses: 0, people: 0 });
    expect(countIn(dbFile, 'houses')).toBe(9);
  });

  it('--dry-run reports what would be created and writes nothing', async () => {
    const c = capture();
    expect(await importRosterCommand({ file: roster, db: dbFile, dryRun: true, json: true }, c.io)).toBe(0);
    const out = JSON.parse(c.out.join(''));
    expect(out.created).toEqual({ houses: 9, people: 10 });
    expect(out.rejected).toEqual(MESSY_EXPECTED.rejected);
    for (const table of ['estates', 'buildings', 'houses', 'people', 'occupancies', 'import_batches', 'audit_log']) expect(countIn(dbFile, table)).toBe(0);
  });

  it('without --json prints a Chinese summary with every rejected row', async () => {
    const c = capture();
    expect(await importRosterCommand({ file: roster, db: dbFile, dryRun: true, json: false }, c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('试运行（未写入数据库）');
    expect(text).toContain('接受 10 行，拒绝 3 行');
    expect(text).toContain('第12行：建筑面积不是数字：一百二十');
    expect(text).toContain('第15行：缺少房号');
  });

  it('exits 1 with a Chinese message when the file cannot be read, and leaves no database behind', async () => {
    const c = capture();
    expect(await importRosterCommand({ file: join(dir, 'missing.xlsx'), db: dbFile, dryRun: false, json: true }, c.io)).toBe(1);
    expect(c.out).toEqual([]);
    expect(c.err.join('')).toMatch(/无法读取文件：.*文件不存在/);
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, '序号,楼栋\n');
    const c2 = capture();
    expect(await importRosterCommand({ file: bad, db: dbFile, dryRun: false, json: true }, c2.io)).toBe(1);
    expect(c2.err.join('')).toContain('文件不是有效的 Excel 工作簿（.xlsx）');
    expect(c2.out).toEqual([]);
    expect(existsSync(dbFile)).toBe(false);
  });

  it('--estate picks an estate by name or id and refuses an unknown one', async () => {
    const c = capture();
    expect(await importRosterCommand({ file: roster, db: dbFile, dryRun: true, json: true, estate: '不存在的项目' }, c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/未找到项目“不存在的项目”/);
  });
});
