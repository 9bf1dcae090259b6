import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCore, must } from '../helpers/temp-core';
import { messyLedgerBuffer, LEDGER_EXPECTED } from '../../fixtures/ledger/make-messy-ledger';
import { parseDateTime } from '../../../electron/core/imports/ledger/values';
import { EMPTY_CELL } from '../../../electron/core/imports/roster/grid';
import { importLedgerCommand } from '../../../electron/cli/commands/import-ledger';
import type { LedgerPreviewT, TicketDetailT } from '../../../shared/contract/desk';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let estateId: number;
const call = (c: string, i: unknown) => core.dispatch(c, i);

beforeEach(async () => {
  core = await tempCore();
  const e = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
  estateId = e.id;
  const b = (await must(call('archives.buildings.create', { estateId, name: '3' }) as never)) as { id: number };
  for (const roomNo of ['1501', '1502']) await must(call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo, type: '住宅', status: '已入住' }) as never);
});
afterEach(async () => {
  await core.cleanup();
});

const text = (t: string) => ({ ...EMPTY_CELL, text: t });

describe('ledger times (China wall clock, machine in another zone)', () => {
  it.each([
    ['2026/10/3 14:05', '2026-10-03T06:05:00.000Z'],
    ['2026-10-03 14:05:00', '2026-10-03T06:05:00.000Z'],
    ['2026年10月3日 14:05', '2026-10-03T06:05:00.000Z'],
    ['2026年10月3日14时5分', '2026-10-03T06:05:00.000Z'],
    ['２０２６/１０/３ ９:００', '2026-10-03T01:00:00.000Z'],
  ])('%s', (raw, iso) => {
    const r = parseDateTime(text(raw), '受理时间');
    expect(r).toEqual({ ok: true, value: iso });
  });
  it('date only → 0:00 with a warning; Excel cells and serials', () => {
    expect(parseDateTime(text('2026.10.3'), '受理时间')).toEqual({ ok: true, value: '2026-10-02T16:00:00.000Z', warning: '受理时间只有日期，时间按0点记' });
    expect(parseDateTime({ ...EMPTY_CELL, date: '2026-10-03', time: '14:05', text: 'x' }, '受理时间')).toEqual({ ok: true, value: '2026-10-03T06:05:00.000Z' });
    // 46298.5 = 2026-10-03 12:00
    expect(parseDateTime({ ...EMPTY_CELL, num: 46298.5, text: '46298.5' }, 'x')).toEqual({ ok: true, value: '2026-10-03T04:00:00.000Z' });
    expect(parseDateTime(text('2026/13/45'), '受理时间')).toEqual({ ok: false, reason: '受理时间无法识别：2026/13/45' });
  });
});

async function preview(): Promise<LedgerPreviewT> {
  return (await must(call('imports.ledger.preview', { estateId, fileName: '投诉台账2025.xlsx', dataBase64: (await messyLedgerBuffer()).toString('base64') }) as never)) as LedgerPreviewT;
}

describe('ledger import', () => {
  it('finds the header below the titles, maps the columns and reports every rejected row with its Excel row number', async () => {
    const p = await preview();
    expect(p.headerRow).toBe(LEDGER_EXPECTED.headerRow);
    expect(Object.values(p.mapping)).toEqual(expect.arrayContaining(['no', 'receivedAt', 'type', 'category', 'description', 'satisfaction', 'status', 'callbackAt']));
    expect(p.rejected).toEqual(LEDGER_EXPECTED.rejected);
    expect(p.rows.filter((r) => r.status === 'new').map((r) => r.row)).toEqual(LEDGER_EXPECTED.newRows);
    expect(p.rows.filter((r) => r.status === 'duplicate').map((r) => r.row)).toEqual(LEDGER_EXPECTED.duplicateRows);
    expect(p.willCreate.tickets).toBe(LEDGER_EXPECTED.tickets);
    const w = (row: number) => p.warnings.filter((x) => x.row === row).map((x) => x.reason).join('|');
    expect(w(6)).toContain('只有日期');
    expect(w(6)).toContain('“照明”不在类别设置中');
    expect(w(7)).toContain('未找到房屋：9栋1单元901');
    // preview writes nothing
    expect((core.ctx.sqlite.prepare('select count(*) n from tickets').get() as { n: number }).n).toBe(0);
  });

  it('commits all rows as imported tickets with their timelines, linked to known houses; re-import creates nothing', async () => {
    const p = await preview();
    const done = (await must(call('imports.ledger.commit', { token: p.token }) as never)) as { created: { tickets: number }; accepted: number };
    expect(done.created.tickets).toBe(LEDGER_EXPECTED.tickets);
    const list = (await must(call('desk.tickets.list', { limit: 50, sort: 'receivedAt', dir: 'asc' }) as never)) as { rows: { id: number; no: string; imported: boolean; location: string; status: string }[] };
    expect(list.rows.every((r) => r.imported)).toBe(true);
    const byNo = new Map(list.rows.map((r) => [r.no, r]));

    const first = (await must(call('desk.tickets.get', { id: byNo.get('TS-2025-001')!.id }) as never)) as TicketDetailT;
    expect(first.ticket).toMatchObject({ location: '3栋2单元1502', status: '已关闭', department: '秩序部', assignee: '刘队长', receivedAt: '2025-10-03T06:05:00.000Z', completedAt: '2025-10-04T02:30:00.000Z' });
    expect(first.ticket.houseId).not.toBeNull();
    expect(first.events.map((e) => [e.action, e.at])).toEqual([
      ['import', '2025-10-03T06:05:00.000Z'],
      ['dispatch', '2025-10-03T07:00:00.000Z'],
      ['complete', '2025-10-04T02:30:00.000Z'],
      ['callback', '2025-10-05T01:00:00.000Z'],
      ['close', '2025-10-05T01:00:00.000Z'],
    ]);
    expect(first.callbacks[0]).toMatchObject({ resolved: true, satisfaction: '满意' });

    const repair = (await must(call('desk.tickets.get', { id: byNo.get('BX-2025-002')!.id }) as never)) as TicketDetailT;
    expect(repair.ticket).toMatchObject({ category: '工程维修', subcategory: '水电', urgency: '紧急', location: '3栋2单元1502' });
    expect(repair.callbacks[0].satisfaction).toBe('非常满意');

    const unknown = (await must(call('desk.tickets.get', { id: byNo.get('TS-2025-004')!.id }) as never)) as TicketDetailT;
    expect(unknown.ticket).toMatchObject({ houseId: null, location: '9栋1单元901', status: '处理中' });
    expect(unknown.callbacks[0]).toMatchObject({ resolved: false, satisfaction: '不满意' });

    const garage = list.rows.find((r) => r.location === '地下车库B2')!;
    expect(garage.status).toBe('处理中');
    const garageDetail = (await must(call('desk.tickets.get', { id: garage.id }) as never)) as TicketDetailT;
    expect(garageDetail.ticket).toMatchObject({ category: '其他', subcategory: '照明', receivedAt: '2025-10-07T16:00:00.000Z' });
    expect(garageDetail.ticket.no).toMatch(/^BX20251008-\d{3}$/);

    // the household screen sees the imported history
    const houseId = first.ticket.houseId!;
    const hh = (await must(call('archives.household.get', { houseId }) as never)) as { history: { kind: string; title: string }[] };
    expect(hh.history.filter((h) => h.kind === 'ticket').map((h) => h.title.split(' ')[1])).toEqual(expect.arrayContaining(['TS-2025-001', 'BX-2025-002']));

    const again = await preview();
    expect(again.willCreate.tickets).toBe(0);
    expect(again.rows.filter((r) => r.status === 'unchanged').map((r) => r.row)).toEqual(LEDGER_EXPECTED.newRows);
    const second = (await must(call('imports.ledger.commit', { token: again.token }) as never)) as { created: { tickets: number } };
    expect(second.created.tickets).toBe(0);
    expect((core.ctx.sqlite.prepare('select count(*) n from tickets').get() as { n: number }).n).toBe(LEDGER_EXPECTED.tickets);
  });

  it('is all-or-nothing: a failure while writing leaves no ticket behind', async () => {
    const p = await preview();
    core.ctx.sqlite.exec(`create trigger boom before insert on callbacks begin select raise(abort, 'disk full'); end;`);
    const r = await call('imports.ledger.commit', { token: p.token });
    expect(r.ok).toBe(false);
    expect((core.ctx.sqlite.prepare('select count(*) n from tickets').get() as { n: number }).n).toBe(0);
    expect((core.ctx.sqlite.prepare('select count(*) n from ticket_events').get() as { n: number }).n).toBe(0);
  });

  it('remembers a changed mapping for the next file with the same headers; the report lists problem rows', async () => {
    const p = await preview();
    const noNotes = Object.fromEntries(Object.entries(p.mapping).filter(([, f]) => f !== 'notes'));
    await must(call('imports.ledger.remap', { token: p.token, mapping: noNotes }) as never);
    const again = await preview();
    expect(again.mappingRemembered).toBe(true);
    expect(Object.values(again.mapping)).not.toContain('notes');
    const report = (await must(call('imports.ledger.report', { token: again.token }) as never)) as { fileName: string; dataBase64: string };
    expect(report.fileName).toBe('台账导入报告-投诉台账2025.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(report.dataBase64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getColumn(1).values.filter((v): v is number => typeof v === 'number');
    expect(rows).toEqual(expect.arrayContaining([6, 7, 9, 10, 11, 12, 13, 14]));
  });

  it('refuses a file that is not a ledger', async () => {
    const r = await call('imports.ledger.preview', { estateId, fileName: 'x.xlsx', dataBase64: Buffer.from('not excel').toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FILE');
  });

  it('CLI: --json prints one object, --dry-run writes nothing, a missing file exits 1', async () => {
    const file = join(core.dir, 'ledger.xlsx');
    writeFileSync(file, await messyLedgerBuffer());
    await core.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    expect(await importLedgerCommand({ file, db: core.file, dryRun: true, json: true }, io)).toBe(0);
    const dry = JSON.parse(out.join(''));
    expect(dry).toEqual({ accepted: 7, rejected: LEDGER_EXPECTED.rejected, warnings: expect.any(Array), created: { tickets: LEDGER_EXPECTED.tickets } });
    out.length = 0;
    expect(await importLedgerCommand({ file, db: core.file, dryRun: false, json: true }, io)).toBe(0);
    expect(JSON.parse(out.join('')).created).toEqual({ tickets: LEDGER_EXPECTED.tickets });
    expect(await importLedgerCommand({ file: join(core.dir, 'nope.xlsx'), db: core.file, dryRun: false, json: true }, io)).toBe(1);
    expect(err.join('')).toContain('文件不存在');
    // the CLI used the same file; hand afterEach a fresh core and remove this folder now
    rmSync(core.dir, { recursive: true, force: true });
    core = await tempCore();
  });
});
