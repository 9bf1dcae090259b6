// The checks before a workbook is read (electron/core/imports/roster/zip-guard.ts) must not refuse
// what Excel and other writers really produce: zip64 directories (.NET writers use them for small
// files too), formulas, drop-down lists on a hidden sheet. And what they refuse, they refuse in Chinese.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readWorkbook, readWithExceljs } from '../../../electron/core/imports/roster/workbook';
import { book } from './helpers';

/** The same zip with a zip64 directory: every size and offset in the extra field, the count in a zip64 record. */
function toZip64(buf: Buffer): Buffer {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  const dirStart = buf.readUInt32LE(eocd + 16);
  const entries: Buffer[] = [];
  let p = dirStart;
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const head = Buffer.from(buf.subarray(p, p + 46 + nameLen));
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4); // inflated size
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12); // compressed size
    extra.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20); // local header offset
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt32LE(0xffffffff, 42);
    head.writeUInt16LE(extra.length, 30);
    head.writeUInt16LE(0, 32);
    entries.push(head, extra);
    p += 46 + nameLen + extraLen + commentLen;
  }
  const directory = Buffer.concat(entries);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(count), 24);
  rec.writeBigUInt64LE(BigInt(count), 32);
  rec.writeBigUInt64LE(BigInt(directory.length), 40);
  rec.writeBigUInt64LE(BigInt(dirStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(dirStart + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([buf.subarray(0, dirStart), directory, rec, locator, end]);
}

/** the first central directory entry of the part named, for patching */
function centralEntry(buf: Buffer, name: string): number {
  const at = buf.lastIndexOf(Buffer.from(name));
  // the central entry's name starts 46 bytes after its signature
  expect(buf.readUInt32LE(at - 46)).toBe(0x02014b50);
  return at - 46;
}

const ROSTER: (string | number | null)[][] = [
  ['楼栋', '单元', '房号', '业主姓名'],
  ['3', 2, 1502, '张三'],
  ['3', 2, 1503, '李四'],
];

describe('the checks before reading a workbook', () => {
  it('read a zip64 workbook, directly and through exceljs, as the plain one', async () => {
    const plain = await book(ROSTER);
    const wide = toZip64(plain);
    expect(wide.length).toBeGreaterThan(plain.length);
    const expected = await readWorkbook(plain);
    expect(await readWorkbook(wide)).toEqual(expected);
    expect(await readWithExceljs(wide)).toEqual(expected);
  });

  it('let formulas, a hidden drop-down sheet and a data validation through', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('下拉选项', { state: 'hidden' }).getColumn(1).values = ['住宅', '商铺', '车位'];
    const ws = wb.addWorksheet('名册');
    ws.addRows(ROSTER);
    ws.getCell('E1').value = '面积';
    ws.getCell('E2').value = { formula: '80+9.5', result: 89.5 };
    ws.getCell('F2').dataValidation = { type: 'list', allowBlank: true, formulae: ['下拉选项!$A$1:$A$3'] };
    const grids = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(grids.map((g) => g.name)).toEqual(['名册']);
    expect(grids[0].rows.get(2)?.get(5)?.num).toBe(89.5);
  });

  it('refuse an encrypted part and an unknown compression method in Chinese', async () => {
    const plain = await book(ROSTER);
    const locked = Buffer.from(plain);
    const flags = centralEntry(locked, 'xl/worksheets/sheet1.xml') + 8;
    locked.writeUInt16LE(locked.readUInt16LE(flags) | 1, flags);
    await expect(readWorkbook(locked)).rejects.toThrow('工作簿加了密码：请在 Excel 中取消密码，另存为 .xlsx 后再导入');
    const odd = Buffer.from(plain);
    odd.writeUInt16LE(14, centralEntry(odd, 'xl/worksheets/sheet1.xml') + 10); // LZMA
    await expect(readWorkbook(odd)).rejects.toThrow(/^文件不是有效的 Excel 工作簿（\.xlsx），文件不完整或已损坏/);
  });

  it('refuse a directory pointing outside the file in Chinese, not with an internal error', async () => {
    const plain = await book(ROSTER);
    const bad = Buffer.from(plain);
    bad.writeUInt32LE(0x7fffffff, centralEntry(bad, 'xl/worksheets/sheet1.xml') + 42);
    await expect(readWorkbook(bad)).rejects.toMatchObject({ code: 'FILE', message: expect.stringMatching(/^文件不是有效的 Excel 工作簿/) });
  });
});
