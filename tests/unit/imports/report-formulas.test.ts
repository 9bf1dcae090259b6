// Issue 11: the import reports go back to whoever supplied the file, and they carry that file's own
// text (房屋, 业主, 编号, 位置, reasons quoting cells). Text starting with = + - @ must come back as
// text behind a leading quote, never as something a spreadsheet runs; the row numbers stay numbers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewRoster } from '../../../electron/core/imports/handlers';
import { buildReport } from '../../../electron/core/imports/roster/report';
import { previewLedger } from '../../../electron/core/imports/ledger/service';
import { buildLedgerReport } from '../../../electron/core/imports/ledger/report';
import { book, newEstate, readXlsx, tempCtx } from './helpers';

type T = Awaited<ReturnType<typeof tempCtx>>;
let t: T;
beforeEach(async () => {
  t = await tempCtx();
});
afterEach(async () => {
  await t.cleanup();
});

async function cellsOf(dataBase64: string): Promise<unknown[][]> {
  const wb = await readXlsx(Buffer.from(dataBase64, 'base64'));
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(c.value));
    rows.push(cells);
  });
  return rows;
}

const formulaLike = (rows: unknown[][]) =>
  rows.flat().filter((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) || (typeof v === 'object' && v !== null));

describe('formula-like text in the import reports', () => {
  it('the roster report quotes the file’s own house, owner and reason texts', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主姓名', '身份证号'];
    const p = await previewRoster(
      t.ctx,
      await book([header, ['=HYPERLINK("http://evil.example","点我")', '张三', ''], ['3-2-1502', '@SUM(A1)、-李四', '123456、5678901']]),
      'a.xlsx',
      estateId,
    );
    const rows = await cellsOf((await buildReport(p.rows, 'a.xlsx')).dataBase64);
    expect(formulaLike(rows)).toEqual([]);
    const [, rejected, warned] = rows;
    expect(rejected[0]).toBe(2); // the row number is still a number
    expect(rejected[2]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(warned[0]).toBe(3);
    expect(warned[3]).toBe("'@SUM(A1)、-李四");
    expect(String(warned[4]).startsWith("'@SUM(A1)：")).toBe(true);
  });

  it('the ledger report quotes the ledger’s own 编号 and 位置', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['编号', '受理时间', '类型', '位置', '内容'];
    const p = await previewLedger(
      t.ctx,
      await book([header, ['=HYPERLINK("http://evil.example","点我")', '2026-10-03 09:00', '投诉', '-2+3', "+cmd|' /C calc'!A0"]]),
      'b.xlsx',
      estateId,
    );
    const rows = await cellsOf((await buildLedgerReport(p.rows, 'b.xlsx')).dataBase64);
    expect(formulaLike(rows)).toEqual([]);
    const line = rows[1];
    expect(line[0]).toBe(2);
    expect(line[2]).toBe(`'=HYPERLINK("HTTP://EVIL.EXAMPLE","点我")`); // 编号 are kept upper-case
    expect(line[4]).toBe("'-2+3");
  });
});
