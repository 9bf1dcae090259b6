// 受理单 and 派工单 as editable Word files: the same facts and rows as the HTML printouts
// (ticket-documents.ts), laid out with fixed widths (common.ts). Word flows text itself, so long
// descriptions are set smaller as on paper but never cut: the whole text stays editable.
import type { FileChild } from 'docx';
import { fitText, linesFor, PT_MM } from '../fit';
import { SLIP_TEXT, WORK_ORDER_TEXT, dispatchLine, fmt, promiseText, slipRows, workOrderRows, type TicketData, type TicketDocument } from '../ticket-documents';
import { cutLine, gridRow, gridTable, heading, note, signLines, text, wordFile } from './common';
import { Paragraph } from 'docx';

/** the description's text width on A4 (the grid's value cell across the table), mm */
const TEXT_W_MM = 182 - 20 - 4.3;

const fitSize = (description: string, heightMm: number) => fitText(description, { widthMm: TEXT_W_MM, heightMm }).sizePt;
/** the description's height at that size, mm (at least the box's smallest) */
const textMm = (description: string, sizePt: number) => Math.max(18, linesFor(description, sizePt, TEXT_W_MM) * sizePt * PT_MM * 1.45);

function acceptanceSlip({ d, lh, facts }: TicketData): FileChild[] {
  const t = d.ticket;
  const { head, foot } = slipRows(t, lh, facts);
  const sizePt = fitSize(t.description, 60);
  const copy = (label: string): FileChild[] => [
    ...heading(lh.org, '受 理 单', [`工单号：${t.no}`, `渠道：${t.channel}`, `受理时间：${fmt(t.receivedAt)}`, label]),
    gridTable([...head.map((r) => gridRow(r)), gridRow([['内容', t.description]], { minMm: 18, sizePt }), gridRow(foot)]),
    new Paragraph({ spacing: { before: 60 }, children: [text(promiseText(d), { sizePt: 9.5 })] }),
  ];
  return [...copy('业主联'), note(SLIP_TEXT.note), cutLine(SLIP_TEXT.cut), ...copy('存根联'), signLines(SLIP_TEXT.signs)];
}

function workOrder({ d, lh, facts }: TicketData): FileChild[] {
  const t = d.ticket;
  const { rows, after } = workOrderRows(t, facts);
  const sizePt = fitSize(t.description, 80);
  // room the description does not need goes to the boxes the technician writes in (as on paper)
  const spare = Math.max(0, 80 - textMm(t.description, sizePt));
  return [
    ...heading(lh.org, '派 工 单', [`工单号：${t.no}`, `渠道：${t.channel}`, dispatchLine(facts)]),
    gridTable([
      ...rows.map((r) => gridRow(r)),
      gridRow([['报事内容', t.description]], { minMm: 18, sizePt }),
      gridRow(after[0]),
      gridRow([['处理情况', '']], { minMm: 40 + spare * 0.7 }),
      gridRow([['使用材料', '']], { minMm: 20 + spare * 0.3 }),
      gridRow(after[1]),
    ]),
    signLines(WORK_ORDER_TEXT.signs),
    note(WORK_ORDER_TEXT.note(lh.phone), { before: 80 }),
    // the same words as on paper: this sheet carries the whole phone (docs/PRIVACY.md)
    ...(t.phone ? [note(WORK_ORDER_TEXT.privacy)] : []),
  ];
}

/** The document as the bytes of a .docx file. */
export function ticketWord(document: TicketDocument, data: TicketData, title: string): Promise<Buffer> {
  return wordFile(`${title} ${data.d.ticket.no}`, document === 'acceptanceSlip' ? acceptanceSlip(data) : workOrder(data));
}
