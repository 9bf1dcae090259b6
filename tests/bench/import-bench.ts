// Bulk imports at reference scale (issue 10, docs/PERFORMANCE.md): a 20,000-row owner roster into an
// empty database and a 10,000-row complaint ledger into a copy of the 500,000-ticket reference
// database, each through the screen's path (preview, then commit with the preview's token), timed
// from the workbook's bytes to the committed transaction. The raw baseline reads the same workbook
// with exceljs and writes the same rows with statements prepared once, in one transaction.
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCore, type Core } from '../../electron/core/index';
import { createEstate } from '../../electron/core/archives/places';
import { personSearchFields } from '../../electron/core/archives/person-fields';
import { withDeferredPersonKeys } from '../../electron/core/imports/bulk';
import { DEFAULT_DESK_CONFIG, slaTargetFor } from '../../electron/core/desk/config';
import { computeSla } from '../../electron/core/desk/sla';
import { parseHm, type WorkCalendar } from '../../electron/core/desk/working-time';
import { cstDate } from '../../shared/domain/time';
import { bigLedger, bigRoster, type LedgerHouse } from '../unit/imports/big-books';
import { referenceCopy } from './reference-db';
import { median, type Timed } from './measure';
import { z } from 'zod';
import type { Result } from '../../shared/contract/result';
import { RosterCommitResult } from '../../shared/contract/imports';
import { LedgerCommitResult } from '../../shared/contract/desk';
import { signIn } from './sign-in';

const ROSTER_ROWS = 20_000;
const LEDGER_ROWS = 10_000;
const noSave = { 'system.files.save': async () => ({ saved: false, path: null }) };

async function open(file: string): Promise<Core> {
  const core = await createCore({ file }, { kind: 'harness' }, noSave);
  await signIn(core.dispatch);
  return core;
}

async function must<T>(p: Promise<Result<unknown>>, schema: z.ZodType<T>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return schema.parse(r.value);
}

/** exceljs's reading of the first sheet, as plain cell values per row */
async function readRows(buffer: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buffer).buffer);
  const out: ExcelJS.CellValue[][] = [];
  wb.worksheets[0].eachRow((row, r) => {
    if (r > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

const str = (v: ExcelJS.CellValue): string | null => (v === null || v === undefined ? null : String(v));
const ymd = (v: ExcelJS.CellValue): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : null);

/** The roster's rows written with raw prepared statements: buildings, units, houses, people (with their search columns), occupancies, audit lines, the batch. */
async function rawRoster(sqlite: Database.Database, estateId: number, buffer: Buffer): Promise<void> {
  const rows = await readRows(buffer);
  const now = new Date().toISOString();
  const building = sqlite.prepare(`insert into buildings (estate_id, name, code, floors, sort_key, created_at, updated_at) values (?, ?, ?, null, ?, ?, ?)`);
  const unit = sqlite.prepare('insert into units (building_id, name, code, created_at, updated_at) values (?, ?, ?, ?, ?)');
  const house = sqlite.prepare(
    `insert into houses (estate_id, building_id, unit_id, room_no, floor, building_area, inner_area, type, status, notes, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, null, '住宅', ?, ?, ?, ?)`,
  );
  const person = sqlite.prepare(
    `insert into people (name, name_initials, name_pinyin, gender, phone, phone_digits, phone2, id_type, id_number, created_at, updated_at)
     values (@name, @name_initials, @name_pinyin, @gender, @phone, @phone_digits, null, @id_type, @id_number, @now, @now)`,
  );
  const occupancy = sqlite.prepare(
    `insert into occupancies (house_id, person_id, role, move_in_date, source, created_at, updated_at) values (?, ?, ?, ?, 'roster', ?, ?)`,
  );
  const audit = sqlite.prepare(`insert into audit_log (at, actor, entity, entity_id, action, detail) values (?, '前台', ?, ?, 'import.create', ?)`);
  const buildings = new Map<string, number>();
  const units = new Map<string, number>();
  // the search keys the best way known: one sorted statement after the rows (the app's way, imports/bulk.ts)
  sqlite.transaction(() =>
    withDeferredPersonKeys(sqlite, () => {
      for (const r of rows) {
        const b = String(r[1]);
        let bId = buildings.get(b);
        if (bId === undefined) {
          bId = Number(building.run(estateId, b, b.replace('栋', ''), b.replace('栋', '').padStart(6, '0'), now, now).lastInsertRowid);
          buildings.set(b, bId);
          audit.run(new Date().toISOString(), 'building', bId, JSON.stringify({ name: b }));
        }
        const uk = `${bId}|${String(r[2])}`;
        let uId = units.get(uk);
        if (uId === undefined) {
          uId = Number(unit.run(bId, `${String(r[2])}单元`, String(r[2]), now, now).lastInsertRowid);
          units.set(uk, uId);
        }
        const names = str(r[6])?.split('、') ?? [];
        const moveIn = ymd(r[10]);
        const status = moveIn ? '已入住' : names.length ? '已交付' : '未售';
        const hId = Number(house.run(estateId, bId, uId, String(r[3]), r[4] as number, r[5] as number, status, str(r[11]), now, now).lastInsertRowid);
        audit.run(new Date().toISOString(), 'house', hId, JSON.stringify({ label: `${b}${String(r[2])}单元${String(r[3])}` }));
        const phones = str(r[8])?.split('/') ?? [];
        const ids = str(r[9])?.split('、') ?? [];
        names.forEach((name, i) => {
          const phone = phones[i] ?? null;
          const pId = Number(
            person.run({
              name,
              ...personSearchFields(name, phone),
              gender: str(r[7]),
              phone,
              id_type: ids[i] ? '身份证' : null,
              id_number: ids[i] ?? null,
              now,
            }).lastInsertRowid,
          );
          audit.run(new Date().toISOString(), 'person', pId, JSON.stringify({ name }));
          occupancy.run(hId, pId, i === 0 ? 'owner' : 'co_owner', moveIn, now, now);
        });
      }
      const batch = sqlite
        .prepare(
          `insert into import_batches (kind, file_name, file_hash, at, accepted, rejected, created_json) values ('roster', 'raw.xlsx', '', ?, ?, 0, '{}')`,
        )
        .run(now, rows.length);
      audit.run(now, 'import_batch', Number(batch.lastInsertRowid), '{}');
    }),
  )();
}

const PREFIX: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };

/** The ledger's rows written with raw prepared statements: ticket (with its deadlines), timeline events, callback, batch. */
async function rawLedger(sqlite: Database.Database, estateId: number, buffer: Buffer): Promise<void> {
  const rows = await readRows(buffer);
  const now = new Date().toISOString();
  const houses = new Map<string, { id: number; buildingId: number }>();
  for (const h of sqlite
    .prepare(
      `select h.id, h.building_id, b.code b, u.code u, h.room_no from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id where h.estate_id = ?`,
    )
    .all(estateId) as { id: number; building_id: number; b: string; u: string | null; room_no: string }[])
    houses.set(`${h.b}|${h.u ?? ''}|${h.room_no}`, { id: h.id, buildingId: h.building_id });
  const cal: WorkCalendar = {
    days: new Map(
      (sqlite.prepare('select date, kind from calendar_days').all() as { date: string; kind: 'holiday' | 'workday' }[]).map((d) => [d.date, d.kind]),
    ),
    openMinute: parseHm(DEFAULT_DESK_CONFIG.counterHours.open),
    closeMinute: parseHm(DEFAULT_DESK_CONFIG.counterHours.close),
  };
  const known = sqlite.prepare('select 1 from tickets where import_key = ?').pluck();
  const taken = sqlite.prepare('select 1 from tickets where no = ?').pluck();
  const maxNo = sqlite.prepare('select max(no) from tickets where no >= ? and no < ?').pluck();
  const ticket = sqlite.prepare(
    `insert into tickets (no, type, channel, estate_id, house_id, building_id, location, category, subcategory, urgency, reporter, phone, phone_digits, description,
       received_by, received_at, status, department, assignee, responded_at, completed_at, callback_at, closed_at, voided_at, void_reason,
       respond_due_at, resolve_due_at, sla_clock, respond_minutes, resolve_minutes, imported, import_key, created_at, updated_at)
     values (@no, @type, @channel, @estate, @house, @building, @location, @category, @subcategory, @urgency, @reporter, @phone, @phone, @description,
       '前台', @received, @status, @department, @assignee, @responded, @completed, @callback, @closed, @voided, @voidReason,
       @respondDue, @resolveDue, @clock, @respondMinutes, @resolveMinutes, 1, @key, @now, @now)`,
  );
  const event = sqlite.prepare(`insert into ticket_events (ticket_id, at, actor, action, from_status, to_status, note) values (?, ?, '前台', ?, ?, ?, ?)`);
  const callback = sqlite.prepare(
    `insert into callbacks (ticket_id, at, method, resolved, satisfaction, score, comment, staff, created_at) values (?, ?, '电话', ?, ?, ?, null, '前台', ?)`,
  );
  const counters = new Map<string, number>();
  const iso = (v: ExcelJS.CellValue) => (v instanceof Date ? new Date(v.getTime() - 8 * 3_600_000).toISOString() : null);
  sqlite.transaction(() => {
    for (const r of rows) {
      const received = iso(r[1]) as string;
      const type = String(r[2]);
      const key = createHash('sha256').update(JSON.stringify(r)).digest('hex').slice(0, 32);
      if (known.get(key)) continue;
      let no = str(r[0]);
      if (no && taken.get(no)) no = null;
      if (!no) {
        const day = `${PREFIX[type]}${cstDate(received).replace(/-/g, '')}`;
        let n = counters.get(day);
        if (n === undefined) {
          const max = maxNo.get(`${day}-`, `${day}-\uffff`) as string | null;
          n = max ? Number(max.slice(day.length + 1)) : 0;
        }
        counters.set(day, ++n);
        no = `${day}-${String(n).padStart(3, '0')}`;
      }
      const h = r[4] ? houses.get(`${String(r[4]).replace('栋', '')}|${String(r[5])}|${String(r[6])}`) : undefined;
      const status = String(r[20]);
      const [responded, completed, called] = [iso(r[15]), iso(r[16]), iso(r[17])];
      const target = slaTargetFor(DEFAULT_DESK_CONFIG, type, String(r[12]));
      const sla = computeSla(cal, {
        target,
        receivedMs: Date.parse(received),
        respondedMs: responded ? Date.parse(responded) : null,
        completedMs: completed ? Date.parse(completed) : null,
        holds: [],
        nowMs: Date.now(),
        dueSoonMs: 0,
        finished: status === '已关闭' || status === '已作废',
      });
      const [category, subcategory] = String(r[10]).split('/');
      const id = Number(
        ticket.run({
          no,
          type,
          channel: String(r[3]),
          estate: estateId,
          house: h?.id ?? null,
          building: h?.buildingId ?? null,
          location: h ? `${String(r[4])}${String(r[5])}单元${String(r[6])}` : String(r[7]),
          category,
          subcategory: subcategory ?? null,
          urgency: String(r[12]),
          reporter: str(r[8]),
          phone: str(r[9]),
          description: String(r[11]),
          received,
          status,
          department: str(r[13]),
          assignee: str(r[14]),
          responded,
          completed,
          callback: called,
          closed: status === '已关闭' ? (called ?? completed) : null,
          voided: status === '已作废' ? (completed ?? responded) : null,
          voidReason: status === '已作废' ? '历史台账记为作废' : null,
          respondDue: sla.respondDueAt,
          resolveDue: sla.resolveDueAt,
          clock: target?.clock ?? 'calendar',
          respondMinutes: target?.respondMinutes ?? null,
          resolveMinutes: target?.resolveMinutes ?? null,
          key,
          now,
        }).lastInsertRowid,
      );
      event.run(id, received, 'import', null, '已受理', `历史台账导入（raw.xlsx）`);
      if (responded) event.run(id, responded, 'dispatch', '已受理', '已派工', str(r[13]));
      if (completed) event.run(id, completed, 'complete', '已派工', '已完成', null);
      if (called) {
        event.run(id, called, 'callback', '已完成', '已回访', str(r[18]));
        callback.run(id, called, 1, str(r[19]), 5, now);
      }
      if (status === '已关闭') event.run(id, called ?? completed ?? received, 'close', '已回访', '已关闭', null);
      if (status === '已作废') event.run(id, completed ?? responded ?? received, 'void', '已派工', '已作废', '历史台账记为作废');
    }
    const upsert = sqlite.prepare('insert into counters (key, value) values (?, ?) on conflict(key) do update set value = excluded.value');
    for (const [day, n] of counters) upsert.run(`ticket:${day}`, n);
    sqlite
      .prepare(`insert into import_batches (kind, file_name, file_hash, at, accepted, rejected, created_json) values ('ledger', 'raw.xlsx', '', ?, ?, 0, '{}')`)
      .run(now, rows.length);
  })();
}

const b64 = (buf: Buffer) => buf.toString('base64');
// only the token: checking every one of 20,000 preview rows with zod would time the bench, not the app
const Token = z.object({ token: z.string() });

/** preview → commit through the dispatcher, as the import screen does */
async function screenRoster(core: Core, estateId: number, buffer: Buffer): Promise<{ houses: number }> {
  const p = await must(core.dispatch('imports.roster.preview', { fileName: '花名册.xlsx', dataBase64: b64(buffer), estateId }), Token);
  const done = await must(core.dispatch('imports.roster.commit', { token: p.token }), RosterCommitResult);
  return done.created;
}
async function screenLedger(core: Core, estateId: number, buffer: Buffer): Promise<{ tickets: number }> {
  const p = await must(core.dispatch('imports.ledger.preview', { fileName: '台账.xlsx', dataBase64: b64(buffer), estateId }), Token);
  const done = await must(core.dispatch('imports.ledger.commit', { token: p.token }), LedgerCommitResult);
  return done.created;
}

async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

const round = (n: number) => Math.round(n);

/** A fresh database with one estate, for a roster to land in. */
async function emptyEstate(dir: string, name: string): Promise<{ core: Core; estateId: number; file: string }> {
  const file = join(dir, `${name}.sqlite`);
  const core = await open(file);
  const { id } = await createEstate(core.ctx, { name: '阳光花园' });
  return { core, estateId: id, file };
}

/** The CLI's wall time for the same roster (a new process: tsx start-up and module loading included). */
export function cliRosterMs(dir: string, buffer: Buffer): number {
  const xlsx = join(dir, 'cli-roster.xlsx');
  writeFileSync(xlsx, buffer);
  const t = performance.now();
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'import-roster', xlsx, '--db', join(dir, 'cli.sqlite'), '--json'], { stdio: 'ignore' });
  return round(performance.now() - t);
}

/** the median of the app's and the raw baseline's times over `rounds` interleaved runs, so a load spike on a shared machine hits both alike */
async function interleaved(rounds: number, app: (i: number) => Promise<number>, raw: (i: number) => Promise<number>): Promise<Timed> {
  const a: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await app(i));
    r.push(await raw(i));
  }
  return { ms: round(median(a)), rawMs: round(median(r)) };
}

export async function importBench(file: string, rounds = 3): Promise<{ rosterImport20k: Timed; ledgerImport10k: Timed }> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-import-bench-'));
  try {
    const roster = await bigRoster(ROSTER_ROWS);
    // roster: the app's path and the raw baseline, each into its own empty database
    const rosterImport20k = await interleaved(
      rounds,
      async (i) => {
        const app = await emptyEstate(dir, `app-${i}`);
        const t = await timeIt(() => screenRoster(app.core, app.estateId, roster));
        await app.core.close();
        if (t.value.houses !== ROSTER_ROWS) throw new Error(`名册导入只建了 ${t.value.houses} 户`);
        return t.ms;
      },
      async (i) => {
        const raw = await emptyEstate(dir, `raw-${i}`);
        const t = await timeIt(() => rawRoster(raw.core.ctx.sqlite, raw.estateId, roster));
        await raw.core.close();
        return t.ms;
      },
    );

    // ledger: rows naming the reference database's houses, each run into a fresh copy of it
    const probe = await open(file);
    const estateId = Number(probe.ctx.sqlite.prepare('select id from estates where voided_at is null order by id limit 1').pluck().get());
    const houses = probe.ctx.sqlite
      .prepare(
        `select b.code building, u.code unit, h.room_no room from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id
         where h.estate_id = ? and h.voided_at is null order by h.id`,
      )
      .all(estateId) as LedgerHouse[];
    await probe.close();
    const ledger = await bigLedger(LEDGER_ROWS, houses);
    const fresh = async (name: string) => {
      const copy = join(dir, `${name}.sqlite`);
      copyFileSync(file, copy);
      const core = await open(copy);
      return {
        core,
        done: async () => (await core.close(), rmSync(copy, { force: true }), rmSync(`${copy}-wal`, { force: true }), rmSync(`${copy}-shm`, { force: true })),
      };
    };
    const ledgerImport10k = await interleaved(
      Math.max(1, rounds - 1),
      async (i) => {
        const db = await fresh(`ledger-app-${i}`);
        const t = await timeIt(() => screenLedger(db.core, estateId, ledger));
        await db.done();
        if (t.value.tickets !== LEDGER_ROWS) throw new Error(`台账导入只建了 ${t.value.tickets} 张工单`);
        return t.ms;
      },
      async (i) => {
        const db = await fresh(`ledger-raw-${i}`);
        const t = await timeIt(() => rawLedger(db.core.ctx.sqlite, estateId, ledger));
        await db.done();
        return t.ms;
      },
    );
    return { rosterImport20k, ledgerImport10k };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /import-bench\.ts$/.test(process.argv[1])) {
  const ref = await referenceCopy();
  try {
    const figures = await importBench(ref.file);
    const cliDir = mkdtempSync(join(tmpdir(), 'fd-import-cli-'));
    try {
      const cli = process.argv.includes('--cli') ? { rosterCli20kMs: cliRosterMs(cliDir, await bigRoster(ROSTER_ROWS)) } : {};
      console.log(JSON.stringify({ ...figures, ...cli }));
    } finally {
      rmSync(cliDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(ref.dir, { recursive: true, force: true });
  }
}
