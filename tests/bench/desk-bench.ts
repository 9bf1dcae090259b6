// Ticket lists, dashboard and intake at reference scale (issue 10, docs/PERFORMANCE.md): each figure is the
// dispatch path the screens use against the best raw better-sqlite3 statements (prepared once) that give the
// same answer, interleaved in the same run. `npx tsx tests/bench/desk-bench.ts` runs it alone on a fresh copy.
import { rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { createCore } from '../../electron/core/index';
import { cstDate, cstDayBounds } from '../../shared/domain/time';
import type { Input } from '../../shared/contract';
import { figure, type Figure } from './measure';
import { referenceCopy } from './reference-db';
import { signIn } from './sign-in';

const RUNNING = `status in ('已受理','已派工','处理中')`;
/** the list's count stops 1,000 rows past the page (electron/core/desk/list.ts COUNT_CAP); raw answers the same */
const CAP = 1000;

type ListInput = Input<'desk.tickets.list'>;

/** The raw statements: what a hand-written SQLite client would run for the same answers. */
function rawStatements(sqlite: Database.Database) {
  const overdueHalves = [
    `select * from tickets indexed by tickets_open_resolve_due where ${RUNNING} and resolve_due_at < @now`,
    `select * from tickets indexed by tickets_open_respond_due where ${RUNNING} and responded_at is null and respond_due_at < @now and (resolve_due_at is null or resolve_due_at >= @now)`,
  ];
  const soonHalves = [
    `select * from tickets indexed by tickets_open_resolve_due where ${RUNNING} and resolve_due_at between @now and @soon and (responded_at is not null or respond_due_at is null or respond_due_at >= @now)`,
    `select * from tickets indexed by tickets_open_respond_due where ${RUNNING} and responded_at is null and respond_due_at between @now and @soon and (resolve_due_at is null or resolve_due_at > @soon)`,
  ];
  const count = (halves: string[]) => `select ${halves.map((h) => `(select count(*) from (${h}))`).join(' + ')}`;
  const like = `(location like @like or reporter like @like or phone_digits like @like or description like @like)`;
  return {
    overduePage: sqlite.prepare(`${overdueHalves.join(' union all ')} order by resolve_due_at, id limit @limit`),
    overdueCount: sqlite.prepare(count(overdueHalves)).pluck(),
    soonPage: sqlite.prepare(`${soonHalves.join(' union all ')} order by resolve_due_at, id limit @limit`),
    holds: sqlite.prepare('select * from ticket_holds where ticket_id in (select value from json_each(?))'),
    textPage: sqlite.prepare(`select * from tickets where ${like} order by received_at desc, id desc limit 100`),
    textCount: sqlite.prepare(`select count(*) from (select 1 from tickets where ${like} limit ${100 + CAP + 1})`).pluck(),
    firstPage: sqlite.prepare('select * from tickets order by received_at desc, id desc limit 100'),
    firstCount: sqlite.prepare(`select count(*) from (select 1 from tickets limit ${100 + CAP + 1})`).pluck(),
    statusCounts: sqlite.prepare(
      `select status, count(*) n from tickets where status in ('已受理','已派工','处理中','挂起','已完成','已回访') group by status`,
    ),
    awaiting: sqlite.prepare(`select count(*) from tickets where type in ('投诉', '报修') and status = '已完成'`).pluck(),
    received: sqlite.prepare('select count(*) from tickets where received_at >= ? and received_at < ?').pluck(),
    completed: sqlite.prepare('select count(*) from tickets where completed_at >= ? and completed_at < ?').pluck(),
    config: sqlite.prepare("select value from settings where key = 'desk.config'").pluck(),
    calendar: sqlite.prepare('select date, kind from calendar_days'),
  };
}

export async function deskBench(file: string): Promise<{ intake: Figure; listOverdue: Figure; listText: Figure; listFirstPage: Figure; dashboard: Figure }> {
  const core = await createCore({ file }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
  await signIn(core.dispatch);
  try {
    const { sqlite } = core.ctx;
    const raw = rawStatements(sqlite);
    const list = async (input: ListInput) => {
      const r = await core.dispatch('desk.tickets.list', input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const times = () => {
      const now = new Date();
      return { now: now.toISOString(), soon: new Date(now.getTime() + 4 * 3600_000).toISOString() };
    };
    // the raw side also reads each page's holds (the SLA state is part of the answer)
    const withHolds = (rows: { id: number }[]) => {
      raw.holds.all(JSON.stringify(rows.map((r) => r.id)));
      return rows;
    };

    const listOverdue = await figure(
      [{ due: 'overdue', sort: 'due', limit: 100 } satisfies ListInput],
      (input) => list(input),
      () => {
        const t = times();
        withHolds(raw.overduePage.all({ ...t, limit: 100 }) as { id: number }[]);
        return raw.overdueCount.get(t);
      },
    );
    const listText = await figure(
      [{ text: '漏水', limit: 100 } satisfies ListInput],
      (input) => list(input),
      () => {
        withHolds(raw.textPage.all({ like: '%漏水%' }) as { id: number }[]);
        return raw.textCount.get({ like: '%漏水%' });
      },
    );
    const listFirstPage = await figure(
      [{ limit: 100 } satisfies ListInput],
      (input) => list(input),
      () => {
        withHolds(raw.firstPage.all() as { id: number }[]);
        return raw.firstCount.get();
      },
    );
    const dashboard = await figure(
      [null],
      async () => {
        const r = await core.dispatch('desk.dashboard', {});
        if (!r.ok) throw new Error(r.error.message);
      },
      () => {
        const t = times();
        const today = cstDayBounds(cstDate(new Date()));
        raw.config.get();
        raw.calendar.all();
        raw.statusCounts.all();
        withHolds(raw.soonPage.all({ ...t, limit: 50 }) as { id: number }[]);
        withHolds(raw.overduePage.all({ ...t, limit: 50 }) as { id: number }[]);
        raw.overdueCount.get(t);
        raw.awaiting.get();
        raw.received.get(today.start, today.end);
        return raw.completed.get(today.start, today.end);
      },
    );

    // intake: a repair for a house, through the channel the intake screen calls; raw: one ticket row and its
    // event in one durable transaction (synchronous=FULL, the connection's setting)
    const houses = sqlite.prepare('select id from houses where voided_at is null order by id limit 50').pluck().all() as number[];
    const inputs = houses.map(
      (houseId, i) =>
        ({
          type: '报修',
          channel: '电话',
          houseId,
          category: '工程维修',
          subcategory: '水电',
          urgency: '一般',
          reporter: '基准测试',
          phone: `1390000${String(1000 + i)}`,
          description: '卫生间漏水，请派师傅上门查看',
        }) satisfies Input<'desk.tickets.create'>,
    );
    const insertTicket = sqlite.prepare(
      `insert into tickets (no, type, channel, estate_id, house_id, building_id, location, category, subcategory, urgency, reporter, phone, phone_digits, description,
        received_by, received_at, status, respond_due_at, resolve_due_at, sla_clock, respond_minutes, resolve_minutes, created_at, updated_at)
       values (?, '报修', '电话', 1, ?, null, '基准房屋', '工程维修', '水电', '一般', '基准测试', ?, ?, '卫生间漏水，请派师傅上门查看', '前台', ?, '已受理', ?, ?, 'calendar', 1440, 4320, ?, ?)`,
    );
    const insertEvent = sqlite.prepare(
      "insert into ticket_events (ticket_id, at, actor, action, from_status, to_status, note) values (?, ?, '前台', 'create', null, '已受理', '电话受理')",
    );
    let n = 0;
    const rawIntake = sqlite.transaction((houseId: number, phone: string) => {
      const at = new Date();
      const iso = at.toISOString();
      const id = insertTicket.run(
        `RAW-${++n}`,
        houseId,
        phone,
        phone,
        iso,
        new Date(at.getTime() + 1440 * 60_000).toISOString(),
        new Date(at.getTime() + 4320 * 60_000).toISOString(),
        iso,
        iso,
      ).lastInsertRowid;
      insertEvent.run(id, iso);
    });
    const intake = await figure(
      inputs,
      async (input) => {
        const r = await core.dispatch('desk.tickets.create', input);
        if (!r.ok) throw new Error(r.error.message);
      },
      (input) => rawIntake(input.houseId, input.phone),
      // call by call in random order: the periodic checkpoint and FTS5 merges fall on either side alike (measure.ts)
      400,
      'pairs',
    );
    return { intake, listOverdue, listText, listFirstPage, dashboard };
  } finally {
    await core.close();
  }
}

if (process.argv[1] && /desk-bench\.ts$/.test(process.argv[1])) {
  const { file, dir } = await referenceCopy();
  try {
    console.log(JSON.stringify(await deskBench(file), null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
