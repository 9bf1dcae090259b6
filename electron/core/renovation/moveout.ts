// 搬迁放行 (PRODUCT.md §6): a pass lets the household's things out through the gate on the days it
// is valid (China days); the guard's check (门岗查验) is recorded once. Audit entity 'moveOutPass'.
import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import type { MoveOutPassesTable } from '../db/tables/renovation';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { UserError, conflict } from '../errors';
import { cstDate } from '../../../shared/domain/time';
import { normalisePlate } from '../../../shared/domain/text';
import type { MoveOutInput, MoveOutPassT } from '../../../shared/contract/renovation';
import { houseFacts, nextYearNo, parseJson } from './common';
import { keptPhone } from './numbers';
import { residentPhones } from '../privacy/masked-form';

type Row = Selectable<MoveOutPassesTable>;

export function passState(r: Row, today: string): MoveOutPassT['state'] {
  if (r.voided_at) return '已作废';
  if (r.checked_at) return '已查验';
  if (today < r.valid_from) return '未生效';
  if (today > r.valid_to) return '已过期';
  return '有效';
}

export function toPass(r: Row, houseLabel: string, today: string): MoveOutPassT {
  return {
    id: r.id,
    houseId: r.house_id,
    houseLabel,
    passNo: r.pass_no,
    applicant: r.applicant,
    phone: r.phone,
    relation: r.relation,
    items: parseJson(r.items, []),
    plate: r.plate,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    approver: r.approver,
    approvedAt: r.approved_at,
    checkedAt: r.checked_at,
    checkedBy: r.checked_by,
    state: passState(r, today),
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

async function rowOf(db: CoreContext['db'] | Transaction<DB>, id: number): Promise<Row> {
  const row = await db.selectFrom('move_out_passes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('NOT_FOUND', '放行条不存在');
  return row;
}

export async function getPass(ctx: CoreContext, id: number): Promise<MoveOutPassT> {
  const row = await rowOf(ctx.db, id);
  const house = await houseFacts(ctx.db, row.house_id, true);
  return toPass(row, house.label, cstDate(ctx.now()));
}

export async function listPasses(ctx: CoreContext, houseId: number): Promise<MoveOutPassT[]> {
  const house = await houseFacts(ctx.db, houseId, true);
  const today = cstDate(ctx.now());
  const rows = await ctx.db
    .selectFrom('move_out_passes')
    .selectAll()
    .where('house_id', '=', houseId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => toPass(r, house.label, today));
}

export async function savePass(ctx: CoreContext, input: z.output<typeof MoveOutInput>): Promise<MoveOutPassT> {
  const actor = await ctx.actor();
  const now = ctx.now();
  const at = now.toISOString();
  const today = cstDate(now);
  if (input.validTo < today) throw new UserError('VALIDATION', '有效期已过，请重新选择日期', { validTo: '有效期截止不能早于今天' });
  const id = await inTransaction(ctx.db, async (trx) => {
    await houseFacts(trx, input.houseId);
    // the form prefills the applicant from the household, whose phones the screen shows masked (numbers.ts)
    const phone = keptPhone(input.phone, await residentPhones(trx, input.houseId), 'phone');
    const passNo = await nextYearNo(
      trx,
      'FX',
      now,
      async (no) => !!(await trx.selectFrom('move_out_passes').select('id').where('pass_no', '=', no).executeTakeFirst()),
    );
    const { id } = await trx
      .insertInto('move_out_passes')
      .values({
        house_id: input.houseId,
        pass_no: passNo,
        applicant: input.applicant,
        phone,
        relation: input.relation,
        items: JSON.stringify(input.items),
        plate: input.plate ? normalisePlate(input.plate) : null,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        approver: input.approver,
        approved_at: at,
        created_at: at,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'moveOutPass', id, 'create', {
      houseId: input.houseId,
      passNo,
      applicant: input.applicant,
      items: input.items.length,
      plate: input.plate,
      valid: `${input.validFrom} 至 ${input.validTo}`,
    });
    return id;
  });
  return getPass(ctx, id);
}

/** 门岗查验: once, on a day the pass is valid, never on a voided pass */
export async function checkPass(ctx: CoreContext, id: number): Promise<MoveOutPassT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  const today = cstDate(ctx.now());
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, id);
    const state = passState(row, today);
    if (state === '已作废') throw conflict('该放行条已作废，不能放行');
    if (state === '已查验') throw conflict('该放行条已查验放行，不能重复使用');
    if (state === '未生效') throw conflict(`该放行条 ${row.valid_from} 起生效，今天不能放行`);
    if (state === '已过期') throw conflict(`该放行条已于 ${row.valid_to} 过期，不能放行`);
    await trx.updateTable('move_out_passes').set({ checked_at: at, checked_by: actor }).where('id', '=', id).execute();
    await audit(trx, actor, 'moveOutPass', id, 'check', { houseId: row.house_id, passNo: row.pass_no });
  });
  return getPass(ctx, id);
}

export async function voidPass(ctx: CoreContext, id: number, reason: string): Promise<MoveOutPassT> {
  const actor = await ctx.actor();
  const at = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const row = await rowOf(trx, id);
    if (row.voided_at) throw conflict('该放行条已作废');
    if (row.checked_at) throw conflict('该放行条已查验放行，不能作废');
    await trx.updateTable('move_out_passes').set({ voided_at: at, void_reason: reason }).where('id', '=', id).execute();
    await audit(trx, actor, 'moveOutPass', id, 'void', { houseId: row.house_id, passNo: row.pass_no, reason });
  });
  return getPass(ctx, id);
}
