// The print log (docs/PRINTING.md): every print, PDF and Word file of a document — what, for whom,
// by whom, when. Written after the output exists, so a cancelled dialog leaves no line.
import type { CoreContext } from '../context';
import type { DocumentKindT, PrintLogEntryT } from '../../../shared/contract/documents';
import type { z } from 'zod';
import type { PrintLogQuery } from '../../../shared/contract/documents';

export interface PrintLogFacts {
  kind: DocumentKindT;
  title: string;
  audience: string;
  houseId: number | null;
  refId: number | null;
}

export async function logPrint(ctx: CoreContext, facts: PrintLogFacts, action: PrintLogEntryT['action'], pages: number | null): Promise<void> {
  await ctx.db
    .insertInto('print_log')
    .values({
      kind: facts.kind,
      title: facts.title,
      audience: facts.audience,
      action,
      pages,
      actor: await ctx.actor(),
      at: ctx.now().toISOString(),
      house_id: facts.houseId,
      ref_id: facts.refId,
    })
    .execute();
}

/** Newest first, filtered by document type, house or record. */
export async function listPrintLog(ctx: CoreContext, q: z.output<typeof PrintLogQuery>): Promise<PrintLogEntryT[]> {
  let query = ctx.db.selectFrom('print_log').selectAll();
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.houseId) query = query.where('house_id', '=', q.houseId);
  if (q.refId) query = query.where('ref_id', '=', q.refId);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DocumentKindT,
    title: r.title,
    audience: r.audience,
    action: r.action as PrintLogEntryT['action'],
    pages: r.pages,
    actor: r.actor,
    at: r.at,
    houseId: r.house_id,
    refId: r.ref_id,
  }));
}
