// The print log (docs/PRINTING.md): every print, PDF and Word file of a document — what, for whom,
// by whom, when. Written after the output exists, so a cancelled dialog leaves no line. An output
// that carries full numbers also writes its printFull audit lines, in the same transaction
// (docs/PRIVACY.md).
import type { Kysely } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import { audit } from '../db/audit';
import type { DocumentKindT, PrintLogEntryT } from '../../../shared/contract/documents';
import type { z } from 'zod';
import type { PrintLogQuery } from '../../../shared/contract/documents';
import type { FullNumbers } from './model';

export interface PrintLogFacts {
  kind: DocumentKindT;
  title: string;
  audience: string;
  houseId: number | null;
  refId: number | null;
  /** the full numbers the output carries: one printFull audit line each */
  fullNumbers?: FullNumbers[];
}

/** how an output left the program: a preview on screen, or a print log action */
export type OutputKind = 'preview' | PrintLogEntryT['action'];

/** One printFull line per record whose full number the output carries: who printed whose number, never the number itself. */
async function auditFull(db: Kysely<DB>, actor: string, full: FullNumbers[] | undefined, output: OutputKind): Promise<void> {
  for (const f of full ?? []) await audit(db, actor, f.entity, f.id, 'printFull', { document: f.document, fields: f.fields, output, label: f.label });
}

export async function logPrint(ctx: CoreContext, facts: PrintLogFacts, action: PrintLogEntryT['action'], pages: number | null): Promise<void> {
  const actor = await ctx.actor();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('print_log')
      .values({
        kind: facts.kind,
        title: facts.title,
        audience: facts.audience,
        action,
        pages,
        actor,
        at: ctx.now().toISOString(),
        house_id: facts.houseId,
        ref_id: facts.refId,
      })
      .execute();
    await auditFull(trx, actor, facts.fullNumbers, action);
  });
}

/**
 * A preview shows the page on screen, full numbers included, so it is audited like a print; it
 * leaves no print log line (nothing left the program yet).
 */
export async function logPreview(ctx: CoreContext, facts: PrintLogFacts): Promise<void> {
  if (!facts.fullNumbers?.length) return;
  const actor = await ctx.actor();
  await ctx.db.transaction().execute((trx) => auditFull(trx, actor, facts.fullNumbers, 'preview'));
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
