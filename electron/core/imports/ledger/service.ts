import { createHash } from 'node:crypto';
import type { CoreContext } from '../../context';
import { invalid } from '../../errors';
import {
  LEDGER_FIELD_LABELS,
  LedgerMapping,
  type LedgerCommitResultT,
  type LedgerMappingT,
  type LedgerPreviewT,
  type DeskConfigT,
  type TicketT,
} from '../../../../shared/contract/desk';
import { readDeskConfig } from '../../desk/config';
import { audit } from '../../db/audit';
import { colLetter, hasData, type SheetGrid } from '../roster/grid';
import { displayHeaders, findHeaderRowBy, headerSignature } from '../roster/headers';
import { recallStored, storeMapping } from '../roster/mapping-store';
import { fileError, readWorkbook } from '../roster/workbook';
import { chooseMapping, ensureEstate } from '../roster/service';
import { suggestLedgerMapping } from './headers';
import { parseLedgerRows } from './records';
import { planLedger, type LedgerPlan } from './plan';
import { ticketWriter } from './apply';
import { PlanMemo } from '../plan-memo';
import { loadCalendar } from '../../desk/calendar';

type TicketTypeT = TicketT['type'];

export interface LoadedLedger {
  fileName: string;
  fileHash: string;
  grid: SheetGrid;
  /** the workbook's other sheets with data, named in the preview so their rows are not lost unseen */
  otherSheets: string[];
  headerRow: number;
  headers: string[];
  suggested: LedgerMappingT;
}

const mappingKey = (headers: string[]) => `import.ledger.mapping.${headerSignature(headers)}`;

export async function loadLedger(buffer: Buffer, fileName: string): Promise<LoadedLedger> {
  const grids = await readWorkbook(buffer);
  const fileHash = createHash('sha256').update(buffer).digest('hex');
  for (const grid of grids) {
    const guess = findHeaderRowBy(grid, suggestLedgerMapping);
    const otherSheets = grids.filter((g) => g !== grid && hasData(g)).map((g) => g.name);
    if (guess && guess.score >= 3)
      return { fileName, fileHash, grid, otherSheets, headerRow: guess.headerRow, headers: guess.headers, suggested: guess.mapping };
  }
  if (!grids.some(hasData)) throw fileError('工作簿里没有数据');
  throw fileError('没有找到台账的表头（如 受理时间、类型、内容）：请确认这是投诉/报事登记台账');
}

export function checkLedgerMapping(mapping: LedgerMappingT, columns: number): void {
  const seen = new Map<string, number>();
  for (const [k, f] of Object.entries(mapping)) {
    const col = Number(k);
    if (!/^\d+$/.test(k) || col >= columns) throw invalid(`列对应关系有误：第${k}列不存在`, { mapping: '列不存在' });
    if (seen.has(f))
      throw invalid(`“${LEDGER_FIELD_LABELS[f]}”同时对应了 ${colLetter(seen.get(f)! + 1)}列 和 ${colLetter(col + 1)}列，每项只能对应一列`, {
        mapping: '字段重复',
      });
    seen.set(f, col);
  }
  if (!Object.values(mapping).includes('receivedAt')) throw invalid('请指定“受理时间”对应的列', { mapping: '缺少受理时间' });
}

export function resolveLedgerMapping(
  ctx: CoreContext,
  loaded: LoadedLedger,
  given?: LedgerMappingT,
): Promise<{ mapping: LedgerMappingT; remembered: boolean }> {
  return chooseMapping(
    given,
    () => recallStored(ctx.db, mappingKey(loaded.headers), LedgerMapping),
    (m) => checkLedgerMapping(m, loaded.headers.length),
    loaded.suggested,
  );
}

export const rememberLedgerMapping = (ctx: CoreContext, headers: string[], mapping: LedgerMappingT) =>
  storeMapping(ctx.db, mappingKey(headers), headers, mapping);

const memo = new PlanMemo<LedgerPlan>();
const memoKey = (mapping: LedgerMappingT, estateId: number, defaultType: TicketTypeT | null, cfg: DeskConfigT) =>
  JSON.stringify([mapping, estateId, defaultType, cfg]);

/** Plans the import; the plan is kept for the commit of the same file, mapping and type choice (imports/plan-memo.ts). */
export async function planLoaded(
  ctx: CoreContext,
  loaded: LoadedLedger,
  mapping: LedgerMappingT,
  estateId: number,
  defaultType: TicketTypeT | null = null,
): Promise<LedgerPlan> {
  const cfg = await readDeskConfig(ctx);
  return memo.plan(ctx.db, loaded.grid, memoKey(mapping, estateId, defaultType, cfg), () =>
    planLedger(ctx.db, estateId, parseLedgerRows(loaded.grid, loaded.headerRow, mapping, estateId, defaultType), cfg),
  );
}

export function toLedgerPreview(
  token: string,
  loaded: LoadedLedger,
  mapping: LedgerMappingT,
  remembered: boolean,
  plan: LedgerPlan,
  defaultType: TicketTypeT | null = null,
): LedgerPreviewT {
  return {
    token,
    fileName: loaded.fileName,
    sheetName: loaded.grid.name,
    headerRow: loaded.headerRow,
    headers: displayHeaders(loaded.headers),
    mapping,
    mappingRemembered: remembered,
    defaultType,
    otherSheets: loaded.otherSheets,
    rows: plan.rows,
    accepted: ledgerOutcome(plan).accepted,
    rejected: plan.rejected,
    warnings: plan.warnings,
    willCreate: { tickets: plan.tickets.length },
  };
}

/**
 * Writes every planned ticket in one transaction: the whole ledger lands, or nothing does. The plan is
 * the preview's when the database has not changed since, else made inside the transaction, so what is
 * written matches what the database holds now.
 */
export async function commitLoadedLedger(
  ctx: CoreContext,
  loaded: LoadedLedger,
  mapping: LedgerMappingT,
  estateId: number,
  defaultType: TicketTypeT | null = null,
): Promise<{ result: LedgerCommitResultT; plan: LedgerPlan }> {
  const cfg = await readDeskConfig(ctx);
  const actor = await ctx.actor();
  const plan = await ctx.db.transaction().execute(async (trx) => {
    const p = await memo.take(trx, loaded.grid, memoKey(mapping, estateId, defaultType, cfg), () =>
      planLedger(trx, estateId, parseLedgerRows(loaded.grid, loaded.headerRow, mapping, estateId, defaultType), cfg),
    );
    // the calendar once for every deadline (inside the transaction: every read goes through trx)
    const cal = await loadCalendar({ db: trx }, cfg);
    const writer = ticketWriter(ctx.sqlite, { estateId, cfg, cal, actor, fileName: loaded.fileName, now: ctx.now() });
    for (const t of p.tickets) writer.write(t);
    writer.finish();
    await trx
      .insertInto('import_batches')
      .values({
        kind: 'ledger',
        file_name: loaded.fileName,
        file_hash: loaded.fileHash,
        at: ctx.now().toISOString(),
        accepted: ledgerOutcome(p).accepted,
        rejected: p.rejected.length,
        created_json: JSON.stringify({ tickets: p.tickets.length }),
      })
      .execute();
    await audit(trx, actor, 'import_batch', null, 'import.ledger', {
      file: loaded.fileName,
      tickets: p.tickets.length,
      rejected: p.rejected.length,
      defaultType,
    });
    await storeMapping(trx, mappingKey(loaded.headers), loaded.headers, mapping);
    return p;
  });
  return { plan, result: ledgerOutcome(plan) };
}

/** Reads a ledger file and tells what importing it would do; writes nothing. A null estate previews against an empty one. */
export async function previewLedger(
  ctx: CoreContext,
  buffer: Buffer,
  fileName: string,
  estateId: number | null,
  mapping?: LedgerMappingT,
): Promise<LedgerPreviewT> {
  const loaded = await loadLedger(buffer, fileName);
  if (estateId !== null) await ensureEstate(ctx.db, estateId);
  const m = await resolveLedgerMapping(ctx, loaded, mapping);
  const plan = await planLoaded(ctx, loaded, m.mapping, estateId ?? -1);
  return toLedgerPreview('', loaded, m.mapping, m.remembered, plan);
}

/** Reads a ledger file and imports it all-or-nothing (the remembered or suggested mapping unless one is given). */
export async function commitLedger(
  ctx: CoreContext,
  buffer: Buffer,
  fileName: string,
  estateId: number,
  mapping?: LedgerMappingT,
): Promise<LedgerCommitResultT> {
  const loaded = await loadLedger(buffer, fileName);
  await ensureEstate(ctx.db, estateId);
  const m = await resolveLedgerMapping(ctx, loaded, mapping);
  return (await commitLoadedLedger(ctx, loaded, m.mapping, estateId)).result;
}

/** What an import did (or, for a preview or dry run, would do). */
export function ledgerOutcome(plan: LedgerPlan): LedgerCommitResultT {
  return {
    accepted: plan.rows.filter((r) => r.status !== 'rejected').length,
    rejected: plan.rejected,
    warnings: plan.warnings,
    created: { tickets: plan.tickets.length },
  };
}
