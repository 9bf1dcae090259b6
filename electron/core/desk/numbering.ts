import type Database from 'better-sqlite3';
import { cstDate } from '../../../shared/domain/time';
import { prepared } from './prepared';

const PREFIX: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };

/**
 * "TS20261122-003": type prefix, the Shanghai date of receipt, and a per-day sequence.
 * Numbers can already exist without passing through the counter (an imported ledger that used
 * the same scheme, bulk training data), so a taken number moves the counter past the highest one.
 * Runs inside intake's transaction (synchronous, on the held connection), so numbers stay gap-free:
 * a save that fails rolls its counter back too.
 */
export function nextTicketNo(sqlite: Database.Database, type: string, receivedAt: Date): string {
  const day = `${PREFIX[type] ?? 'GD'}${cstDate(receivedAt).replace(/-/g, '')}`;
  const key = `ticket:${day}`;
  const no = (n: number) => `${day}-${String(n).padStart(3, '0')}`;
  let value = prepared(sqlite, 'insert into counters (key, value) values (?, 1) on conflict (key) do update set value = value + 1 returning value')
    .pluck()
    .get(key) as number;
  if (prepared(sqlite, 'select 1 from tickets where no = ?').get(no(value))) {
    const taken = prepared(sqlite, 'select no from tickets where no >= ? and no < ?').pluck().all(`${day}-`, `${day}-\uffff`) as string[];
    value = Math.max(value, ...taken.map((t) => Number(t.slice(day.length + 1))).filter(Number.isFinite)) + 1;
    prepared(sqlite, 'update counters set value = ? where key = ?').run(value, key);
  }
  return no(value);
}
