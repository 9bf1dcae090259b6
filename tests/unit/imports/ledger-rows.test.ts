import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempCore, must } from '../helpers/temp-core';
import { book, type Cell } from './helpers';
import { matchLedgerHeader, suggestLedgerMapping } from '../../../electron/core/imports/ledger/headers';
import { NOT_A_RECORD } from '../../../electron/core/imports/ledger/records';
import type { LedgerPreviewT, TicketDetailT } from '../../../shared/contract/desk';

// Ledger import, issue 7 item 10: no row vanishes without a message; a row without a type is not
// silently 报修; the 投诉人/报事人 column is the reporter.
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let estateId: number;
const call = (c: string, i: unknown) => core.dispatch(c, i);

beforeEach(async () => {
  core = await tempCore();
  estateId = ((await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number }).id;
});
afterEach(async () => {
  await core.cleanup();
});

const preview = async (rows: Cell[][], extra: Record<string, unknown> = {}) =>
  (await must(
    call('imports.ledger.preview', { estateId, fileName: '台账.xlsx', dataBase64: (await book(rows)).toString('base64'), ...extra }) as never,
  )) as LedgerPreviewT;
const remap = async (p: LedgerPreviewT, extra: Record<string, unknown> = {}) =>
  (await must(call('imports.ledger.remap', { token: p.token, mapping: p.mapping, ...extra }) as never)) as LedgerPreviewT;
const commit = async (p: LedgerPreviewT) => (await must(call('imports.ledger.commit', { token: p.token }) as never)) as { created: { tickets: number } };
const reportRows = async (p: LedgerPreviewT) => {
  const r = (await must(call('imports.ledger.report', { token: p.token }) as never)) as { dataBase64: string };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(r.dataBase64, 'base64')).buffer);
  const out: { row: unknown; status: unknown; reason: unknown }[] = [];
  wb.worksheets[0].eachRow((row, n) => n > 1 && out.push({ row: row.getCell(1).value, status: row.getCell(2).value, reason: row.getCell(6).value }));
  return out;
};
const byRow = (p: LedgerPreviewT, row: number) => p.rows.find((r) => r.row === row);
const tickets = async () =>
  ((await must(call('desk.tickets.list', { limit: 100 }) as never)) as { rows: { id: number; type: string; reporter: string | null }[] }).rows;

const HEAD = ['序号', '受理时间', '类型', '投诉人', '联系电话', '类别', '内容', '受理人'];

describe('every row of the ledger is accounted for', () => {
  it('a footer, a lone 序号, a repeated header and a row with only a name each show with a reason in the preview and the report', async () => {
    const p = await preview([
      ['XX花园客服中心投诉登记台账'],
      HEAD,
      [1, '2025-10-03 14:05', '投诉', '王芳', '13800001111', '噪音扰民', '楼上装修噪音', '小陈'], // row 3
      [2, null, null, null, null, null, null, null], // row 4: a running number alone
      [null, null, null, '李四', '13900002222', null, null, null], // row 5: a name and a phone, nothing else
      HEAD, // row 6: the header again (a printed ledger repeats it per page)
      [3, '2025-10-04 09:00', '咨询', '孙七', null, '收费争议', '物业费怎么交', '小陈'], // row 7
      [], // row 8 blank
      ['制表：客服部  审核：', null, null, null, null, null, null, null], // row 9
    ]);
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'new'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'new'],
      [9, 'rejected'],
    ]);
    expect(byRow(p, 4)?.reason).toBe(NOT_A_RECORD);
    expect(byRow(p, 9)?.reason).toBe(NOT_A_RECORD);
    // a name and a phone are something: the row is refused for what it lacks, not dropped
    expect(byRow(p, 5)?.reason).toContain('缺少受理时间');
    expect(byRow(p, 6)?.reason).toContain('受理时间无法识别：受理时间');
    expect(p.rejected.map((r) => r.row)).toEqual([4, 5, 6, 9]);
    const report = await reportRows(p);
    expect(report.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(report.filter((r) => r.status === '拒绝').every((r) => typeof r.reason === 'string' && r.reason.length > 0)).toBe(true);
    expect((await commit(p)).created.tickets).toBe(2);
  });

  it('sheets other than the one read are named in the preview and the report', async () => {
    const wb = new ExcelJS.Workbook();
    const jan = wb.addWorksheet('1月');
    jan.addRow(HEAD);
    jan.addRow([1, '2025-01-03 14:05', '投诉', '王芳', null, '噪音扰民', '噪音', '小陈']);
    const feb = wb.addWorksheet('2月');
    feb.addRow(HEAD);
    feb.addRow([1, '2025-02-03 14:05', '投诉', '王芳', null, '噪音扰民', '噪音', '小陈']);
    wb.addWorksheet('空白');
    const p = (await must(
      call('imports.ledger.preview', { estateId, fileName: '台账.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') }) as never,
    )) as LedgerPreviewT;
    expect(p.sheetName).toBe('1月');
    expect(p.otherSheets).toEqual(['2月']);
    const report = await reportRows(p);
    expect(report[report.length - 1]).toMatchObject({ status: '未导入' });
    expect(String(report[report.length - 1].reason)).toContain('工作表「2月」');
  });
});

describe('a row without a type is never silently 报修', () => {
  const rows: Cell[][] = [
    HEAD,
    [1, '2025-10-03 14:05', null, '王芳', null, '工程维修/水电', '卫生间漏水', '小陈'], // row 2: blank type, a repair-sounding category
    [2, '2025-10-03 15:00', '投诉', '李四', null, '噪音扰民', '装修噪音', '小陈'], // row 3
  ];

  it('is refused with a reason saying how to fix it, whatever its category', async () => {
    const p = await preview(rows);
    expect(p.defaultType).toBeNull();
    expect(byRow(p, 2)).toMatchObject({
      status: 'rejected',
      type: null,
      reason: '类型为空（投诉/报修/咨询/建议/表扬）：请在原表填写，或选择“类型为空的行”记为哪一类',
    });
    expect(byRow(p, 3)?.status).toBe('new');
  });

  it('becomes the type the desk chose for such rows, with a warning on the row; the choice holds through remap and commit', async () => {
    const p = await remap(await preview(rows), { defaultType: '报修' });
    expect(p.defaultType).toBe('报修');
    expect(byRow(p, 2)).toMatchObject({ status: 'new', type: '报修' });
    expect(byRow(p, 2)?.warnings).toContain('类型为空，按所选“类型为空的行记为报修”导入');
    // a remap that leaves the choice out keeps it; null clears it
    expect((await remap(p)).defaultType).toBe('报修');
    expect(byRow(await remap(p, { defaultType: null }), 2)?.status).toBe('rejected');
    const chosen = await remap(p, { defaultType: '投诉' });
    expect((await commit(chosen)).created.tickets).toBe(2);
    expect((await tickets()).map((t) => t.type).sort()).toEqual(['投诉', '投诉']);
  });

  it('a register without a 类型 column imports as the chosen type without a warning per row', async () => {
    const noType = [
      ['序号', '受理时间', '报修人', '联系电话', '类别', '内容'],
      [1, '2025-10-03 14:05', '王芳', '13800001111', '工程维修/水电', '卫生间漏水'],
    ];
    const p = await preview(noType);
    expect(byRow(p, 2)?.reason).toBe('台账没有“类型”列：请在列对应关系中指定，或选择“类型为空的行”记为哪一类');
    const chosen = await remap(p, { defaultType: '报修' });
    expect(byRow(chosen, 2)).toMatchObject({ status: 'new', type: '报修' });
    expect(byRow(chosen, 2)?.warnings.filter((w) => w.includes('类型'))).toEqual([]);
    expect((await commit(chosen)).created.tickets).toBe(1);
    const [t] = await tickets();
    expect([t.type, t.reporter]).toEqual(['报修', '王芳']);
  });
});

describe('the 投诉人 / 报事人 column is the reporter by default', () => {
  it('header words: the person who reported is the reporter; the staff who took it maps to nothing, not to a time', () => {
    expect(['投诉人', '报事人', '报修人', '投诉人姓名', '来电人', '业主姓名', '投诉人（业主）'].map(matchLedgerHeader)).toEqual(Array(7).fill('reporter'));
    expect(['受理人', '登记人', '记录人'].map(matchLedgerHeader)).toEqual([null, null, null]);
    expect(['投诉人电话', '业主手机'].map(matchLedgerHeader)).toEqual(['phone', 'phone']);
    expect(matchLedgerHeader('维修人员')).toBe('assignee');
    // 受理人 before 受理时间 once took the time column
    expect(suggestLedgerMapping(['受理人', '受理时间', '投诉人'])).toEqual({ '1': 'receivedAt', '2': 'reporter' });
  });

  it('a ledger with a 投诉人 column imports the name as the reporter', async () => {
    const p = await preview([HEAD, [1, '2025-10-03 14:05', '投诉', '王芳', '138 0000 1111', '噪音扰民', '楼上装修噪音', '小陈']]);
    expect(p.mapping['3']).toBe('reporter');
    expect(Object.values(p.mapping)).not.toContain(undefined);
    await commit(p);
    const [row] = await tickets();
    const d = (await must(call('desk.tickets.get', { id: row.id }) as never)) as TicketDetailT;
    // the screen gets it masked (docs/PRIVACY.md); the row has it in full
    expect([d.ticket.reporter, d.ticket.phone]).toEqual(['王芳', '138****1111']);
    expect(core.ctx.sqlite.prepare('select phone from tickets where id = ?').pluck().get(row.id)).toBe('13800001111');
  });
});
