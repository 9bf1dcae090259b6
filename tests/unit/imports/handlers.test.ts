import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosterPreview, RosterCommitResult, type RosterPreviewT } from '../../../shared/contract/imports';
import { SavedFile } from '../../../shared/contract/common';
import { tempCore, must } from '../helpers/temp-core';
import { MESSY_EXPECTED, messyRosterBuffer } from '../../fixtures/roster/make-messy-roster';
import { book, readXlsx } from './helpers';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const b64 = (b: Buffer) => b.toString('base64');
const n = (sql: string) => (core.ctx.sqlite.prepare(sql).get() as { n: number }).n;

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function estate(): Promise<number> {
  return ((await must(call('archives.estates.create', { name: '阳光花园' }) as never)) as { id: number }).id;
}
async function preview(input: Record<string, unknown>): Promise<RosterPreviewT> {
  return RosterPreview.parse(await must(call('imports.roster.preview', input) as never));
}

describe('imports.roster.* through the dispatcher', () => {
  it('preview → commit → report', async () => {
    const estateId = await estate();
    const p = await preview({ fileName: '阳光花园.xlsx', dataBase64: b64(await messyRosterBuffer()), estateId });
    expect(p.token).toMatch(/[0-9a-f-]{36}/);
    expect(p.headers[5]).toBe('建筑面积(㎡)');
    expect(p.rejected).toEqual(MESSY_EXPECTED.rejected);

    const result = RosterCommitResult.parse(await must(call('imports.roster.commit', { token: p.token }) as never));
    expect(result.created).toEqual({ houses: 9, people: 10 });
    expect(n('select count(*) n from houses')).toBe(9);

    // a second commit of the same session is refused, nothing doubles
    const again = await call('imports.roster.commit', { token: p.token });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');

    const report = SavedFile.parse(await must(call('imports.roster.report', { token: p.token }) as never));
    expect(report.fileName).toBe('名册导入报告-阳光花园.xlsx');
    const wb = await readXlsx(Buffer.from(report.dataBase64, 'base64'));
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '状态', '房屋', '业主', '原因']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lines: { row: number; status: string; house: string; reason: string }[] = [];
    ws.eachRow((r, i) => {
      if (i > 1)
        lines.push({
          row: Number(r.getCell(1).value),
          status: String(r.getCell(2).value),
          house: String(r.getCell(3).value ?? ''),
          reason: String(r.getCell(5).value),
        });
    });
    expect(lines.map((l) => l.row)).toEqual([6, 8, 12, 15, 17, 19]);
    expect(lines.find((l) => l.row === 12)).toMatchObject({ status: '拒绝', reason: '建筑面积不是数字：一百二十' });
    expect(lines.find((l) => l.row === 15)).toMatchObject({ status: '拒绝', reason: '缺少房号' });
    expect(lines.find((l) => l.row === 19)).toMatchObject({ status: '拒绝', reason: '入住日期无法识别：2026/13/45' });
    expect(lines.find((l) => l.row === 8)).toMatchObject({ status: '重复行（已合并）', house: '1栋1单元101' });
    expect(lines.find((l) => l.row === 6)?.reason).toMatch(/身份证号校验位不符/);
  });

  it('remembers the mapping the user chose for files with the same headers', async () => {
    const estateId = await estate();
    const rows = [
      ['编码', '户名', '号码'],
      ['3-2-1502', '张三', '13800138000'],
    ];
    const first = await preview({ fileName: 'a.xlsx', dataBase64: b64(await book(rows)), estateId });
    expect(first.mappingRemembered).toBe(false);
    expect(first.mapping).toEqual({});
    expect(first.rows[0].status).toBe('rejected');
    const mapping = { '0': 'fullRoom', '1': 'ownerName', '2': 'phone' };
    const remapped = RosterPreview.parse(await must(call('imports.roster.remap', { token: first.token, mapping }) as never));
    expect(remapped.rows[0]).toMatchObject({ status: 'new', house: '3栋2单元1502', ownerName: '张三' });
    expect(n("select count(*) n from settings where key like 'import.roster.mapping.%'")).toBe(1);

    // next month's file from the same system: other rows, same headers
    const next = await preview({ fileName: 'b.xlsx', dataBase64: b64(await book([rows[0], ['3-2-1503', '李四', '13900139000']])), estateId });
    expect(next.mappingRemembered).toBe(true);
    expect(next.mapping).toEqual(mapping);
    expect(next.rows[0]).toMatchObject({ status: 'new', house: '3栋2单元1503' });

    // different headers are not affected
    const other = await preview({
      fileName: 'c.xlsx',
      dataBase64: b64(
        await book([
          ['编码', '户名'],
          ['x', 'y'],
        ]),
      ),
      estateId,
    });
    expect(other.mappingRemembered).toBe(false);
  });

  it('answers bad files, bad mappings and stale tokens with Chinese errors', async () => {
    const estateId = await estate();
    const notXlsx = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(Buffer.from('hello')), estateId });
    expect(notXlsx).toMatchObject({ ok: false, error: { code: 'FILE', message: '文件不是有效的 Excel 工作簿（.xlsx）' } });
    const big = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: 'A'.repeat(28 * 1024 * 1024), estateId });
    expect(big).toMatchObject({ ok: false, error: { code: 'FILE' } });
    if (!big.ok) expect(big.error.message).toMatch(/超过 20 MB/);
    const noEstate = await call('imports.roster.preview', { fileName: 'a.xlsx', dataBase64: b64(await messyRosterBuffer()), estateId: 999 });
    expect(noEstate).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const p = await preview({ fileName: 'a.xlsx', dataBase64: b64(await messyRosterBuffer()), estateId });
    const dup = await call('imports.roster.remap', { token: p.token, mapping: { '1': 'room', '3': 'room' } });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const badField = await call('imports.roster.remap', { token: p.token, mapping: { '1': 'shoeSize' } });
    expect(badField.ok).toBe(false);
    const stale = await call('imports.roster.commit', { token: 'nope' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!stale.ok) expect(stale.error.message).toMatch(/请重新选择文件/);
    expect(n('select count(*) n from houses')).toBe(0);
  });

  it('a commit that fails inside the transaction reports an error and writes nothing', async () => {
    const estateId = await estate();
    const p = await preview({ fileName: 'a.xlsx', dataBase64: b64(await messyRosterBuffer()), estateId });
    core.ctx.sqlite.exec(`create trigger boom before insert on occupancies when new.role = 'co_owner' begin select raise(abort, 'boom'); end`);
    // (the dispatcher logs the SqliteError to stderr: expected)
    const r = await call('imports.roster.commit', { token: p.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!r.ok) expect(r.error.message).toMatch(/数据未改动/);
    for (const table of ['buildings', 'houses', 'people', 'occupancies', 'import_batches']) expect(n(`select count(*) n from ${table}`)).toBe(0);
  });

  it('an unknown or expired ledger import token is refused in Chinese', async () => {
    const r = await call('imports.ledger.commit', { token: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('重新选择文件') } });
  });
});
