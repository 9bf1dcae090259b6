import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CoreContext } from '../../context';
import { invalid, notFound } from '../../errors';
import {
  ROSTER_FIELD_LABELS,
  type RosterCommitResultT,
  type RosterFieldT,
  type RosterMappingT,
  type RosterPreviewT,
  type PreviewRowT,
} from '../../../../shared/contract/imports';
import { applyPlan, type Applied } from './apply';
import { colLetter, hasData, type SheetGrid } from './grid';
import { displayHeaders, findHeaderRow, suggestMapping } from './headers';
import { recallMapping, rememberMapping } from './mapping-store';
import { planImport, type Plan } from './plan';
import { parseRows } from './records';
import { loadSnapshot } from './snapshot';
import { PlanMemo } from '../plan-memo';
import { withDeferredPersonKeys } from '../bulk';
import { fileError, readWorkbook } from './workbook';

/** A workbook read and its header found: everything the import needs from the file. */
export interface LoadedRoster {
  fileName: string;
  fileHash: string;
  grid: SheetGrid;
  headerRow: number;
  /** raw header texts, one per column from A */
  headers: string[];
  suggested: RosterMappingT;
}

export async function loadRoster(buffer: Buffer, fileName: string): Promise<LoadedRoster> {
  const grids = await readWorkbook(buffer);
  const fileHash = createHash('sha256').update(buffer).digest('hex');
  // the first sheet whose header can be recognised; else the first with anything in it
  for (const grid of grids) {
    const guess = findHeaderRow(grid);
    if (guess) return { fileName, fileHash, grid, headerRow: guess.headerRow, headers: guess.headers, suggested: guess.mapping };
  }
  const grid = grids.find(hasData);
  if (!grid) throw fileError('工作簿里没有数据');
  // no recognisable header: offer the first filled row as header and let the user map the columns
  const headerRow = Math.min(...grid.rows.keys());
  const headers: string[] = [];
  for (let c = 1; c <= grid.lastCol; c++) {
    const cell = grid.rows.get(headerRow)?.get(c);
    headers.push(cell && !cell.slaveOf ? cell.text : '');
  }
  return { fileName, fileHash, grid, headerRow, headers, suggested: suggestMapping(headers) };
}

/** A mapping must name existing columns and give each field to one column only. */
export function checkMapping(mapping: RosterMappingT, columns: number): void {
  const byField = new Map<RosterFieldT, number[]>();
  for (const [k, f] of Object.entries(mapping)) {
    const col = Number(k);
    if (!/^\d+$/.test(k) || col >= columns) throw invalid(`列对应关系有误：第${k}列不存在`, { mapping: '列不存在' });
    byField.set(f, [...(byField.get(f) ?? []), col]);
  }
  for (const [f, cols] of byField)
    if (cols.length > 1)
      throw invalid(`“${ROSTER_FIELD_LABELS[f]}”同时对应了 ${cols.map((c) => `${colLetter(c + 1)}列`).join('、')}，每项只能对应一列`, { mapping: '字段重复' });
}

/**
 * The mapping to use: the one given (checked), else the one remembered for these headers (if it
 * still fits the file), else the suggestion from the header names. Rosters and ledgers alike.
 */
export async function chooseMapping<M>(
  given: M | undefined,
  recall: () => Promise<M | null>,
  check: (m: M) => void,
  suggested: M,
): Promise<{ mapping: M; remembered: boolean }> {
  if (given) {
    check(given);
    return { mapping: given, remembered: false };
  }
  const recalled = await recall();
  if (recalled) {
    try {
      check(recalled);
      return { mapping: recalled, remembered: true };
    } catch {
      // remembered for other columns: fall back to the suggestion
    }
  }
  return { mapping: suggested, remembered: false };
}

export function resolveMapping(db: Kysely<DB>, loaded: LoadedRoster, given?: RosterMappingT): Promise<{ mapping: RosterMappingT; remembered: boolean }> {
  return chooseMapping(
    given,
    () => recallMapping(db, loaded.headers),
    (m) => checkMapping(m, loaded.headers.length),
    loaded.suggested,
  );
}

export async function ensureEstate(db: Kysely<DB>, estateId: number): Promise<void> {
  const e = await db.selectFrom('estates').select('id').where('id', '=', estateId).where('voided_at', 'is', null).executeTakeFirst();
  if (!e) throw notFound('项目');
}

async function computePlan(db: Kysely<DB>, loaded: Pick<LoadedRoster, 'grid' | 'headerRow'>, mapping: RosterMappingT, estateId: number | null): Promise<Plan> {
  const rows = parseRows(loaded.grid, loaded.headerRow, mapping);
  return planImport(rows, await loadSnapshot(db, estateId));
}

const memo = new PlanMemo<Plan>();
const memoKey = (mapping: RosterMappingT, estateId: number | null) => JSON.stringify([mapping, estateId]);

/**
 * Parses the rows with a mapping and compares them with the estate (null: an empty estate). The plan
 * is kept for the commit of the same file and mapping (imports/plan-memo.ts).
 */
export function planRoster(db: Kysely<DB>, loaded: Pick<LoadedRoster, 'grid' | 'headerRow'>, mapping: RosterMappingT, estateId: number | null): Promise<Plan> {
  return memo.plan(db, loaded.grid, memoKey(mapping, estateId), () => computePlan(db, loaded, mapping, estateId));
}

export function toPreview(token: string, loaded: LoadedRoster, mapping: RosterMappingT, remembered: boolean, plan: Plan): RosterPreviewT {
  return {
    token,
    fileName: loaded.fileName,
    sheetName: loaded.grid.name,
    headerRow: loaded.headerRow,
    headers: displayHeaders(loaded.headers),
    mapping,
    mappingRemembered: remembered,
    rows: plan.rows,
    accepted: plan.accepted,
    rejected: plan.rejected,
    warnings: plan.warnings,
    willCreate: plan.willCreate,
  };
}

/** Preview without a session (CLI, tests): what importing this file into the estate would do. */
export async function previewRoster(
  ctx: CoreContext,
  buffer: Buffer,
  fileName: string,
  estateId: number | null,
  mapping?: RosterMappingT,
): Promise<RosterPreviewT> {
  const loaded = await loadRoster(buffer, fileName);
  if (estateId !== null) await ensureEstate(ctx.db, estateId);
  const m = await resolveMapping(ctx.db, loaded, mapping);
  const plan = await planRoster(ctx.db, loaded, m.mapping, estateId);
  return toPreview('', loaded, m.mapping, m.remembered, plan);
}

export interface Committed {
  result: RosterCommitResultT;
  rows: PreviewRowT[];
  applied: Applied;
}

/**
 * Commits a loaded roster in ONE transaction: the preview's plan when the database has not changed
 * since (else one computed against the database as it is inside the transaction), written with
 * prepared statements, the batch recorded and the mapping remembered — or, on any failure, nothing at all.
 */
export async function commitLoaded(ctx: CoreContext, loaded: LoadedRoster, mapping: RosterMappingT, estateId: number): Promise<Committed> {
  await ensureEstate(ctx.db, estateId);
  const actor = await ctx.actor(); // read before the transaction: the connection is busy inside it
  const now = ctx.now().toISOString();
  const { plan, applied } = await ctx.db.transaction().execute(async (trx) => {
    const plan = await memo.take(trx, loaded.grid, memoKey(mapping, estateId), () => computePlan(trx, loaded, mapping, estateId));
    const applied = withDeferredPersonKeys(ctx.sqlite, () =>
      applyPlan(ctx.sqlite, plan, { actor, now, estateId, fileName: loaded.fileName, fileHash: loaded.fileHash }),
    );
    await rememberMapping(trx, loaded.headers, mapping);
    return { plan, applied };
  });
  return {
    result: { accepted: plan.accepted, rejected: plan.rejected, warnings: plan.warnings, created: { houses: applied.houses, people: applied.people } },
    rows: plan.rows,
    applied,
  };
}

/** Commit without a session (CLI): reads, maps (given → remembered → suggested) and imports. */
export async function commitRoster(ctx: CoreContext, buffer: Buffer, fileName: string, estateId: number, mapping?: RosterMappingT): Promise<Committed> {
  const loaded = await loadRoster(buffer, fileName);
  const m = await resolveMapping(ctx.db, loaded, mapping);
  return commitLoaded(ctx, loaded, m.mapping, estateId);
}
