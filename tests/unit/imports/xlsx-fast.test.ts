import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readWorkbook, readWithExceljs } from '../../../electron/core/imports/roster/workbook';
import { readXlsxFast } from '../../../electron/core/imports/roster/xlsx-fast';
import { messyRosterBuffer } from '../../fixtures/roster/make-messy-roster';
import { messyLedgerBuffer } from '../../fixtures/ledger/make-messy-ledger';
import { bigLedger, bigRoster } from './big-books';
import { book } from './helpers';

// The direct .xlsx reader must give the grid exceljs gives, cell for cell, or hand the file to exceljs.

async function sameGrids(buf: Buffer, fast = true): Promise<void> {
  expect(readXlsxFast(buf) !== null).toBe(fast);
  expect(await readWorkbook(buf)).toEqual(await readWithExceljs(buf));
}

async function oddities(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('下拉选项', { state: 'hidden' }).getCell('A1').value = '住宅';
  const ws = wb.addWorksheet('名册');
  ws.getCell('A1').value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
  ws.getCell('B1').value = { formula: 'C1+1', result: 5 };
  ws.getCell('C1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 9, 3, 14, 5)) };
  ws.getCell('C1').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
  ws.getCell('D1').value = true;
  ws.getCell('E1').value = { error: '#N/A' };
  ws.getCell('F1').value = 'A & B <c> "d" \'e\'';
  ws.getCell('G1').value = 123456789012345680000;
  ws.getCell('H1').value = 45000.5;
  ws.getCell('H1').numFmt = '[$-F800]dddd, mmmm dd, yyyy';
  ws.getCell('I1').value = 45000;
  ws.getCell('I1').numFmt = '0.00';
  ws.getCell('J1').value = '  多  空格\n换行 ';
  ws.getCell('A3').value = '合并';
  ws.mergeCells('A3:C5');
  ws.getCell('E7').value = { formula: 'A1', result: '张三' };
  ws.getCell('F7').value = { formula: 'NOW()' };
  ws.getCell('G7').value = '';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the direct .xlsx reader', () => {
  it('reads the messy roster and ledger fixtures as exceljs does', async () => {
    await sameGrids(await messyRosterBuffer());
    await sameGrids(await messyLedgerBuffer());
  });

  it('reads generated rosters and ledgers (dates with times, co-owners, numbers) as exceljs does', async () => {
    await sameGrids(await bigRoster(300, 7));
    await sameGrids(await bigLedger(300, [{ building: '3', unit: '2', room: '1502' }], 7));
  });

  it('reads rich text, formulas with results, booleans, errors, entities, date formats, merges and hidden sheets as exceljs does', async () => {
    await sameGrids(await oddities());
    await sameGrids(
      await book(
        [
          ['楼栋', '房号'],
          [3, '1502'],
        ],
        { merges: [], numFmt: { A2: 'yyyy-mm-dd' } },
      ),
    );
  });

  it('leaves a workbook with hyperlinks to exceljs, with the same result', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell('A1').value = { text: '官网', hyperlink: 'https://example.com' };
    await sameGrids(Buffer.from(await wb.xlsx.writeBuffer()), false);
  });

  it('leaves what is not a zip to exceljs, which refuses it in Chinese', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect(readXlsxFast(broken)).toBeNull();
    await expect(readWorkbook(broken)).rejects.toThrow(/不是有效的 Excel 工作簿/);
  });
});
