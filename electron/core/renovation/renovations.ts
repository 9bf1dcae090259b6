// 装修登记 (PRODUCT.md §6): registration, 开工, 巡查, 验收 and the deposit refund, each in one
// transaction with an audit_log line (entity 'renovation'), which the household history reads.
import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import type { RenovationsTable } from '../db/tables/renovation';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { UserError, conflict, notFound } from '../errors';
import { cstDate } from '../../../shared/domain/time';
import type { AcceptInput, InspectInput, InspectionT, RefundInput, RenovationInput, RenovationStatusT, RenovationT } from '../../../shared/contract/renovation';
import { houseFacts, nextYearNo, parseJson, toFen, toYuan } from './common';
import { keptPhone, keptWorkers } from './numbers';
import { residentPhones } from '../privacy/masked-form';

type Row = Selectable<RenovationsTable>;
type StoredRefund = { amount: number; deducted: number; reason: string | null; at: string; by: string };

export function toRenovation(r: Row, houseLabel: string): RenovationT {
  const refund = parseJson<StoredRefund | null>(r.refund, null);
  return {
    id: r.id,
    houseId: r.house_id,
    houseLabel,
    permitNo: r.permit_no,
    applicant: r.applicant,
    applicantPhone: r.applicant_phone,
    contractor: r.contractor,
    contractorContact: r.contractor_contact,
    contractorPhone: r.contractor_phone,
    workers: parseJson(r.workers, []),
    startDate: r.start_date,
    endDate: r.end_date,
    scope: r.scope,
    items: parseJson(r.items, []),
    deposit: toYuan(r.deposit),
    fees: parseJson<Array<{ name: string; amount: number }>>(r.fees, []).map((f) => ({ name: f.name, amount: toYuan(f.amount) })),
    hotWork: parseJson(r.hot_work, null),
    inspections: parseJson(r.inspections, []),
    startedAt: r.started_at,
    acceptedAt: r.accepted_at,
    acceptedBy: r.accepted_by,
    acceptanceNote: r.acceptance_note,
    refund: refund && { ...refund, amount: toYuan(refund.amount), deducted: toYuan(refund.deducted) },
    status: r.status as RenovationStatusT,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

async function rowOf(db: CoreContext['db'] | Transaction<DB>, id: number): Promise<Row> {
  const row = await db.selectFrom('renovations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('NOT_FOUND', '装修登记不存在');
  return row;
}

export async function getRenovation(ctx: CoreContext, id: number, db: CoreContext['db'] | Transaction<DB> = ctx.db): Promise<RenovationT> {
  const row = await rowOf(db, id);
  const house = await houseFacts(db, row.house_id, true);
  return toRenovation(row, house.label);
}

export async function listRenovations(ctx: CoreContext, houseId: number): Promise<RenovationT[]> {
  const house = await houseFacts(ctx.db, houseId, true);
  const rows = await ctx.db.selectFrom('renovations').selectAll().where('house_id', '=', houseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => toRenovation(r, house.label));
}

const REFUSE: Record<RenovationStatusT, string> = {
  申请中: '',
  施工中: '',
  已验收: '该装修已验收',
  已退押金: '该装修已验收并退还押金',
  已作废: '该装修登记已作废',
};
function allowOnly(row: Row, allowed: RenovationStatusT[], action: string): void {
  const status = row.status as RenovationStatusT;
  if (allowed.includes(status)) return;
  const why = REFUSE[status] || `该装修登记${status}`;
  throw conflict(`${why}，不能${action}`);
}

/** The audit line's name for each column an edit may change: the contract's (docs/AUDIT.md). */
const AUDIT_NAMES = {
  applicant: 'applicant',
  applicant_phone: 'applicantPhone',
  contractor: 'contractor',
  contractor_contact: 'contractorContact',
  contractor_phone: 'contractorPhone',
  workers: 'workers',
  start_date: 'startDate',
  end_date: 'endDate',
  scope: 'scope',
  items: 'items',
  deposit: 'deposit',
  fees: 'fees',
  hot_work: 'hotWork',
} as const;
type Audited = keyof typeof AUDIT_NAMES;

/** a column as staff entered it: lists parsed, money in 元 as the contract has it */
function auditValue(column: Audited, v: string | number | null): unknown {
  if (column === 'deposit') return toYuan(Number(v));
  if (column === 'fees') return parseJson<Array<{ name: string; amount: number }>>(v as string, []).map((f) => ({ name: f.name, amount: toYuan(f.amount) }));
  if (column === 'workers' || column === 'items' || column === 'hot_work') return parseJson<unknown>(v as string | null, null);
  return v;
}

/** `{ field: [before, after] }` for each column the edit changes (docs/AUDIT.md "Before → after"); db/audit.ts masks workers' ID numbers. */
function changesOf(before: Row, after: Record<Audited, string | number | null>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const column of Object.keys(AUDIT_NAMES) as Audited[])
    if (before[column] !== after[column]) changes[AUDIT_NAMES[column]] = [auditValue(column, before[column]), auditValue(column, after[column])];
  return changes;
}

export async function saveRenovation(ctx: CoreContext, input: z.output<typeof RenovationInput>): Promise<RenovationT> {
  const actor = await ctx.actor();
  const now = ctx.now();
  const at = now.toISOString();
  const base = {
    applicant: input.applicant,
    contractor: input.contractor,
    contractor_contact: input.contractorContact,
    contractor_phone: input.contractorPhone,
    start_date: input.startDate,
    end_date: input.endDate,
    scope: input.scope,
    items: JSON.stringify([...new Set(input.items)]),
    deposit: toFen(input.deposit),
    fees: JSON.stringify(input.fees.map((f) => ({ name: f.name, amount: toFen(f.amount) }))),
    hot_work: input.hotWork ? JSON.stringify(input.hotWork) : null,
    updated_at: at,
  };
  const id = await inTransaction(ctx.db, async (trx) => {
    const before = input.id ? await rowOf(trx, input.id) : null;
    // the form shows these numbers masked (renovationForScreen): masked ones sent back keep the stored numbers (numbers.ts)
    const occupants = await residentPhones(trx, input.houseId);
    const values = {
      ...base,
      applicant_phone: keptPhone(input.applicantPhone, [before?.applicant_phone ?? null, ...occupants], 'applicantPhone'),
      workers: JSON.stringify(keptWorkers(input.workers, before ? parseJson<RenovationT['workers']>(before.workers, []) : [])),
    };
    if (before) {
      if (before.house_id !== input.houseId) throw new UserError('VALIDATION', '装修登记不能改到另一套房屋');
      allowOnly(before, ['申请中', '施工中'], '修改');
      await trx.updateTable('renovations').set(values).where('id', '=', before.id).execute();
      await audit(trx, actor, 'renovation', before.id, 'update', { houseId: before.house_id, permitNo: before.permit_no, changes: changesOf(before, values) });
      return before.id;
    }
    await houseFacts(trx, input.houseId);
    const permitNo = await nextYearNo(
      trx,
      'ZX',
      now,
      async (no) => !!(await trx.selectFrom('renovations').select('id').where('permit_no', '=', no).executeTakeFirst()),
    );
    const { id } = await trx
      .insertInto('renovations')
      .values({ ...values, house_id: input.houseId, permit_no: permitNo, inspections: '[]', status: '申请中', created_at: at, created_by: actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'renovation', id, 'create', {
      houseId: input.houseId,
      permitNo,
      contractor: input.contractor,
      period: `${input.startDate} 至 ${input.endDate}`,
    });
    return id;
  });
  return getRenovation(ctx, id);
}

/** sets the house's status, with the house's own audit line so the archive history shows the change */
async function setHouseStatus(trx: Transaction<DB>, actor: string, houseId: number, from: string, to: string, at: string) {
  if (from === to) return;
  await trx.updateTable('houses').set({ status: to, updated_at: at }).where('id', '=', houseId).execute();
  await audit(trx, actor, 'house', houseId, 'update', { status: [from, to] });
}

/** 开工: 申请中 → 施工中, and the house shows 装修中 until acceptance */
export async function startRenovation(ctx: CoreContext, id: number): Promise<RenovationT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, id);
    allowOnly(row, ['申请中'], '开工');
    const house = await houseFacts(trx, row.house_id);
    await trx
      .updateTable('renovations')
      .set({ status: '施工中', started_at: at, house_status_before: house.status, updated_at: at })
      .where('id', '=', id)
      .execute();
    await setHouseStatus(trx, actor, house.id, house.status, '装修中', at);
    await audit(trx, actor, 'renovation', id, 'start', { houseId: row.house_id, permitNo: row.permit_no });
  });
  return getRenovation(ctx, id);
}

/** After 施工中 ends (验收 or 作废): the house gets its status back unless another renovation still runs there. */
async function restoreHouse(trx: Transaction<DB>, actor: string, row: Row, at: string) {
  if (row.status !== '施工中') return;
  const other = await trx
    .selectFrom('renovations')
    .select('id')
    .where('house_id', '=', row.house_id)
    .where('status', '=', '施工中')
    .where('id', '!=', row.id)
    .executeTakeFirst();
  if (other) return;
  const house = await houseFacts(trx, row.house_id, true);
  if (house.status !== '装修中') return; // staff changed it by hand meanwhile: leave theirs
  await setHouseStatus(
    trx,
    actor,
    house.id,
    house.status,
    row.house_status_before && row.house_status_before !== '装修中' ? row.house_status_before : '已入住',
    at,
  );
}

export async function inspectRenovation(ctx: CoreContext, input: z.output<typeof InspectInput>): Promise<RenovationT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, input.id);
    allowOnly(row, ['施工中'], '巡查（请先登记开工）');
    if (input.date > cstDate(ctx.now())) throw new UserError('VALIDATION', '巡查日期不能晚于今天', { date: '巡查日期不能晚于今天' });
    const list = parseJson<InspectionT[]>(row.inspections, []);
    const entry: InspectionT = { date: input.date, by: input.by, findings: input.findings, result: input.result, at };
    list.push(entry);
    list.sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
    await trx
      .updateTable('renovations')
      .set({ inspections: JSON.stringify(list), updated_at: at })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, actor, 'renovation', row.id, 'inspect', { houseId: row.house_id, permitNo: row.permit_no, ...entry });
  });
  return getRenovation(ctx, input.id);
}

export async function acceptRenovation(ctx: CoreContext, input: z.output<typeof AcceptInput>): Promise<RenovationT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, input.id);
    if (row.status === '申请中') throw conflict('该装修尚未开工，不能验收');
    allowOnly(row, ['施工中'], '再次验收');
    await trx
      .updateTable('renovations')
      .set({ status: '已验收', accepted_at: at, accepted_by: input.by, acceptance_note: input.note, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    await restoreHouse(trx, actor, row, at);
    await audit(trx, actor, 'renovation', row.id, 'accept', { houseId: row.house_id, permitNo: row.permit_no, by: input.by, note: input.note });
  });
  return getRenovation(ctx, input.id);
}

export async function refundRenovation(ctx: CoreContext, input: z.output<typeof RefundInput>): Promise<RenovationT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, input.id);
    if (row.status === '申请中' || row.status === '施工中') throw conflict('装修验收合格后才能退还押金');
    allowOnly(row, ['已验收'], '再次退押金');
    const amount = toFen(input.amount);
    if (amount > row.deposit)
      throw new UserError('VALIDATION', `退还金额不能超过押金 ${toYuan(row.deposit).toFixed(2)} 元`, {
        amount: `不能超过押金 ${toYuan(row.deposit).toFixed(2)} 元`,
      });
    const deducted = row.deposit - amount;
    if (deducted > 0 && !input.reason) throw new UserError('VALIDATION', '押金有扣除，请填写扣除原因', { reason: '押金有扣除，请填写扣除原因' });
    const refund: StoredRefund = { amount, deducted, reason: input.reason, at, by: actor };
    await trx
      .updateTable('renovations')
      .set({ status: '已退押金', refund: JSON.stringify(refund), updated_at: at })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, actor, 'renovation', row.id, 'refund', { houseId: row.house_id, permitNo: row.permit_no, amount, deducted, reason: input.reason });
  });
  return getRenovation(ctx, input.id);
}

export async function voidRenovation(ctx: CoreContext, id: number, reason: string): Promise<RenovationT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, id);
    if (row.status === '已作废') throw notFound('装修登记');
    if (row.status === '已验收' || row.status === '已退押金') throw conflict('已验收的装修登记不能作废');
    await trx.updateTable('renovations').set({ status: '已作废', voided_at: at, void_reason: reason, updated_at: at }).where('id', '=', id).execute();
    await restoreHouse(trx, actor, row, at);
    await audit(trx, actor, 'renovation', id, 'void', { houseId: row.house_id, permitNo: row.permit_no, reason });
  });
  return getRenovation(ctx, id);
}
