import type { CoreContext } from '../context';
import type { CommunicationT } from '../../../shared/contract/archives';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { invalid, notFound } from '../errors';
import { getHouse } from './houses';

export async function listCommunications(ctx: CoreContext, houseId: number): Promise<CommunicationT[]> {
  const rows = await ctx.db
    .selectFrom('communications as c')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.house_id', 'c.person_id', 'p.name as person_name', 'c.at', 'c.channel', 'c.summary', 'c.staff'])
    .where('c.house_id', '=', houseId)
    .where('c.voided_at', 'is', null)
    .orderBy('c.at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    houseId: r.house_id,
    personId: r.person_id,
    personName: r.person_name,
    at: r.at,
    channel: r.channel as CommunicationT['channel'],
    summary: r.summary,
    staff: r.staff,
  }));
}

export async function addCommunication(
  ctx: CoreContext,
  input: { houseId: number; personId?: number | null; at?: string; channel: string; summary: string; staff: string },
): Promise<CommunicationT> {
  await getHouse(ctx, input.houseId);
  const at = input.at ? new Date(input.at) : ctx.now();
  if (Number.isNaN(at.getTime())) throw invalid('沟通时间无效', { at: '沟通时间无效' });
  if (at.getTime() > ctx.now().getTime() + 5 * 60_000) throw invalid('沟通时间不能晚于现在', { at: '沟通时间不能晚于现在' });
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('communications')
      .values({
        house_id: input.houseId,
        person_id: input.personId ?? null,
        at: at.toISOString(),
        channel: input.channel,
        summary: input.summary,
        staff: input.staff,
        created_at: ctx.now().toISOString(),
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, await ctx.actor(), 'communication', row.id, 'create', { houseId: input.houseId });
    return row.id;
  });
  const c = (await listCommunications(ctx, input.houseId)).find((x) => x.id === id);
  if (!c) throw notFound('沟通记录');
  return c;
}
