// Every printable document, in one place (docs/PRINTING.md): a request names the kind and the record;
// sourceFor() gathers its facts once into a DocumentSource, and the same source gives the HTML
// page Chromium previews and prints (renderHtml) and the editable Word file (renderWord).
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import { DOCUMENT_KIND_TITLES, type DocumentKindT, type DocumentRequestT } from '../../../shared/contract/documents';
import { gatherTicket, renderTicketDocument, ticketFullNumbers } from './ticket-documents';
import { ticketWord } from './word/ticket-word';
import { letterheadFor } from './letterhead';
import { renderPagesHtml } from './html-render';
import { renderPagesWord } from './word/word-render';
import { packetSource } from './packet/source';
import { noticeSource } from '../notices/document';
import { moveOutPassSource, renovationPermitSource } from '../renovation/documents';
import type { DocPage, DocumentSource } from './model';

/** the names the command line takes: `npm run cli -- document move-in-packet` */
export const CLI_NAMES: Record<DocumentKindT, string> = {
  acceptanceSlip: 'acceptance-slip',
  workOrder: 'work-order',
  moveInPacket: 'move-in-packet',
  notice: 'notice',
  renovationPermit: 'renovation-permit',
  hotWorkPermit: 'hot-work-permit',
  moveOutPass: 'move-out-pass',
};

export const documentByCliName = (name: string): DocumentKindT | undefined => (Object.keys(CLI_NAMES) as DocumentKindT[]).find((k) => CLI_NAMES[k] === name);

/** 受理单 and 派工单 keep their hand-fitted layout (ticket-documents.ts) and render themselves. */
async function ticketSource(ctx: CoreContext, req: Extract<DocumentRequestT, { document: 'acceptanceSlip' | 'workOrder' }>): Promise<DocumentSource> {
  const data = await gatherTicket(ctx, req.ticketId, req.document);
  const title = DOCUMENT_KIND_TITLES[req.document];
  const t = data.d.ticket;
  return {
    kind: req.document,
    title,
    fileBase: `${title}-${t.no}`,
    pageSize: req.pageSize ?? 'A4',
    letterhead: await letterheadFor(ctx, t.estateId),
    audience: t.location || t.reporter || t.no,
    houseId: t.houseId,
    refId: t.id,
    count: 1,
    unit: async () => [],
    own: {
      html: async () => (await renderTicketDocument(ctx, { document: req.document, ticketId: req.ticketId, pageSize: req.pageSize }, data)).html,
      word: () => ticketWord(req.document, data, title),
    },
    fullNumbers: ticketFullNumbers(req.document, data),
  };
}

/** Gathers what a request prints; a Chinese refusal when its record does not exist. */
export function sourceFor(ctx: CoreContext, req: DocumentRequestT): Promise<DocumentSource> {
  switch (req.document) {
    case 'acceptanceSlip':
    case 'workOrder':
      return ticketSource(ctx, req);
    case 'moveInPacket':
      return packetSource(ctx, req);
    case 'notice':
      return noticeSource(ctx, req);
    case 'renovationPermit':
    case 'hotWorkPermit':
      return renovationPermitSource(ctx, req);
    case 'moveOutPass':
      return moveOutPassSource(ctx, req);
  }
}

/** Every page of the source, unit by unit; `onUnit` reports progress and may stop the work by throwing. */
export async function allPages(src: DocumentSource, onUnit?: (done: number) => void): Promise<DocPage[]> {
  const pages: DocPage[] = [];
  for (let i = 0; i < src.count; i++) {
    pages.push(...(await src.unit(i)));
    onUnit?.(i + 1);
  }
  return pages;
}

/** The whole document as one HTML page for Chromium. */
export async function renderHtml(src: DocumentSource, pages?: DocPage[]): Promise<string> {
  if (src.own) return src.own.html();
  return renderPagesHtml(src.title, pages ?? (await allPages(src)), src.letterhead, src.pageSize);
}

/** The whole document as an editable Word file. */
export async function renderWord(src: DocumentSource, pages?: DocPage[]): Promise<Buffer> {
  if (src.own) return src.own.word();
  return renderPagesWord(src.title, pages ?? (await allPages(src)), src.letterhead);
}

/** a ticket by the number printed on it (工单号), voided ones included: a printout may be reprinted */
export async function ticketIdByNo(ctx: CoreContext, no: string): Promise<number> {
  const row = await ctx.db.selectFrom('tickets').select('id').where('no', '=', no.trim()).executeTakeFirst();
  if (!row) throw new UserError('NOT_FOUND', `没有工单号为「${no.trim()}」的工单`);
  return row.id;
}
