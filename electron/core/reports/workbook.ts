// The monthly statistics as one styled workbook (docs/REPORTS.md): sheets 汇总, 分类, 楼栋, 渠道, 部门,
// 及时率, 明细. Every figure comes from the MonthlyReport object; numbers and percentages are stored
// as numbers with formats, never as text; text that a spreadsheet could take for a formula is
// neutralised.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CoreContext } from '../context';
import { cstDateTime } from '../../../shared/domain/time';
import type { BreakdownRowT, MonthlyReportT } from '../../../shared/contract/reports';
import { chunks } from '../db/chunks';

const PCT = '0.00%';
const HOURS = '0.00';
const INT = '0';

/**
 * A text cell beginning with = + - @ (or a tab / CR) would run as a formula in some spreadsheets: keep it text.
 * exceljs already writes strings as string cells (t="inlineStr" / t="s"), which Excel and LibreOffice never
 * evaluate on opening, but the text is live again once copied, pasted, re-typed or saved as CSV. So every
 * exported workbook (this one and the import reports) prefixes such text with "'", the OWASP CSV-injection
 * mitigation, which survives all of those; a style's quotePrefix would not survive a CSV.
 */
export const safeText = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** display width of a text: CJK characters take two columns */
const widthOf = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
};

type Cell = string | number | null;
interface Column {
  header: string;
  fmt?: string;
}
type Style = Partial<ExcelJS.Style>;

const HEADER_STYLE: Style = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } }, numFmt: '@' };

/**
 * One sheet, streamed: rows are written and released as they go. Every cell gets one shared style
 * object per format, so exceljs registers each style once instead of once per cell (docs/REPORTS.md, Speed).
 */
function sheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column[],
  rows: Cell[][],
  fmtAt?: (row: number, col: number) => string | undefined,
) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: columns.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = '1:1';
  const styles = new Map<string, Style>();
  const styleOf = (fmt: string | undefined): Style => {
    const key = fmt ?? '';
    let style = styles.get(key);
    if (!style) styles.set(key, (style = fmt ? { numFmt: fmt } : {}));
    return style;
  };
  ws.columns = columns.map((c, i) => {
    const widest = Math.max(widthOf(c.header), ...rows.map((r) => widthOf(typeof r[i] === 'number' && c.fmt === PCT ? '100.00%' : r[i])));
    return { width: Math.min(60, Math.max(8, widest + 2)), style: styleOf(c.fmt) };
  });
  const header = ws.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();
  rows.forEach((r, ri) => {
    const row = ws.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    for (let ci = 0; ci < columns.length; ci++) row.getCell(ci + 1).style = styleOf(fmtAt?.(ri, ci) ?? columns[ci].fmt);
    row.commit();
  });
  ws.commit();
}

const breakdownSheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, label: string, rows: BreakdownRowT[]) =>
  sheet(
    wb,
    name,
    [{ header: label }, { header: '件数', fmt: INT }, { header: '占比', fmt: PCT }, { header: '上月件数', fmt: INT }, { header: '环比', fmt: PCT }],
    rows.map((r) => [r.name, r.count, r.share, r.previousCount, r.change]),
  );

interface Detail {
  no: string;
  received_at: string;
  channel: string;
  location: string;
  category: string;
  department: string | null;
  status: string;
  responded_at: string | null;
  completed_at: string | null;
  satisfaction: string | null;
}

async function details(ctx: CoreContext, ids: number[]): Promise<Detail[]> {
  const out: Detail[] = [];
  for (const part of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('tickets as t')
      .select(['t.id', 't.no', 't.received_at', 't.channel', 't.location', 't.category', 't.department', 't.status', 't.responded_at', 't.completed_at'])
      .select((eb) =>
        eb
          .selectFrom('callbacks as c')
          .select('c.satisfaction')
          .whereRef('c.ticket_id', '=', 't.id')
          .orderBy('c.at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(1)
          .as('satisfaction'),
      )
      .where('t.id', 'in', part)
      .orderBy('t.received_at')
      .orderBy('t.id')
      .execute();
    out.push(...rows);
  }
  return out;
}

const time = (iso: string | null) => (iso ? cstDateTime(iso) : '');

/** The workbook's bytes. */
export async function monthlyWorkbook(ctx: CoreContext, r: MonthlyReportT): Promise<Buffer> {
  const parts: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'FrontDesk';
  const [y, m] = r.month.split('-');
  wb.title = `${r.estateName}${y}年${Number(m)}月投诉统计`;

  const c = r.complaints;
  const t = r.timeliness;
  const cb = r.callbacks;
  const n = (label: string, value: number | null, fmt: string): [string, number | null, string] => [label, value, fmt];
  const summary = [
    ...Object.entries(r.byType).map(([type, count]) => n(`${type}（件）`, count, INT)),
    n('投诉总数（件）', c.total, INT),
    n('上月投诉（件）', c.previousMonth, INT),
    n('去年同月投诉（件）', c.sameMonthLastYear, INT),
    n('环比', c.monthOnMonth, PCT),
    n('同比', c.yearOnYear, PCT),
    n('在住户数（户）', c.occupiedHouseholds, INT),
    n('每百户投诉（件）', c.per100Households, HOURS),
    n('响应及时率', t.respondedOnTimeRate, PCT),
    n('处理及时率', t.resolvedOnTimeRate, PCT),
    n('平均响应时长（小时）', t.avgResponseHours, HOURS),
    n('平均处理时长（小时）', t.avgResolutionHours, HOURS),
    n('超时工单（件）', t.overdue.length, INT),
    n('结案率', r.closure.closedRate, PCT),
    n('结转未结（件）', r.closure.carriedOver.length, INT),
    n('回访率', cb.rate, PCT),
    n('满意率', cb.satisfactionRate, PCT),
    n('平均满意度得分', cb.averageScore, HOURS),
    n('不满意（件）', cb.dissatisfied.length, INT),
    n('重复投诉（件）', r.repeats.length, INT),
  ];
  // each figure keeps its own format: counts, percentages, hours
  sheet(
    wb,
    '汇总',
    [{ header: '指标' }, { header: '数值' }],
    summary.map(([label, value]) => [label, value]),
    (row, col) => (col === 1 ? summary[row][2] : undefined),
  );

  breakdownSheet(wb, '分类', '类别', r.byCategory);
  breakdownSheet(wb, '楼栋', '楼栋', r.byBuilding);
  breakdownSheet(wb, '渠道', '渠道', r.byChannel);
  breakdownSheet(wb, '部门', '处理部门', r.byDepartment);

  sheet(
    wb,
    '及时率',
    [{ header: '超时工单' }, { header: '受理时间' }, { header: '位置' }, { header: '类别' }],
    t.overdue.map((x) => [x.no, time(x.receivedAt), x.location, x.category]),
  );

  const rows = await details(ctx, c.ticketIds);
  sheet(
    wb,
    '明细',
    [
      { header: '工单号' },
      { header: '受理时间' },
      { header: '渠道' },
      { header: '位置' },
      { header: '类别' },
      { header: '处理部门' },
      { header: '状态' },
      { header: '响应时间' },
      { header: '完成时间' },
      { header: '满意度' },
    ],
    rows.map((d) => [
      d.no,
      time(d.received_at),
      d.channel,
      d.location,
      d.category,
      d.department ?? '',
      d.status,
      time(d.responded_at),
      time(d.completed_at),
      d.satisfaction ?? '',
    ]),
  );
  await wb.commit();
  await ended;
  return Buffer.concat(parts);
}
