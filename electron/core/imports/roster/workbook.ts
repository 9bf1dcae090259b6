import type ExcelJS from 'exceljs';
import { UserError } from '../../errors';
import { cleanText } from '../../../../shared/domain/text';
import type { GridCell, SheetGrid } from './grid';
import { readXlsxFast, type FastSheet } from './xlsx-fast';
import { LAST_ROW, MAX_ROWS, checkForExceljs, checkWorkbook } from './zip-guard';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const NOT_XLSX = '文件不是有效的 Excel 工作簿（.xlsx）';

export function fileError(message: string): UserError {
  return new UserError('FILE', message);
}

/** Refuses what exceljs cannot or should not read, before spending memory on it. */
export function checkFileBytes(buffer: Buffer): void {
  if (buffer.length === 0) throw fileError('文件是空的');
  if (buffer.length > MAX_FILE_BYTES) throw fileError(`文件超过 20 MB（${(buffer.length / 1024 / 1024).toFixed(1)} MB），请删除无关的工作表或图片后再导入`);
  // OLE2 compound file: the old binary .xls format, or an .xlsx protected by a password
  if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0)
    throw fileError('这是旧版 Excel 文件（.xls）或加了密码的工作簿：请在 Excel 中取消密码，并“另存为” .xlsx 格式后再导入');
  // every .xlsx is a zip archive: "PK\x03\x04"
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304) throw fileError(NOT_XLSX);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** exceljs hands date cells over as UTC-midnight Dates; the calendar date is in the UTC parts. */
function excelDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const t = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The wall-clock time of an Excel date cell (in its UTC parts, like the date), or null at midnight. */
function excelTime(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const t = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  const hm = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return hm === '00:00' ? null : hm;
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
  return String(Math.round(n * 1e6) / 1e6);
}

function scalarCell(v: ExcelJS.CellValue): GridCell {
  const base: GridCell = { text: '', num: null, date: null, numberTooLong: false, slaveOf: null };
  if (v === null || v === undefined) return base;
  if (typeof v === 'number') return { ...base, num: v, text: numberText(v), numberTooLong: Math.abs(v) > Number.MAX_SAFE_INTEGER };
  if (typeof v === 'string') return { ...base, text: cleanText(v) };
  if (typeof v === 'boolean') return { ...base, text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    const date = excelDate(v);
    const time = excelTime(v);
    return { ...base, date, time, text: date ? (time ? `${date} ${time}` : date) : '' };
  }
  if ('richText' in v) return { ...base, text: cleanText(v.richText.map((r) => r.text).join('')) };
  if ('error' in v) return base;
  if ('formula' in v || 'sharedFormula' in v) {
    const r = v.result;
    if (r === undefined || r === null || (typeof r === 'object' && !(r instanceof Date))) return base;
    return scalarCell(r);
  }
  if ('hyperlink' in v) return { ...base, text: cleanText(v.text) };
  return base;
}

function toGrid(ws: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): SheetGrid {
  const rows = new Map<number, Map<number, GridCell>>();
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > LAST_ROW) throw fileError(`工作表“${ws.name}”超过 ${MAX_ROWS} 行，请分批导入`);
    const cols = new Map<number, GridCell>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      let gc: GridCell;
      if (cell.type === mergeType) {
        const m = cell.master;
        gc = { text: '', num: null, date: null, numberTooLong: false, slaveOf: [Number(m.row), Number(m.col)] };
      } else {
        gc = scalarCell(cell.value);
        if (!gc.text) return;
      }
      cols.set(c, gc);
      if (c > lastCol) lastCol = c;
    });
    if (cols.size) {
      rows.set(r, cols);
      lastRow = r;
    }
  });
  return { name: ws.name, rows, lastRow, lastCol };
}

/** The fast reader's sheet as the same grid toGrid makes from exceljs's (xlsx-fast.ts gives exceljs's values). */
function fastGrid(sheet: FastSheet): SheetGrid {
  const rows = new Map<number, Map<number, GridCell>>();
  let lastRow = 0;
  let lastCol = 0;
  for (const [r, cells] of sheet.rows) {
    if (r > LAST_ROW) throw fileError(`工作表“${sheet.name}”超过 ${MAX_ROWS} 行，请分批导入`);
    const cols = new Map<number, GridCell>();
    for (const [c, v] of cells) {
      let gc: GridCell;
      if (v !== null && typeof v === 'object' && 'merge' in v) gc = { text: '', num: null, date: null, numberTooLong: false, slaveOf: v.merge };
      else {
        gc = scalarCell(v);
        if (!gc.text) continue;
      }
      cols.set(c, gc);
      if (c > lastCol) lastCol = c;
    }
    if (cols.size) {
      rows.set(r, cols);
      lastRow = r;
    }
  }
  return { name: sheet.name, rows, lastRow, lastCol };
}

/**
 * Reads every worksheet of an .xlsx held in memory: directly when it is a plain workbook, else through
 * exceljs. The zip is checked and its XML parts inflated first (zip-guard.ts): a zip bomb, a damaged
 * file or a sheet of a million rows is refused in Chinese before either reader holds it in memory.
 */
export async function readWorkbook(buffer: Buffer): Promise<SheetGrid[]> {
  checkFileBytes(buffer);
  const book = await checkWorkbook(buffer);
  const fast = readXlsxFast(buffer, book.parts);
  if (fast) {
    // hidden sheets usually hold drop-down lists; read them only when nothing else is there
    const visible = fast.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
    const grids = (visible.length ? visible : fast).map(fastGrid);
    if (grids.length) return grids;
  }
  checkForExceljs(book);
  // exceljs inflates the zip again itself: the checked copies need not stay in memory meanwhile
  book.parts.clear();
  return loadWithExceljs(buffer);
}

/** exceljs's reading, for what the fast reader leaves to it (and, in tests, to check the two agree); checked like readWorkbook. */
export async function readWithExceljs(buffer: Buffer): Promise<SheetGrid[]> {
  checkFileBytes(buffer);
  const book = await checkWorkbook(buffer);
  checkForExceljs(book);
  book.parts.clear();
  return loadWithExceljs(buffer);
}

/** exceljs over a file that passed zip-guard.ts's checks; never call it on one that did not */
async function loadWithExceljs(buffer: Buffer): Promise<SheetGrid[]> {
  // loaded on first use: plain workbooks never need it, and it takes a few hundred milliseconds to load
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; hand it a copy of exactly these bytes
    await wb.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw fileError(`${NOT_XLSX}，文件可能已损坏`);
  }
  // hidden sheets usually hold drop-down lists; read them only when nothing else is there
  const visible = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  const grids = (visible.length ? visible : wb.worksheets).map((ws) => toGrid(ws, Excel.ValueType.Merge));
  if (grids.length === 0) throw fileError(`${NOT_XLSX}：其中没有工作表`);
  return grids;
}
