import type Database from 'better-sqlite3';
import type { DeskConfigT } from '../../../../shared/contract/desk';
import { SATISFACTION_SCORE } from '../../../../shared/contract/desk';
import { cstDate } from '../../../../shared/domain/time';
import { slaTargetFor } from '../../desk/config';
import { slaOf, type TicketRecord } from '../../desk/ticket-read';
import type { WorkCalendar } from '../../desk/working-time';
import { inserter } from '../bulk';
import { isRunningNumber } from './records';
import type { PlannedTicket } from './plan';
import { callbackComment } from './timeline';

const PREFIX: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };

/**
 * desk/numbering.ts's nextTicketNo for a whole import: the same numbers in the same order, from each
 * day's counter and the numbers that day already has, read once per day instead of two or three
 * statements per ticket. Numbers written by this import (the ledger's own) count as taken too.
 */
class DayNumbers {
  private readonly days = new Map<string, { value: number; taken: Set<string> }>();
  private readonly counter: Database.Statement;
  private readonly taken: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.counter = sqlite.prepare('select value from counters where key = ?').pluck();
    this.taken = sqlite.prepare('select no from tickets where no >= ? and no < ?').pluck();
  }

  next(type: string, receivedAt: Date): string {
    const day = `${PREFIX[type] ?? 'GD'}${cstDate(receivedAt).replace(/-/g, '')}`;
    let d = this.days.get(day);
    if (!d) {
      d = { value: Number(this.counter.get(`ticket:${day}`) ?? 0), taken: new Set(this.taken.all(`${day}-`, `${day}-\uffff`) as string[]) };
      this.days.set(day, d);
    }
    const no = (n: number) => `${day}-${String(n).padStart(3, '0')}`;
    d.value++;
    if (d.taken.has(no(d.value))) d.value = Math.max(d.value, ...[...d.taken].map((t) => Number(t.slice(day.length + 1))).filter(Number.isFinite)) + 1;
    d.taken.add(no(d.value));
    return no(d.value);
  }

  /** a number the import writes as given: taken for the day it belongs to, if that day is already read */
  written(no: string): void {
    const dash = no.indexOf('-');
    if (dash > 0) this.days.get(no.slice(0, dash))?.taken.add(no);
  }

  /** the counters where the numbering left them */
  save(): void {
    const upsert = this.sqlite.prepare('insert into counters (key, value) values (?, ?) on conflict(key) do update set value = excluded.value');
    for (const [day, d] of this.days) upsert.run(`ticket:${day}`, d.value);
  }
}

const TICKET_COLUMNS = [
  'no',
  'type',
  'channel',
  'estate_id',
  'house_id',
  'building_id',
  'location',
  'category',
  'subcategory',
  'urgency',
  'reporter',
  'phone',
  'phone_digits',
  'description',
  'expected_visit_at',
  'received_by',
  'received_at',
  'status',
  'status_before_hold',
  'department',
  'assignee',
  'responded_at',
  'completed_at',
  'callback_at',
  'closed_at',
  'voided_at',
  'void_reason',
  'respond_due_at',
  'resolve_due_at',
  'sla_clock',
  'respond_minutes',
  'resolve_minutes',
  'imported',
  'import_key',
  'created_at',
  'updated_at',
] as const;

export interface LedgerWriteInfo {
  estateId: number;
  cfg: DeskConfigT;
  /** the working calendar, read once for the whole import */
  cal: WorkCalendar;
  actor: string;
  fileName: string;
  now: Date;
}

/**
 * Writes historic tickets (imported = 1) with their timelines rebuilt from the ledger's times, each
 * statement prepared once (imports/bulk.ts). Must run inside one transaction on this connection.
 * Call `finish()` after the last ticket: it stores the day counters.
 */
export function ticketWriter(sqlite: Database.Database, info: LedgerWriteInfo): { write(t: PlannedTicket): void; finish(): void } {
  const numbers = new DayNumbers(sqlite);
  const insertTicket = inserter(sqlite, 'tickets', TICKET_COLUMNS);
  const insertCallback = inserter(sqlite, 'callbacks', [
    'ticket_id',
    'at',
    'method',
    'resolved',
    'satisfaction',
    'score',
    'comment',
    'staff',
    'created_at',
  ] as const);
  const insertEvent = inserter(sqlite, 'ticket_events', ['ticket_id', 'at', 'actor', 'action', 'from_status', 'to_status', 'note', 'data'] as const);
  const now = info.now.toISOString();
  const nowMs = info.now.getTime();

  const write = (t: PlannedTicket): void => {
    const s = t.source;
    const tl = t.timeline;
    const type = s.type!;
    // the targets in force now, as for a ticket taken at the counter today
    const target = slaTargetFor(info.cfg, type, s.urgency);
    const no = t.no ?? numbers.next(type, new Date(s.receivedAt!));
    if (t.no) numbers.written(t.no);
    const row: Omit<TicketRecord, 'id'> = {
      no,
      type,
      channel: s.channel,
      estate_id: info.estateId,
      house_id: t.houseId,
      building_id: t.buildingId,
      location: t.location,
      category: t.category,
      subcategory: t.subcategory,
      urgency: s.urgency,
      reporter: s.reporter,
      phone: s.phone,
      phone_digits: s.phone ? s.phone.replace(/\D/g, '') : null,
      description: s.notes ? `${s.description}\n（备注：${s.notes}）` : s.description,
      expected_visit_at: null,
      received_by: info.actor,
      received_at: s.receivedAt!,
      status: tl.status,
      status_before_hold: null,
      department: s.department,
      assignee: s.assignee,
      responded_at: tl.respondedAt,
      completed_at: tl.completedAt,
      callback_at: tl.callbackAt,
      closed_at: tl.closedAt,
      voided_at: tl.voidedAt,
      void_reason: tl.voidedAt ? '历史台账记为作废' : null,
      respond_due_at: null,
      resolve_due_at: null,
      sla_clock: target?.clock ?? 'calendar',
      respond_minutes: target?.respondMinutes ?? null,
      resolve_minutes: target?.resolveMinutes ?? null,
      imported: 1,
      import_key: s.key,
      created_at: now,
      updated_at: now,
    };
    // the deadlines desk/tickets.ts refreshDue would store; a ticket just written has no holds
    const sla = slaOf({ ...row, id: 0 }, [], info.cal, nowMs, 0);
    const id = insertTicket({ ...row, respond_due_at: sla.respondDueAt, resolve_due_at: sla.resolveDueAt });

    if (tl.callback) {
      insertCallback({
        ticket_id: id,
        at: tl.callback.at,
        method: s.callbackMethod,
        resolved: tl.callback.resolved ? 1 : 0,
        satisfaction: s.satisfaction,
        score: s.satisfaction ? SATISFACTION_SCORE[s.satisfaction] : null,
        comment: callbackComment(s.callbackText),
        staff: info.actor,
        created_at: now,
      });
    }
    const ledgerNo = s.no && (isRunningNumber(s.no) || s.no !== no) ? `，台账编号 ${s.no}` : '';
    for (const e of tl.events) {
      const note = e.action === 'import' ? `历史台账导入（${info.fileName} 第${s.row}行${ledgerNo}）` : e.note;
      insertEvent({ ticket_id: id, at: e.at, actor: info.actor, action: e.action, from_status: e.from, to_status: e.to, note: note ?? null, data: null });
    }
  };
  return { write, finish: () => numbers.save() };
}
