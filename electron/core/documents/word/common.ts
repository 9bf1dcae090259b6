// Building blocks for the editable Word copies of printouts (docs/PRINTING.md). Word, WPS and
// LibreOffice lay a .docx out alike only when nothing is left to them: the page, the margins, the
// East Asian font and every table column are given in twips (DXA, 1/20 pt) and tables use the
// fixed layout, so no application re-balances the columns by their content.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import type { Row } from '../model';

/** 1 mm in twips */
const MM = 1440 / 25.4;
export const dxa = (mm: number) => Math.round(mm * MM);

/** A4 with the printouts' margins (12 mm top/bottom, 14 mm left/right, as the @page rule in html.ts) */
const PAGE = { w: 11906, h: 16838, marginY: dxa(12), marginX: dxa(14) };
export const CONTENT_W = PAGE.w - 2 * PAGE.marginX;
/** the label column of the grid tables (GRID.th in html.ts) */
const TH_W = dxa(20);
const TD_W = (CONTENT_W - 2 * TH_W) / 2;
const GRID_COLUMNS = [TH_W, Math.floor(TD_W), TH_W, CONTENT_W - 2 * TH_W - Math.floor(TD_W)];

/**
 * The printouts' CJK face first. Word and WPS on a PC without it fall back to the system's East
 * Asian face (SimSun / 等线), which keeps the same metrics class; the Latin face is one every PC has.
 */
export const WORD_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Noto Sans CJK SC', cs: 'Arial' };

export const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '222222' };
export const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** every grid cell draws its own lines: LibreOffice ignored the table-level borders (w:tblBorders) */
export const boxed = { top: line, bottom: line, left: line, right: line };
export const CELL_MARGINS = { top: dxa(1.2), bottom: dxa(1.2), left: dxa(2), right: dxa(2) };

/** half-points, as Word counts font sizes */
const hp = (pt: number) => Math.round(pt * 2);

export function text(value: string, opts: { sizePt?: number; bold?: boolean; color?: string; spacingPt?: number } = {}): TextRun {
  return new TextRun({
    text: value,
    size: opts.sizePt ? hp(opts.sizePt) : undefined,
    bold: opts.bold,
    color: opts.color,
    // letter-spacing as a run property, not typed spaces: the words stay searchable
    characterSpacing: opts.spacingPt ? Math.round(opts.spacingPt * 20) : undefined,
  });
}

/** a paragraph per line of the value, so typed line breaks survive */
function lines(value: string, sizePt?: number): Paragraph[] {
  return value.split(/\r?\n/).map((l) => new Paragraph({ children: [text(l, { sizePt })] }));
}

const th = (label: string, width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: boxed,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F1F3F5' },
    children: [new Paragraph({ children: [text(label, { bold: true })] })],
  });
const td = (value: string, width: number, span = 1, sizePt?: number) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: boxed, columnSpan: span, children: lines(value, sizePt) });

/** A row of the grid table: one labelled value across, or two side by side (as rowHtml in ticket-documents.ts). */
export function gridRow(row: Row, opts: { minMm?: number; sizePt?: number } = {}): TableRow {
  const [a, b, c, d] = GRID_COLUMNS;
  const cells =
    row.length === 1 ? [th(row[0][0], a), td(row[0][1], b + c + d, 3, opts.sizePt)] : [th(row[0][0], a), td(row[0][1], b), th(row[1][0], c), td(row[1][1], d)];
  return new TableRow({ children: cells, cantSplit: true, height: opts.minMm ? { value: dxa(opts.minMm), rule: HeightRule.ATLEAST } : undefined });
}

export function gridTable(rows: TableRow[]): Table {
  return new Table({
    rows,
    layout: TableLayoutType.FIXED,
    columnWidths: GRID_COLUMNS,
    width: { size: CONTENT_W, type: WidthType.DXA },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    margins: CELL_MARGINS,
  });
}

/** Signature lines: one column each, a rule under the space to sign in. */
export function signLines(labels: string[]): Table {
  const gap = dxa(6);
  const w = Math.floor((CONTENT_W - gap * (labels.length - 1)) / labels.length);
  const widths = labels.flatMap((_, i) => (i === 0 ? [w] : [gap, w]));
  widths[widths.length - 1] = CONTENT_W - widths.slice(0, -1).reduce((s, x) => s + x, 0);
  const cells = labels.flatMap((label, i) => {
    const cell = new TableCell({
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlign.BOTTOM,
      borders: { top: none, left: none, right: none, bottom: line },
      children: [new Paragraph({ children: [text(label, { sizePt: 9 })] })],
    });
    const spacer = new TableCell({
      width: { size: gap, type: WidthType.DXA },
      borders: { top: none, left: none, right: none, bottom: none },
      children: [new Paragraph('')],
    });
    return i === 0 ? [cell] : [spacer, cell];
  });
  return new Table({
    rows: [new TableRow({ children: cells, cantSplit: true, height: { value: dxa(11), rule: HeightRule.ATLEAST } })],
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    width: { size: CONTENT_W, type: WidthType.DXA },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
  });
}

/** The letterhead, the title and the line under it (.org, h1 and .meta in html.ts). */
export function heading(org: string, title: string, meta: string[]): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [text(org, { sizePt: 10, color: '444444' })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 40, after: 40 }, children: [text(title, { sizePt: 16, bold: true })] }),
    new Paragraph({ spacing: { after: 60 }, children: [text(meta.join('　　'), { sizePt: 9 })] }),
  ];
}

export const note = (value: string, opts: { before?: number } = {}) =>
  new Paragraph({ spacing: { before: opts.before ?? 40 }, children: [text(value, { sizePt: 8.5, color: '444444' })] });

/** the dashed line the 受理单 is cut along, with its instruction in the middle */
export const cutLine = (label: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    border: { top: { style: BorderStyle.DASHED, size: 6, color: '666666', space: 4 } },
    children: [text(`✂ ${label}`, { sizePt: 8.5, color: '666666' })],
  });

/** One A4 document in the printouts' fonts, as the bytes of a .docx file. */
export async function wordFile(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'FrontDesk',
    styles: {
      default: {
        document: {
          run: { font: WORD_FONT, size: hp(10), language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.w, height: PAGE.h }, margin: { top: PAGE.marginY, bottom: PAGE.marginY, left: PAGE.marginX, right: PAGE.marginX } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
