// 受理单 (acceptance slip: owner's copy + stub on one sheet) and 派工单 (work order), as HTML for
// Chromium to print. Layout rules and why: docs/PRINTING.md.
import type { CoreContext } from '../context';
import type { TicketDetailT } from '../../../shared/contract/desk';
import { cstDateTime } from '../../../shared/domain/time';
import { maskPhone } from '../../../shared/domain/mask';
import { getTicketDetail } from '../desk/ticket-read';
import { DEFAULT_SETTINGS } from '../system/settings';
import { letterheadFor } from './letterhead';
import { GRID, contentMm, h, page, raw, type PageSize, type Raw } from './html';
import { fitText, linesFor, PT_MM, type TextFit } from './fit';
import { printFontCss } from './fonts';
import type { FullNumbers, Row } from './model';

export type TicketDocument = 'acceptanceSlip' | 'workOrder';
export const DOCUMENT_TITLES: Record<TicketDocument, string> = { acceptanceSlip: '受理单', workOrder: '派工单' };

export interface Letterhead {
  org: string;
  phone: string;
  /** the logo as a data: URL, or null when 设置 hides it */
  logo: string | null;
}

/** The slips' header line, from the one company header of 设置 → 单据抬头 (letterhead.ts). */
async function letterhead(ctx: CoreContext, estateId: number): Promise<Letterhead> {
  const lh = await letterheadFor(ctx, estateId);
  return { org: lh.org, phone: lh.phone, logo: lh.logo?.dataUrl ?? null };
}

/** the logo, one line high, before the company name */
const orgLogo = (lh: Letterhead) => (lh.logo ? h`<img class="org-logo" src="${raw(lh.logo)}" alt="">` : '');

export const fmt = (iso: string | null | undefined) => (iso ? cstDateTime(iso) : '');

/** What the document needs beyond the ticket detail: the last 派工 and who recorded the ticket. */
export interface Facts {
  dispatch: { at: string; actor: string; note: string | null } | null;
  /** the person who recorded the ticket; '' when only the placeholder name is known (written by hand) */
  receivedBy: string;
}

/** The placeholder actor used while no staff name is set in 设置; never printed as a person. */
export const realName = (name: string | null | undefined) => (name && name.trim() && name.trim() !== DEFAULT_SETTINGS.staffName ? name.trim() : '');

async function factsOf(ctx: CoreContext, d: TicketDetailT): Promise<Facts> {
  const ev = await ctx.db
    .selectFrom('ticket_events')
    .select(['at', 'actor', 'note', 'data'])
    .where('ticket_id', '=', d.ticket.id)
    .where('action', 'in', ['dispatch', 'reassign'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  let dispatch: Facts['dispatch'] = null;
  if (ev) {
    // tickets.ts stores the note as "部门 · 处理人；说明": keep only what was typed at 派工
    let note = ev.note;
    try {
      const data = ev.data ? (JSON.parse(ev.data) as { department?: string | null; assignee?: string | null }) : null;
      const who = data?.department ? `${data.department}${data.assignee ? ` · ${data.assignee}` : ''}` : null;
      if (note && who && note.startsWith(who)) note = note.slice(who.length).replace(/^；/, '');
    } catch {
      // data from an old import: print the note as stored
    }
    dispatch = { at: ev.at, actor: ev.actor, note: note?.trim() || null };
  }
  const created = d.events.find((e) => e.action === 'create');
  return { dispatch, receivedBy: realName(d.ticket.receivedBy) || realName(created?.actor) };
}

// ---- layout arithmetic (mm), from the CSS in html.ts
const BODY_PT = 10;
const BODY_LH = 1.45;
const lineMm = (pt: number, lh = BODY_LH) => pt * PT_MM * lh;
const HEADER_MM = 5 + 0.5 + 8 + 0.5 + 5 + 1; // .org + h1 + .meta
const cellPad = 2 * GRID.padY + GRID.border;
/** width of the text in a value cell: the whole row, or one of two halves */
const cellWidth = (pageW: number, span: boolean) => (span ? pageW - GRID.th : (pageW - 2 * GRID.th) / 2) - 2 * GRID.padX - GRID.border;

function rowHeight(row: Row, pageW: number): number {
  const span = row.length === 1;
  const lines = Math.max(1, ...row.map(([, v]) => linesFor(v, BODY_PT, cellWidth(pageW, span))));
  return lines * lineMm(BODY_PT) + cellPad;
}
const rowsHeight = (rows: Row[], pageW: number) => rows.reduce((sum, r) => sum + rowHeight(r, pageW), 0) + GRID.border;

const rowHtml = (row: Row): Raw =>
  row.length === 1
    ? h`<tr><th>${row[0][0]}</th><td colspan="3">${row[0][1]}</td></tr>`
    : h`<tr><th>${row[0][0]}</th><td>${row[0][1]}</td><th>${row[1][0]}</th><td>${row[1][1]}</td></tr>`;

/** A value cell across the table holding long text at the size fitText chose. */
const textRow = (label: string, fit: TextFit, minMm: number): Raw =>
  h`<tr><th>${label}</th><td colspan="3" class="text" style="${raw(`font-size:${fit.sizePt}pt;line-height:${fit.lineHeight};height:${minMm.toFixed(1)}mm`)}">${fit.text}</td></tr>`;

const grid = (rows: Raw[]): Raw => h`<table class="grid"><colgroup><col class="th"><col><col class="th"><col></colgroup>${rows}</table>`;

/** the resolve deadline of a repair with a visit is that visit (rounded up to the minute in tickets.ts) */
const sameMinute = (a: string | null, b: string | null) => !!a && !!b && Math.abs(Date.parse(a) - Date.parse(b)) < 60_000;

const category = (t: TicketDetailT['ticket']) => `${t.category}${t.subcategory ? ` / ${t.subcategory}` : ''}`;

/** The slip's promise: the visit agreed, and the response (and completion) times the centre commits to. */
export function promiseText(d: TicketDetailT): string {
  const { sla, expectedVisitAt } = d.ticket;
  const parts: string[] = [];
  if (sla.respondDueAt) parts.push(`${fmt(sla.respondDueAt)} 前响应`);
  if (sla.resolveDueAt && !sameMinute(sla.resolveDueAt, expectedVisitAt)) parts.push(`${fmt(sla.resolveDueAt)} 前处理完毕`);
  const promise = parts.length ? `我们承诺：${parts.join('，')}${sla.clock === 'working' ? '（按工作时间计）' : ''}。` : '';
  const visit = expectedVisitAt ? `预约上门时间：${fmt(expectedVisitAt)}。` : '';
  return `${visit}${promise}` || '感谢您的反馈，我们会尽快处理。';
}

const PROMISE_PT = 9.5;
const promiseHeight = (text: string, pageW: number) => linesFor(text, PROMISE_PT, pageW - 4 - 0.6) * lineMm(PROMISE_PT) + 2.4 + 0.3;
const NOTE_MM = 1 + 4.5;
const CUT_MM = 4 + 3;
const SIGN_MM = 3 + 7 + 4.5;
/** kept free on every page for rounding in Chromium's layout */
const SLACK_MM = 6;
const MIN_TEXT_MM = 18;

interface Built {
  body: Raw[];
}

/** The 受理单's rows above and below the description (HTML and Word alike). */
export function slipRows(t: TicketDetailT['ticket'], lh: Letterhead, f: Facts): { head: Row[]; foot: Row } {
  const head: Row[] = [
    [
      ['类型', `${t.type}（${t.urgency}）`],
      ['类别', category(t)],
    ],
    [['位置', t.location]],
    [
      ['报事人', t.reporter ?? ''],
      ['联系电话', t.phone ?? ''],
    ],
  ];
  const foot: Row = [
    ['受理人', f.receivedBy],
    ['服务电话', lh.phone],
  ];
  return { head, foot };
}

export const SLIP_TEXT = {
  note: '请妥善保管本单，查询进度请报工单号。处理完毕后我们将回访，欢迎提出意见。',
  cut: '沿虚线裁开 · 上联交业主，下联存根',
  signs: ['业主签字：', '受理人签字：', '日期：'],
};
export const WORK_ORDER_TEXT = {
  signs: ['处理人签字：', '业主签字确认：', '客服复核：'],
  note: (phone: string) => `完工后请业主签字确认，并于当日将本单交回客服中心。服务电话：${phone}`,
  /** the 派工单 carries the resident's whole phone (the technician calls before the visit) and says so (docs/PRIVACY.md) */
  fullPhone: '（完整号码）',
  privacy: '本单含完整联系电话，仅供上门联系，用后交回客服中心。',
};

/** 联: the owner's copy above the cut line, the centre's stub with signatures below it (A5: a page each). */
function acceptanceSlip(d: TicketDetailT, lh: Letterhead, f: Facts, size: PageSize): Built {
  const t = d.ticket;
  const pg = contentMm(size);
  const { head, foot } = slipRows(t, lh, f);
  const promise = promiseText(d);
  const tableMm = rowsHeight([...head, foot], pg.w) + cellPad;
  const ownerFixed = HEADER_MM + tableMm + promiseHeight(promise, pg.w) + NOTE_MM;
  const stubFixed = HEADER_MM + tableMm + promiseHeight(promise, pg.w) + SIGN_MM;
  // A4: both 联 share the sheet and the description gets the same room in each; A5: a sheet each
  const room = size === 'A4' ? (pg.h - SLACK_MM - CUT_MM - ownerFixed - stubFixed) / 2 : pg.h - SLACK_MM - Math.max(ownerFixed, stubFixed);
  const fit = fitText(t.description, { widthMm: cellWidth(pg.w, true), heightMm: room });
  const boxMm = Math.min(room, Math.max(MIN_TEXT_MM, linesFor(fit.text, fit.sizePt, cellWidth(pg.w, true)) * lineMm(fit.sizePt, fit.lineHeight)));

  const copy = (label: string) => h`
    <div class="org">${orgLogo(lh)}${lh.org}</div>
    <h1>受 理 单</h1>
    <div class="meta"><span>工单号：<span class="no">${t.no}</span></span>${size === 'A4' ? h`<span>渠道：${t.channel}</span>` : ''}<span>受理时间：${fmt(t.receivedAt)}</span><span class="copy-label">${label}</span></div>
    ${grid([...head.map(rowHtml), textRow('内容', fit, boxMm), h`<tr><th>受理人</th><td>${f.receivedBy || raw('<span class="blank"></span>')}</td><th>服务电话</th><td>${lh.phone}</td></tr>`])}
    <div class="promise">${promise}</div>`;
  const cut = size === 'A4' ? h`<div class="cut"><span>${SLIP_TEXT.cut}</span></div>` : h`<div style="break-before: page"></div>`;
  const body = [
    h`<div class="doc slip">
    ${copy('业主联')}
    <div class="note">${SLIP_TEXT.note}</div>
    ${cut}
    ${copy('存根联')}
    <div class="sign">${SLIP_TEXT.signs.map((x) => h`<div>${x}</div>`)}</div>
  </div>`,
  ];
  if (fit.truncated) body.push(continuation('受理单', t, lh));
  return { body };
}

/** The whole description on a sheet of its own, when the form only had room for its start. */
function continuation(title: string, t: TicketDetailT['ticket'], lh: Letterhead): Raw {
  return h`<div class="doc continued">
    <div class="org">${orgLogo(lh)}${lh.org}</div>
    <h1>${title}（续页）</h1>
    <div class="meta"><span>工单号：<span class="no">${t.no}</span></span><span>位置：${t.location}</span><span>受理时间：${fmt(t.receivedAt)}</span></div>
    ${grid([h`<tr><th>内容全文</th><td colspan="3" class="text">${t.description}</td></tr>`])}
  </div>`;
}

/** the boxes the technician writes in, at their smallest */
const WORK_NOTES_MM: Record<PageSize, { result: number; materials: number }> = { A4: { result: 24, materials: 12 }, A5: { result: 16, materials: 8 } };
const WORK_ORDER_SIZES = [10.5, 10, 9.5, 9.25, 9, 8.75, 8.5];

/** The 派工单's rows: the job above the description, the technician's boxes below it (HTML and Word alike). */
export function workOrderRows(t: TicketDetailT['ticket'], f: Facts): { rows: Row[]; after: [Row, Row] } {
  const visit = t.expectedVisitAt ? fmt(t.expectedVisitAt) : '';
  const rows: Row[] = [
    [
      ['类型', `${t.type}（${t.urgency}）`],
      ['类别', category(t)],
    ],
    [['位置', t.location]],
    [
      ['联系人', t.reporter ?? ''],
      ['联系电话', t.phone ? `${t.phone}${WORK_ORDER_TEXT.fullPhone}` : ''],
    ],
    [
      ['处理部门', t.department ?? ''],
      ['处理人', t.assignee ?? ''],
    ],
    [
      ['受理时间', fmt(t.receivedAt)],
      ['受理人', f.receivedBy],
    ],
    [['要求响应', fmt(t.sla.respondDueAt)], visit ? ['预约上门', visit] : ['要求完成', fmt(t.sla.resolveDueAt)]],
    ...(visit && t.sla.resolveDueAt && !sameMinute(t.sla.resolveDueAt, t.expectedVisitAt) ? ([[['要求完成', fmt(t.sla.resolveDueAt)]]] as Row[]) : []),
    [['派工说明', f.dispatch?.note ?? '']],
  ];
  const after: [Row, Row] = [
    [
      ['到场时间', ''],
      ['完成时间', ''],
    ],
    [['业主评价', '□ 非常满意　□ 满意　□ 一般　□ 不满意　□ 非常不满意']],
  ];
  return { rows, after };
}

/** who dispatched it and when, under the 派工单's title */
export const dispatchLine = (f: Facts) =>
  f.dispatch ? `派工：${fmt(f.dispatch.at)}${realName(f.dispatch.actor) ? ` · ${realName(f.dispatch.actor)}` : ''}` : '尚未派工';

function workOrder(d: TicketDetailT, lh: Letterhead, f: Facts, size: PageSize): Built {
  const t = d.ticket;
  const pg = contentMm(size);
  const { rows, after } = workOrderRows(t, f);
  const notes = WORK_NOTES_MM[size];
  const full = !!t.phone;
  const fixed =
    HEADER_MM + rowsHeight([...rows, ...after], pg.w) + cellPad + notes.result + cellPad + notes.materials + cellPad + SIGN_MM + NOTE_MM * (full ? 2 : 1);
  const room = pg.h - SLACK_MM - fixed;
  const fit = fitText(t.description, { widthMm: cellWidth(pg.w, true), heightMm: room }, WORK_ORDER_SIZES);
  const boxMm = Math.min(room, Math.max(MIN_TEXT_MM, linesFor(fit.text, fit.sizePt, cellWidth(pg.w, true)) * lineMm(fit.sizePt, fit.lineHeight)));
  // room the description does not need goes to the boxes the technician writes in
  const spare = Math.max(0, room - boxMm);
  const resultMm = notes.result + Math.min(spare * 0.7, 50);
  const materialsMm = notes.materials + Math.min(spare * 0.3, 20);
  const by = dispatchLine(f);
  const body = [
    h`<div class="doc work-order">
    <div class="org">${orgLogo(lh)}${lh.org}</div>
    <h1>派 工 单</h1>
    <div class="meta"><span>工单号：<span class="no">${t.no}</span></span>${size === 'A4' ? h`<span>渠道：${t.channel}</span>` : ''}<span>${by}</span></div>
    ${grid([
      ...rows.map(rowHtml),
      textRow('报事内容', fit, boxMm),
      rowHtml(after[0]),
      h`<tr><th>处理情况</th><td colspan="3" style="height:${raw(resultMm.toFixed(1) + 'mm')}"></td></tr>`,
      h`<tr><th>使用材料</th><td colspan="3" style="height:${raw(materialsMm.toFixed(1) + 'mm')}"></td></tr>`,
      rowHtml(after[1]),
    ])}
    <div class="sign">${WORK_ORDER_TEXT.signs.map((x) => h`<div>${x}</div>`)}</div>
    <div class="note">${WORK_ORDER_TEXT.note(lh.phone)}</div>
    ${full ? h`<div class="note">${WORK_ORDER_TEXT.privacy}</div>` : ''}
  </div>`,
  ];
  if (fit.truncated) body.push(continuation('派工单', t, lh));
  return { body };
}

/** Everything a ticket document prints, gathered once for the HTML and the Word file alike. */
export interface TicketData {
  d: TicketDetailT;
  lh: Letterhead;
  facts: Facts;
}

/**
 * The ticket as the document prints it. getTicketDetail carries the stored phone (screens get
 * screenDetail of it): the 受理单 goes home with the resident and prints it masked; the 派工单 goes to the
 * technician, who must call, and prints it whole (docs/PRIVACY.md).
 */
export async function gatherTicket(ctx: CoreContext, ticketId: number, document: TicketDocument): Promise<TicketData> {
  const d = await getTicketDetail(ctx, ticketId);
  const [lh, facts] = await Promise.all([letterhead(ctx, d.ticket.estateId), factsOf(ctx, d)]);
  const stored = d.ticket.phone;
  const phone = stored ? (document === 'workOrder' ? stored : maskPhone(stored)) : null;
  return { d: { ...d, ticket: { ...d.ticket, phone } }, lh, facts };
}

/** the printFull audit lines a ticket document's outputs write: the 派工单 with a phone on it */
export function ticketFullNumbers(document: TicketDocument, data: TicketData): FullNumbers[] {
  const t = data.d.ticket;
  return document === 'workOrder' && t.phone ? [{ entity: 'ticket', id: t.id, fields: ['phone'], document: DOCUMENT_TITLES.workOrder, label: t.no }] : [];
}

/** Renders a ticket document as a self-contained HTML page (fonts embedded), ready for Chromium to print. */
export async function renderTicketDocument(
  ctx: CoreContext,
  input: { document: TicketDocument; ticketId: number; pageSize?: PageSize },
  data?: TicketData,
): Promise<{ html: string; fileName: string; title: string }> {
  const { d, lh, facts } = data ?? (await gatherTicket(ctx, input.ticketId, input.document));
  const title = DOCUMENT_TITLES[input.document];
  const size = input.pageSize ?? 'A4';
  const { body } = input.document === 'acceptanceSlip' ? acceptanceSlip(d, lh, facts, size) : workOrder(d, lh, facts, size);
  const content = body.map((b) => b.html).join('');
  const fontCss = await printFontCss(content);
  return { html: page(`${title} ${d.ticket.no}`, size, body, fontCss), fileName: `${title}-${d.ticket.no}.pdf`, title };
}
