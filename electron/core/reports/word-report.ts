// The monthly statistics as a Word report (docs/REPORTS.md): "〈estate〉〈year〉年〈month〉月投诉统计分析报告",
// sections for the summary, each breakdown as a table, timeliness, callbacks and satisfaction,
// repeat complaints, the daily trend as a chart, and a section left for the manager's analysis;
// header and footer with page numbers. Every number comes from the MonthlyReport object.
import {
  AlignmentType,
  HeightRule,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { CELL_MARGINS, CONTENT_W, WORD_FONT, boxed, dxa, text } from '../documents/word/common';
import { cstDateTime } from '../../../shared/domain/time';
import type { BreakdownRowT, MonthlyReportT } from '../../../shared/contract/reports';
import { barChartPng } from './chart-png';
import { reportTitle } from './title';

/** 71.43% — the same rounding as the workbook's 0.00% format */
export const pctText = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
const num = (x: number | null, places = 2) => (x === null ? '—' : x.toFixed(places));

const h1 = (s: string) => new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [text(s, { sizePt: 14, bold: true })] });
const p = (s: string) => new Paragraph({ spacing: { after: 80 }, indent: { firstLine: 420 }, children: [text(s, { sizePt: 10.5 })] });

/** `numeric`: how many trailing columns hold numbers (right-aligned); text columns align left */
function table(headers: string[], rows: string[][], weights: number[], numeric = 0): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * CONTENT_W));
  widths[widths.length - 1] = CONTENT_W - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  const cell = (s: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders: boxed,
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F1F3F5' } : undefined,
      children: [
        new Paragraph({
          alignment: i >= headers.length - numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [text(s, { bold: head, sizePt: 9.5 })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    width: { size: CONTENT_W, type: WidthType.DXA },
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((s, i) => cell(s, i, true)) }),
      ...(rows.length ? rows : [headers.map((_, i) => (i === 0 ? '（无）' : ''))]).map(
        (r) => new TableRow({ cantSplit: true, children: r.map((s, i) => cell(s, i, false)) }),
      ),
    ],
  });
}

/** a narrative report lists at most this many tickets per list; the workbook has them all */
const LIST_MAX = 30;
function capped<T>(items: T[], row: (x: T) => string[], width: number): string[][] {
  const rows = items.slice(0, LIST_MAX).map(row);
  if (items.length > LIST_MAX) rows.push([`……另有 ${items.length - LIST_MAX} 件，见 Excel 工作簿`, ...Array.from({ length: width - 1 }, () => '')]);
  return rows;
}

const breakdown = (label: string, rows: BreakdownRowT[]) =>
  table(
    [label, '件数', '占比', '上月', '环比'],
    rows.map((r) => [r.name, String(r.count), pctText(r.share), String(r.previousCount), pctText(r.change)]),
    [4, 2, 2, 2, 2],
    4,
  );

/** The report's bytes. */
export async function monthlyWordReport(r: MonthlyReportT): Promise<Buffer> {
  const title = reportTitle(r);
  const c = r.complaints;
  const t = r.timeliness;
  const cb = r.callbacks;
  const children: FileChild[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [text(title, { sizePt: 18, bold: true })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [text(`统计口径：${r.month} 月内受理（中国时间），不含已作废工单`, { sizePt: 9, color: '555555' })],
    }),

    h1('一、总体情况'),
    p(
      `本月共受理各类报事 ${Object.values(r.byType).reduce((a, b) => a + b, 0)} 件，其中${Object.entries(r.byType)
        .map(([k, v]) => `${k} ${v} 件`)
        .join(
          '、',
        )}。投诉 ${c.total} 件，上月 ${c.previousMonth} 件（环比 ${pctText(c.monthOnMonth)}），去年同月 ${c.sameMonthLastYear} 件（同比 ${pctText(c.yearOnYear)}）；在住 ${c.occupiedHouseholds} 户，每百户投诉 ${num(c.per100Households)} 件。`,
    ),
    table(
      ['指标', '数值'],
      [
        ['投诉总数（件）', String(c.total)],
        ['环比', pctText(c.monthOnMonth)],
        ['同比', pctText(c.yearOnYear)],
        ['每百户投诉（件）', num(c.per100Households)],
        ['响应及时率', pctText(t.respondedOnTimeRate)],
        ['处理及时率', pctText(t.resolvedOnTimeRate)],
        ['结案率', pctText(r.closure.closedRate)],
        ['回访率', pctText(cb.rate)],
        ['满意率', pctText(cb.satisfactionRate)],
      ],
      [6, 4],
      1,
    ),

    h1('二、投诉分类'),
    breakdown('类别', r.byCategory),
    h1('三、楼栋分布'),
    breakdown('楼栋', r.byBuilding),
    h1('四、受理渠道'),
    breakdown('渠道', r.byChannel),
    h1('五、处理部门'),
    breakdown('处理部门', r.byDepartment),

    h1('六、处理及时性'),
    p(
      `响应及时率 ${pctText(t.respondedOnTimeRate)}（参与评定 ${t.respondJudged} 件），处理及时率 ${pctText(t.resolvedOnTimeRate)}（参与评定 ${t.resolveJudged} 件）；平均响应 ${num(t.avgResponseHours)} 小时，平均处理 ${num(t.avgResolutionHours)} 小时。超时工单 ${t.overdue.length} 件；本月结案 ${r.closure.closed} 件，结转未结 ${r.closure.carriedOver.length} 件。`,
    ),
    table(
      ['超时工单', '受理时间', '位置', '类别'],
      capped(t.overdue, (x) => [x.no, cstDateTime(x.receivedAt), x.location, x.category], 4),
      [3, 3, 3, 2],
    ),

    h1('七、回访与满意度'),
    p(
      `应回访 ${cb.due} 件，已回访 ${cb.called} 件，回访率 ${pctText(cb.rate)}；评价 ${cb.rated} 件，满意（非常满意 + 满意）${cb.satisfied} 件，满意率 ${pctText(cb.satisfactionRate)}，平均得分 ${num(cb.averageScore)}。`,
    ),
    table(
      ['不满意工单', '位置', '评价', '业主意见'],
      capped(cb.dissatisfied, (x) => [x.no, x.location, x.satisfaction, x.comment], 4),
      [3, 3, 2, 4],
    ),

    h1('八、重复投诉与突出问题'),
    table(
      ['工单号', '位置', '类别', '30 天内前次'],
      capped(r.repeats, (x) => [x.no, x.location, x.category, x.previousNo], 4),
      [3, 3, 2, 3],
    ),
    p(`突出问题：${r.topIssues.map((x) => `${x.name} ${x.count} 件`).join('、') || '无'}。`),

    h1('九、每日投诉趋势'),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({ type: 'png', data: barChartPng(r.daily.map((d) => d.count)), transformation: { width: 600, height: 200 } })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [
        text(
          `图：${r.daily[0]?.date ?? ''} 至 ${r.daily[r.daily.length - 1]?.date ?? ''} 每日投诉件数（每条柱为一天，刻度每 5 天加长；最多一天 ${Math.max(0, ...r.daily.map((d) => d.count))} 件）`,
          { sizePt: 9, color: '555555' },
        ),
      ],
    }),

    h1('十、管理分析与改进措施'),
    p('（由服务中心经理填写：本月投诉的主要原因、已采取的措施、下月改进计划。）'),
    // a box to write in (ruled paragraphs would merge into one border in LibreOffice)
    new Table({
      layout: TableLayoutType.FIXED,
      columnWidths: [CONTENT_W],
      width: { size: CONTENT_W, type: WidthType.DXA },
      rows: [
        new TableRow({
          height: { value: dxa(90), rule: HeightRule.ATLEAST },
          children: [new TableCell({ width: { size: CONTENT_W, type: WidthType.DXA }, borders: boxed, children: [new Paragraph('')] })],
        }),
      ],
    }),
  ];

  const doc = new Document({
    title,
    creator: 'FrontDesk',
    styles: {
      default: {
        document: {
          run: { font: WORD_FONT, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        // the tables are CONTENT_W wide: the same 14 mm side margins as the printouts
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: dxa(22), bottom: dxa(20), left: dxa(14), right: dxa(14) } } },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(title, { sizePt: 9, color: '666666' })] })] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
