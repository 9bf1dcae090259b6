// Blocks → an editable Word file, laid out like the printed page (docs/PRINTING.md): the same A4
// page and margins, fixed table widths in DXA, borders drawn on every cell, and a page break where
// the printout starts a new sheet.
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import type { Align, Block, DocPage, Letterhead } from '../model';
import { CELL_MARGINS, CONTENT_W, boxed, cutLine, dxa, gridRow, gridTable, line, none, note, signLines, text, wordFile } from './common';

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};
const noBorders = { top: none, bottom: none, left: none, right: none };
const BODY_PT = 10;

/** widths (DXA) for relative weights, summing exactly to the content width */
function widths(weights: number[], total = CONTENT_W): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const out = weights.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1] = total - out.slice(0, -1).reduce((s, w) => s + w, 0);
  return out;
}

function fixedTable(rows: TableRow[], columnWidths: number[], borders = true): Table {
  return new Table({
    rows,
    layout: TableLayoutType.FIXED,
    columnWidths,
    width: { size: columnWidths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    borders: borders
      ? { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line }
      : { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    margins: CELL_MARGINS,
  });
}

/** the header's cells: no lines but the rule under the header (drawn on each cell: LibreOffice skips table-level borders) */
const headerCell = { ...{ top: none, left: none, right: none }, bottom: { style: BorderStyle.SINGLE, size: 8, color: '222222' } };

function letterhead(lh: Letterhead): FileChild[] {
  const logoH = 11; // mm, as the printed header
  const cells: TableCell[] = [];
  const cols: number[] = [];
  if (lh.logo) {
    const hPx = Math.round((logoH / 25.4) * 96);
    const wPx = Math.min(Math.round((hPx * lh.logo.widthPx) / lh.logo.heightPx), Math.round((40 / 25.4) * 96));
    // as wide as the picture and the cell's margins, so the name sits next to the logo as printed
    const logoW = dxa(Math.ceil((wPx * 25.4) / 96) + 5);
    cols.push(logoW);
    cells.push(
      new TableCell({
        width: { size: logoW, type: WidthType.DXA },
        borders: headerCell,
        verticalAlign: VerticalAlign.CENTER,
        // a picture in a line with the document's 1.15 spacing is clipped by LibreOffice: single, auto-height
        children: [
          new Paragraph({
            spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
            children: [new ImageRun({ type: lh.logo.type, data: lh.logo.bytes, transformation: { width: wPx, height: hPx } })],
          }),
        ],
      }),
    );
  }
  const phoneW = lh.phone ? dxa(60) : 0;
  const orgW = CONTENT_W - cols.reduce((s, w) => s + w, 0) - phoneW;
  cols.push(orgW);
  cells.push(
    new TableCell({
      width: { size: orgW, type: WidthType.DXA },
      borders: headerCell,
      verticalAlign: VerticalAlign.CENTER,
      children: lh.company
        ? [
            new Paragraph({ children: [text(lh.company, { sizePt: 11, bold: true })] }),
            new Paragraph({ children: [text(lh.centre, { sizePt: 8.5, color: '444444' })] }),
          ]
        : [new Paragraph({ children: [text(lh.centre, { sizePt: 11, bold: true })] })],
    }),
  );
  if (lh.phone) {
    cols.push(phoneW);
    cells.push(
      new TableCell({
        width: { size: phoneW, type: WidthType.DXA },
        borders: headerCell,
        verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(`服务电话：${lh.phone}`, { sizePt: 9 })] })],
      }),
    );
  }
  return [
    fixedTable([new TableRow({ children: cells, cantSplit: true, height: { value: dxa(13), rule: HeightRule.ATLEAST } })], cols, false),
    new Paragraph({ spacing: { after: 80 }, children: [] }),
  ];
}

function table(b: Extract<Block, { t: 'table' }>): Table {
  const cols = widths(b.columns.map((c) => c.width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: cols[i], type: WidthType.DXA },
          borders: boxed,
          verticalAlign: VerticalAlign.CENTER,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F1F3F5' },
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(c.label, { bold: true })] })],
        }),
    ),
  });
  const body = b.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        height: b.minRowMm ? { value: dxa(b.minRowMm), rule: HeightRule.ATLEAST } : undefined,
        children: b.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: cols[i], type: WidthType.DXA },
              borders: boxed,
              verticalAlign: VerticalAlign.CENTER,
              children: (r[i] ?? '').split(/\r?\n/).map((l) => new Paragraph({ alignment: c.align ? ALIGN[c.align] : undefined, children: [text(l)] })),
            }),
        ),
      }),
  );
  return fixedTable([header, ...body], cols);
}

function checks(b: Extract<Block, { t: 'checks' }>): Table {
  const n = b.columns ?? 1;
  const cols = widths(Array.from({ length: n }, () => 1));
  const rows: TableRow[] = [];
  for (let i = 0; i < b.items.length; i += n) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: cols.map(
          (w, j) =>
            new TableCell({
              width: { size: w, type: WidthType.DXA },
              borders: noBorders,
              children: [new Paragraph({ children: [text(b.items[i + j] ? `□ ${b.items[i + j]}` : '')] })],
            }),
        ),
      }),
    );
  }
  return fixedTable(rows, cols, false);
}

function seal(b: Extract<Block, { t: 'seal' }>, lh: Letterhead): FileChild[] {
  const w = dxa(70);
  const side = lh.seal === 'left' ? 'left' : 'right';
  const cols = side === 'right' ? [CONTENT_W - w, w] : [w, CONTENT_W - w];
  const stamp =
    lh.seal === 'none'
      ? []
      : [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [text('（盖章）', { sizePt: 8, color: 'AAAAAA' })] })];
  const box = new TableCell({
    width: { size: w, type: WidthType.DXA },
    borders: noBorders,
    children: [...stamp, ...b.lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [text(l)] }))],
  });
  const empty = new TableCell({ width: { size: CONTENT_W - w, type: WidthType.DXA }, borders: noBorders, children: [new Paragraph('')] });
  return [
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    fixedTable([new TableRow({ cantSplit: true, children: side === 'right' ? [empty, box] : [box, empty] })], cols, false),
  ];
}

function box(b: Extract<Block, { t: 'box' }>): Table {
  const align = ALIGN[b.align ?? 'center'];
  return fixedTable(
    [
      new TableRow({
        cantSplit: true,
        height: b.minMm ? { value: dxa(b.minMm), rule: HeightRule.ATLEAST } : undefined,
        children: [
          new TableCell({
            width: { size: CONTENT_W, type: WidthType.DXA },
            borders: boxed,
            verticalAlign: VerticalAlign.CENTER,
            children: b.text.split(/\r?\n/).map((l) => new Paragraph({ alignment: align, children: [text(l, { sizePt: b.sizePt })] })),
          }),
        ],
      }),
    ],
    [CONTENT_W],
  );
}

function block(b: Block, lh: Letterhead): FileChild[] {
  switch (b.t) {
    case 'letterhead':
      return letterhead(lh);
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 60, after: 60 },
          children: [text(b.text, { sizePt: 16, bold: true, spacingPt: b.text.length > 8 ? 1.5 : 4.5 })],
        }),
      ];
    case 'meta':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 80 }, children: [text(b.items.join('　　'), { sizePt: 9 })] })];
    case 'heading':
      return [new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [text(b.text, { sizePt: 12, bold: true })] })];
    case 'para': {
      const size = b.sizePt ?? BODY_PT;
      return b.text.split(/\r?\n/).map(
        (l) =>
          new Paragraph({
            alignment: b.align ? ALIGN[b.align] : undefined,
            indent: b.indent ? { firstLine: Math.round(2 * size * 20) } : undefined,
            spacing: { after: 60 },
            children: [text(l, { sizePt: b.sizePt, bold: b.bold })],
          }),
      );
    }
    case 'list':
      return b.items.map(
        (x, i) =>
          new Paragraph({ indent: { left: dxa(7), hanging: dxa(5) }, spacing: { after: 40 }, children: [text(`${b.numbered ? `${i + 1}.` : '•'}\t${x}`)] }),
      );
    case 'grid':
      return [gridTable(b.rows.map((r) => gridRow(r.cells, { minMm: r.minMm }))), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'table':
      return [table(b), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'checks':
      return [checks(b)];
    case 'signs':
      return [new Paragraph({ spacing: { before: 120 }, children: [] }), signLines(b.labels)];
    case 'seal':
      return seal(b, lh);
    case 'note':
      return [note(b.text)];
    case 'cut':
      return [cutLine(b.label)];
    case 'space':
      return [new Paragraph({ spacing: { before: dxa(Math.max(0, b.mm - 4)) }, children: [] })];
    case 'box':
      return [box(b)];
  }
}

/** The pages as one .docx, each printed sheet starting on a new page. */
export function renderPagesWord(title: string, pages: DocPage[], lh: Letterhead): Promise<Buffer> {
  const children: FileChild[] = [];
  pages.forEach((p, i) => {
    if (i > 0) children.push(new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0 }, children: [] }));
    for (const b of p.blocks) children.push(...block(b, lh));
  });
  return wordFile(title, children);
}
