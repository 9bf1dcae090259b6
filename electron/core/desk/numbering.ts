import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { cstDate } from '../../../shared/domain/time';

const PREFIX: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };

/** "TS20261122-003": type prefix, the Shanghai date of receipt, and a per-day sequence. */
export async function nextTicketNo(trx: Transaction<DB>, type: string, receivedAt: Date): Promise<string> {
  const key = `ticket:${PREFIX[type] ?? 'GD'}${cstDate(receivedAt).replace(/-/g, '')}`;
  const row = await trx
    .insertInto('counters')
    .values({ key, value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${key.slice('ticket:'.length)}-${String(row.value).padStart(3, '0')}`;
}
