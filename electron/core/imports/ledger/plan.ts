import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { DeskConfigT, LedgerPreviewT } from '../../../../shared/contract/desk';
import { isRunningNumber, type LedgerRow } from './records';
import { rebuildTimeline, type Timeline } from './timeline';

export interface PlannedTicket {
  source: LedgerRow;
  houseId: number | null;
  buildingId: number | null;
  location: string;
  category: string;
  subcategory: string | null;
  /** the ledger's own number when free, else null (one is generated at commit) */
  no: string | null;
  timeline: Timeline;
}

export interface LedgerPlan {
  rows: LedgerPreviewT['rows'];
  tickets: PlannedTicket[];
  rejected: { row: number; reason: string }[];
  warnings: { row: number; reason: string }[];
}

interface HouseRef {
  id: number;
  buildingId: number;
  label: string;
}

async function houseIndex(db: Kysely<DB>, estateId: number) {
  const rows = await db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.building_id', 'b.code as b', 'b.name as bname', 'u.code as u', 'u.name as uname', 'h.room_no'])
    .where('h.estate_id', '=', estateId)
    .where('h.voided_at', 'is', null)
    .execute();
  const exact = new Map<string, HouseRef>();
  const byRoom = new Map<string, HouseRef[]>();
  for (const r of rows) {
    const ref = { id: r.id, buildingId: r.building_id, label: `${r.bname}${r.uname ?? ''}${r.room_no}` };
    exact.set(`${r.b}|${r.u ?? ''}|${r.room_no}`, ref);
    byRoom.set(`${r.b}|${r.room_no}`, [...(byRoom.get(`${r.b}|${r.room_no}`) ?? []), ref]);
  }
  const buildings = new Map(
    (await db.selectFrom('buildings').select(['id', 'code', 'name']).where('estate_id', '=', estateId).where('voided_at', 'is', null).execute()).map((b) => [
      b.code,
      b,
    ]),
  );
  return { exact, byRoom, buildings };
}

/** Maps a ledger category onto the configured tree; unknown ones are kept under 其他 with a warning. */
export function mapCategory(cfg: DeskConfigT, text: string): { category: string; subcategory: string | null; warning: string | null } {
  const t = text.replace(/\s/g, '');
  if (!t) return { category: '其他', subcategory: null, warning: '缺少类别，记为“其他”' };
  const [a, b] = t.split(/[>/\-－—、|]/).filter(Boolean);
  const top = cfg.categories.find((c) => c.name === a);
  if (top)
    return { category: top.name, subcategory: b ?? null, warning: b && !top.children.includes(b) ? `小类“${b}”不在“${top.name}”的设置中，按原文保留` : null };
  const parent = cfg.categories.find((c) => c.children.includes(a));
  if (parent) return { category: parent.name, subcategory: a, warning: null };
  return { category: '其他', subcategory: t, warning: `类别“${t}”不在类别设置中，记为“其他/${t}”` };
}

/** The values of `column` (unique, indexed) among `values` that tickets already hold. */
async function existing(db: Kysely<DB>, column: 'import_key' | 'no', values: string[]): Promise<string[]> {
  if (!values.length) return [];
  const rows = await sql<{
    v: string;
  }>`select ${sql.ref(column)} as v from tickets where ${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`.execute(db);
  return rows.rows.map((r) => r.v);
}

export async function planLedger(db: Kysely<DB>, estateId: number, parsed: LedgerRow[], cfg: DeskConfigT): Promise<LedgerPlan> {
  const idx = await houseIndex(db, estateId);
  // which rows were imported before, and which numbers are taken: one statement each over a JSON array
  // (json_each, SQLite-specific; PostgreSQL: = any($1)) instead of 500-value IN lists, 20 each for 10,000 rows
  const known = new Set(
    await existing(
      db,
      'import_key',
      parsed.map((p) => p.key),
    ),
  );
  const takenNos = new Set(
    await existing(
      db,
      'no',
      parsed.map((p) => p.no).filter((n): n is string => !!n),
    ),
  );

  const plan: LedgerPlan = { rows: [], tickets: [], rejected: [], warnings: [] };
  const seen = new Map<string, { row: number; fingerprint: string }>();
  const usedNos = new Map<string, number>();
  for (const p of parsed) {
    const warnings = [...p.warnings];
    const preview = (status: LedgerPreviewT['rows'][number]['status'], reason: string | null, location: string | null) => {
      plan.rows.push({ row: p.row, status, no: p.no, receivedAt: p.receivedAt, type: p.type, location, reason, warnings });
      if (reason && status === 'rejected') plan.rejected.push({ row: p.row, reason });
      for (const w of warnings) plan.warnings.push({ row: p.row, reason: w });
    };
    if (p.reason) {
      preview('rejected', p.reason, p.locationText || null);
      continue;
    }
    const first = seen.get(p.key);
    if (first) {
      if (first.fingerprint === p.fingerprint) {
        warnings.push(`与第${first.row}行完全相同，已合并`);
        preview('duplicate', null, p.locationText || null);
      } else if (p.no && !isRunningNumber(p.no)) preview('rejected', `编号 ${p.no} 与第${first.row}行重复，但内容不同`, p.locationText || null);
      else preview('rejected', `与第${first.row}行的受理时间、类型、位置和内容相同，其余各项却不同：请核对后保留一行`, p.locationText || null);
      continue;
    }
    seen.set(p.key, { row: p.row, fingerprint: p.fingerprint });
    let house: HouseRef | null = null;
    if (p.room) {
      house = idx.exact.get(`${p.room.building}|${p.room.unit ?? ''}|${p.room.room}`) ?? null;
      if (!house && !p.room.unit) {
        const candidates = idx.byRoom.get(`${p.room.building}|${p.room.room}`) ?? [];
        if (candidates.length === 1) house = candidates[0];
      }
    }
    // imported before (this file or an earlier copy of it): nothing to do, nothing to warn about
    if (known.has(p.key)) {
      plan.rows.push({
        row: p.row,
        status: 'unchanged',
        no: p.no,
        receivedAt: p.receivedAt,
        type: p.type,
        location: house?.label ?? (p.locationText || null),
        reason: null,
        warnings: [],
      });
      continue;
    }
    if (p.room && !house) warnings.push(`未找到房屋：${p.locationText}，按文字位置导入`);
    const building = house ? null : p.buildingCode ? idx.buildings.get(p.buildingCode) : undefined;
    const location = house?.label ?? (p.locationText || '未注明位置');
    if (!house && !p.locationText) warnings.push('没有位置信息');
    const cat = mapCategory(cfg, p.categoryText);
    if (cat.warning) warnings.push(cat.warning);
    // a running number (1, 2, 3…) is kept on the timeline; the ticket gets a number of its own
    let no = p.no && !isRunningNumber(p.no) ? p.no : null;
    if (no && usedNos.has(no)) {
      warnings.push(`编号 ${no} 与第${usedNos.get(no)}行相同，导入时另编号`);
      no = null;
    } else if (no && takenNos.has(no)) {
      warnings.push(`编号 ${no} 已被其他工单使用，导入时另编号`);
      no = null;
    }
    if (no) usedNos.set(no, p.row);
    const timeline = rebuildTimeline(p);
    warnings.push(...timeline.warnings);
    plan.tickets.push({
      source: p,
      houseId: house?.id ?? null,
      buildingId: house?.buildingId ?? building?.id ?? null,
      location,
      category: cat.category,
      subcategory: cat.subcategory,
      no,
      timeline,
    });
    preview('new', null, location);
  }
  return plan;
}
