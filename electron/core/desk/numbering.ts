import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { cstDate } from '../../../shared/domain/time';

const PREFIX: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };

/**
 * "TS20261122-003": type prefix, the Shanghai date of receipt, and a per-day sequence.
 * Numbers can already exist without passing through the counter (an imported ledger that used
 * the same scheme, bulk training data), so a taken number moves the counter past the highest one.
 */
export async function nextTicketNo(trx: Transaction<DB>, type: string, receivedAt: Date): Promise<string> {
  const day = `${PREFIX[type] ?? 'GD'}${cstDate(receivedAt).replace(/-/g, '')}`;
  const key = `ticket:${day}`;
  const bump = () =>
    trx
      .insertInto('counters')
      .values({ key, value: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
  const no = (n: number) => `${day}-${String(n).padStart(3, '0')}`;
  let { value } = await bump();
  if (await trx.selectFrom('tickets').select('id').where('no', '=', no(value)).executeTakeFirst()) {
    const taken = await trx.selectFrom('tickets').select('no').where('no', '>=', `${day}-`).where('no', '<', `${day}-\uffff`).execute();
    const max = Math.max(value, ...taken.map((t) => Number(t.no.slice(day.length + 1))).filter(Number.isFinite));
    value = max + 1;
    await trx.updateTable('counters').set({ value }).where('key', '=', key).execute();
  }
  return no(value);
}
