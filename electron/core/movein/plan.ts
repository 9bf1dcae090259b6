import type { CoreContext } from '../context';
import type { DeliveryPlanT } from '../../../shared/contract/movein';
import { notFound } from '../errors';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';

/** A building's delivery day: date, place and notes (one row per building, edited in place). */
export async function getPlan(ctx: Pick<CoreContext, 'db'>, buildingId: number): Promise<DeliveryPlanT> {
  const b = await ctx.db.selectFrom('buildings').select('id').where('id', '=', buildingId).where('voided_at', 'is', null).executeTakeFirst();
  if (!b) throw notFound('楼栋');
  const row = await ctx.db.selectFrom('delivery_plans').selectAll().where('building_id', '=', buildingId).executeTakeFirst();
  return {
    buildingId,
    date: row?.date ?? null,
    place: row?.place ?? null,
    notes: row?.notes ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

export async function setPlan(
  ctx: CoreContext,
  input: { buildingId: number; date: string | null; place: string | null; notes: string | null },
): Promise<DeliveryPlanT> {
  const before = await getPlan(ctx, input.buildingId);
  const actor = await ctx.actor();
  const now = ctx.now().toISOString();
  const values = { date: input.date, place: input.place, notes: input.notes, updated_at: now, updated_by: actor };
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('delivery_plans')
      .values({ building_id: input.buildingId, ...values })
      .onConflict((oc) => oc.column('building_id').doUpdateSet(values))
      .execute();
    await audit(trx, actor, 'delivery_plan', input.buildingId, 'set', {
      date: [before.date, input.date],
      place: [before.place, input.place],
      notes: [before.notes, input.notes],
    });
  });
  return getPlan(ctx, input.buildingId);
}
