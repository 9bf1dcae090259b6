// One entry per printable document (docs/PRINTING.md): its facts are gathered once
// (gatherTicket) and feed both the HTML page Chromium previews and prints (renderTicketDocument)
// and the editable Word file (ticketWord). Later documents add a line.
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import { DOCUMENT_TITLES, gatherTicket, type TicketDocument } from './ticket-documents';
import { ticketWord } from './word/ticket-word';

interface DocumentKind {
  title: string;
  /** the name the command line takes: `npm run cli -- document acceptance-slip` */
  cliName: string;
}

export const DOCUMENT_KINDS: Record<TicketDocument, DocumentKind> = {
  acceptanceSlip: { title: DOCUMENT_TITLES.acceptanceSlip, cliName: 'acceptance-slip' },
  workOrder: { title: DOCUMENT_TITLES.workOrder, cliName: 'work-order' },
};

export const documentByCliName = (name: string): TicketDocument | undefined =>
  (Object.keys(DOCUMENT_KINDS) as TicketDocument[]).find((k) => DOCUMENT_KINDS[k].cliName === name);

/** The document as an editable Word file, named like its PDF. */
export async function ticketWordFile(ctx: CoreContext, input: { document: TicketDocument; ticketId: number }): Promise<{ fileName: string; bytes: Buffer }> {
  const data = await gatherTicket(ctx, input.ticketId);
  const { title } = DOCUMENT_KINDS[input.document];
  return { fileName: `${title}-${data.d.ticket.no}.docx`, bytes: await ticketWord(input.document, data, title) };
}

/** a ticket by the number printed on it (工单号), voided ones included: a printout may be reprinted */
export async function ticketIdByNo(ctx: CoreContext, no: string): Promise<number> {
  const row = await ctx.db.selectFrom('tickets').select('id').where('no', '=', no.trim()).executeTakeFirst();
  if (!row) throw new UserError('NOT_FOUND', `没有工单号为「${no.trim()}」的工单`);
  return row.id;
}
