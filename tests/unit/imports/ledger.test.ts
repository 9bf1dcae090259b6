import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { tempCore, must } from '../helpers/temp-core';
import { messyLedgerBuffer, LEDGER_EXPECTED, LEDGER_HOUSES } from '../../fixtures/ledger/make-messy-ledger';
import { parseChannel, parseDateTime, parseSatisfaction, parseStatus, parseType, parseUrgency } from '../../../electron/core/imports/ledger/values';
import { suggestLedgerMapping } from '../../../electron/core/imports/ledger/headers';
import { mapCategory } from '../../../electron/core/imports/ledger/plan';
import { rebuildTimeline } from '../../../electron/core/imports/ledger/timeline';
import { DEFAULT_DESK_CONFIG } from '../../../electron/core/desk/config';
import { EMPTY_CELL } from '../../../electron/core/imports/roster/grid';
import { importLedgerCommand } from '../../../electron/cli/commands/import-ledger';
import { commitLedger, previewLedger } from '../../../electron/core/imports/ledger/service';
import type { LedgerPreviewT, TicketDetailT } from '../../../shared/contract/desk';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let estateId: number;
const houseIds = new Map<string, number>();
let buildingId: number;
const call = (c: string, i: unknown) => core.dispatch(c, i);
const count = (table: string) => (core.ctx.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

beforeEach(async () => {
  core = await tempCore();
  const e = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
  estateId = e.id;
  const b = (await must(call('archives.buildings.create', { estateId, name: LEDGER_HOUSES.building }) as never)) as { id: number };
  buildingId = b.id;
  for (const roomNo of LEDGER_HOUSES.rooms) {
    const h = (await must(
      call('archives.houses.create', { buildingId: b.id, unitName: LEDGER_HOUSES.unit, roomNo, type: '住宅', status: '已入住' }) as never,
    )) as { id: number };
    houseIds.set(roomNo, h.id);
  }
});
afterEach(async () => {
  await core.cleanup();
});

const text = (t: string) => ({ ...EMPTY_CELL, text: t });

describe('ledger times (China wall clock; this process runs in America/Los_Angeles)', () => {
  it('runs in another zone than Shanghai', () => {
    expect(new Date('2026-10-03T06:05:00Z').getTimezoneOffset()).toBe(420);
  });
  it.each([
    ['2026/10/3 14:05', '2026-10-03T06:05:00.000Z'],
    ['2026-10-03 14:05:00', '2026-10-03T06:05:00.000Z'],
    ['2026年10月3日 14:05', '2026-10-03T06:05:00.000Z'],
    ['2026年10月3日14时5分', '2026-10-03T06:05:00.000Z'],
    ['2026.10.3 14:05', '2026-10-03T06:05:00.000Z'],
    ['２０２６/１０/３ ９:００', '2026-10-03T01:00:00.000Z'],
    // 00:30 in Shanghai is still the previous evening in UTC
    ['2026/10/3 0:30', '2026-10-02T16:30:00.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseDateTime(text(raw), '受理时间')).toEqual({ ok: true, value: iso });
  });
  it('a date alone is 0:00 of that Shanghai day, with a warning', () => {
    for (const raw of ['2026.10.3', '2026/10/3', '2026-10-03', '2026年10月3日'])
      expect(parseDateTime(text(raw), '受理时间')).toEqual({ ok: true, value: '2026-10-02T16:00:00.000Z', warning: '受理时间只有日期，时间按0点记' });
  });
  it('Excel date cells and serial numbers are wall-clock times', () => {
    expect(parseDateTime({ ...EMPTY_CELL, date: '2026-10-03', time: '14:05', text: 'x' }, '受理时间')).toEqual({ ok: true, value: '2026-10-03T06:05:00.000Z' });
    expect(parseDateTime({ ...EMPTY_CELL, date: '2026-10-03', time: null, text: 'x' }, '完成时间')).toEqual({
      ok: true,
      value: '2026-10-02T16:00:00.000Z',
      warning: '完成时间只有日期，时间按0点记',
    });
    // 46298.5 = 2026-10-03 12:00
    expect(parseDateTime({ ...EMPTY_CELL, num: 46298.5, text: '46298.5' }, 'x')).toEqual({ ok: true, value: '2026-10-03T04:00:00.000Z' });
  });
  it('impossible dates are refused with the text as written', () => {
    expect(parseDateTime(text('2026/13/45'), '受理时间')).toEqual({ ok: false, reason: '受理时间无法识别：2026/13/45' });
    expect(parseDateTime(text('2026/2/30 10:00'), '受理时间')).toEqual({ ok: false, reason: '受理时间无法识别：2026/2/30 10:00' });
    expect(parseDateTime(text('上午'), '回访时间')).toEqual({ ok: false, reason: '回访时间无法识别：上午' });
  });
});

describe('ledger words', () => {
  it('types, channels, urgency, satisfaction and statuses as centres write them', () => {
    expect(['投诉', '报修', '维修', '咨询', '询问', '建议', '表扬', '感谢', '其它'].map(parseType)).toEqual([
      '投诉',
      '报修',
      '报修',
      '咨询',
      '咨询',
      '建议',
      '表扬',
      '表扬',
      null,
    ]);
    expect(['上门', '前台', '来电', '电话', '微信', '来信', '巡检', '', 'APP'].map(parseChannel)).toEqual([
      '来访',
      '来访',
      '电话',
      '电话',
      '微信',
      '信函',
      '巡查',
      '其他',
      '其他',
    ]);
    expect(['紧急', '加急', '特急', '一般', '不急', '非紧急', ''].map(parseUrgency)).toEqual(['紧急', '紧急', '紧急', '一般', '一般', '一般', '一般']);
    expect(
      ['非常满意', '很满意', '满意', '基本满意', '一般', '不满意', '非常不满意', '5', '4', '3', '2', '1', '５分'].map(
        (t) => (parseSatisfaction(text(t)) as { value: string }).value,
      ),
    ).toEqual(['非常满意', '非常满意', '满意', '满意', '一般', '不满意', '非常不满意', '非常满意', '满意', '一般', '不满意', '非常不满意', '非常满意']);
    expect(parseSatisfaction(text('还行吧'))).toEqual({ ok: true, value: null, warning: '满意度无法识别，已忽略：还行吧' });
    expect(['已关闭', '关闭', '已办结', '完成', '已完成', '未完成', '待回访', '已回访', '处理中', '已派工', '待处理', '作废', ''].map(parseStatus)).toEqual([
      '已关闭',
      '已关闭',
      '已关闭',
      '已完成',
      '已完成',
      '处理中',
      '已完成',
      '已回访',
      '处理中',
      '已派工',
      '已受理',
      '已作废',
      null,
    ]);
  });

  it('categories map onto the configured two-level tree; unknown ones are kept under 其他', () => {
    const cfg = DEFAULT_DESK_CONFIG;
    expect(mapCategory(cfg, '噪音扰民')).toEqual({ category: '噪音扰民', subcategory: null, warning: null });
    expect(mapCategory(cfg, '水电')).toEqual({ category: '工程维修', subcategory: '水电', warning: null });
    expect(mapCategory(cfg, '工程维修/水电')).toEqual({ category: '工程维修', subcategory: '水电', warning: null });
    expect(mapCategory(cfg, '工程维修-电梯')).toEqual({ category: '工程维修', subcategory: '电梯', warning: null });
    expect(mapCategory(cfg, '工程维修/下水道').warning).toBe('小类“下水道”不在“工程维修”的设置中，按原文保留');
    expect(mapCategory(cfg, '照明')).toEqual({ category: '其他', subcategory: '照明', warning: '类别“照明”不在类别设置中，记为“其他/照明”' });
  });

  it('header names: 类型 is the request type, 类别 the category; 序号 is not the 编号', () => {
    const m = suggestLedgerMapping([
      '序号',
      '工单号',
      '报事时间',
      '类型',
      '问题类别',
      '来源',
      '楼号',
      '单元',
      '房间号',
      '报事位置',
      '业主',
      '电话',
      '问题描述',
      '紧急',
      '责任部门',
      '责任人',
      '派工时间',
      '处理完成时间',
      '回访时间',
      '回访情况',
      '满意程度',
      '处理状态',
      '备注',
    ]);
    expect(m).toEqual({
      '1': 'no',
      '2': 'receivedAt',
      '3': 'type',
      '4': 'category',
      '5': 'channel',
      '6': 'building',
      '7': 'unit',
      '8': 'room',
      '9': 'location',
      '10': 'reporter',
      '11': 'phone',
      '12': 'description',
      '13': 'urgency',
      '14': 'department',
      '15': 'assignee',
      '16': 'respondedAt',
      '17': 'completedAt',
      '18': 'callbackAt',
      '19': 'callbackResult',
      '20': 'satisfaction',
      '21': 'status',
      '22': 'notes',
    });
    expect(suggestLedgerMapping(['单号', '登记时间', '类别', '方式', '地点', '联系人', '事项'])).toEqual({
      '0': 'no',
      '1': 'receivedAt',
      '2': 'category',
      '3': 'channel',
      '4': 'location',
      '5': 'reporter',
      '6': 'description',
    });
  });
});

describe('ledger timeline from the times and the 状态 column', () => {
  const base = {
    type: '投诉' as const,
    receivedAt: '2025-10-01T02:00:00.000Z',
    respondedAt: null,
    completedAt: null,
    callbackAt: null,
    callbackResolved: null,
    satisfaction: null,
    callbackText: '',
    department: null,
    assignee: null,
    status: null,
  };
  const flow = (t: ReturnType<typeof rebuildTimeline>) => t.events.map((e) => `${e.action}→${e.to}`).join(' ');
  it('without a 状态 column the times tell how far it got', () => {
    expect(rebuildTimeline(base).status).toBe('已受理');
    expect(rebuildTimeline({ ...base, department: '工程部' }).status).toBe('已派工');
    const done = rebuildTimeline({ ...base, completedAt: '2025-10-02T02:00:00.000Z' });
    expect([done.status, done.respondedAt, done.closedAt]).toEqual(['已完成', '2025-10-02T02:00:00.000Z', null]);
    const called = rebuildTimeline({ ...base, completedAt: '2025-10-02T02:00:00.000Z', callbackAt: '2025-10-03T02:00:00.000Z', callbackResolved: true });
    expect(flow(called)).toBe('import→已受理 complete→已完成 callback→已回访 close→已关闭');
    expect(called.closedAt).toBe('2025-10-03T02:00:00.000Z');
    // an enquiry needs no callback: completed is finished
    expect(rebuildTimeline({ ...base, type: '咨询', completedAt: '2025-10-02T02:00:00.000Z' }).status).toBe('已关闭');
  });
  it('a status the times cannot show is taken, with a warning where a time is borrowed', () => {
    const closed = rebuildTimeline({ ...base, status: '已关闭' });
    expect(flow(closed)).toBe('import→已受理 complete→已完成 close→已关闭');
    expect(closed.warnings).toEqual(['没有完成时间，按受理时间记', '台账记为已关闭，但没有回访记录']);
    expect(rebuildTimeline({ ...base, status: '已完成', completedAt: '2025-10-02T02:00:00.000Z' }).status).toBe('已完成');
    expect(rebuildTimeline({ ...base, status: '已派工' }).events.map((e) => e.action)).toEqual(['import', 'dispatch']);
    const late = rebuildTimeline({ ...base, status: '处理中', completedAt: '2025-10-02T02:00:00.000Z' });
    expect(late.status).toBe('已完成');
    expect(late.warnings).toEqual(['台账状态为“处理中”，但台账记有完成时间，按时间线导入']);
  });
  it('times out of order are put in order, and said so', () => {
    const t = rebuildTimeline({
      ...base,
      respondedAt: '2025-10-02T05:00:00.000Z',
      completedAt: '2025-10-02T02:00:00.000Z',
      callbackAt: '2025-10-01T05:00:00.000Z',
      callbackResolved: true,
    });
    expect(t.warnings).toEqual(['响应时间晚于完成时间，按完成时间记', '回访时间早于完成时间，按完成时间记']);
    const times = t.events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });
});

async function preview(buffer?: Buffer, fileName = '投诉台账2025.xlsx'): Promise<LedgerPreviewT> {
  return (await must(
    call('imports.ledger.preview', { estateId, fileName, dataBase64: (buffer ?? (await messyLedgerBuffer())).toString('base64') }) as never,
  )) as LedgerPreviewT;
}
const commit = async (token: string) => (await must(call('imports.ledger.commit', { token }) as never)) as { created: { tickets: number }; accepted: number };

describe('ledger import', () => {
  it('finds the header below the titles, maps the columns and reports every rejected row with its Excel row number', async () => {
    const p = await preview();
    expect(p.headerRow).toBe(LEDGER_EXPECTED.headerRow);
    expect(Object.values(p.mapping).sort()).toEqual([
      'assignee',
      'building',
      'callbackAt',
      'callbackResult',
      'category',
      'channel',
      'completedAt',
      'department',
      'description',
      'location',
      'no',
      'notes',
      'phone',
      'receivedAt',
      'reporter',
      'respondedAt',
      'room',
      'satisfaction',
      'status',
      'type',
      'unit',
      'urgency',
    ]);
    expect(p.rejected).toEqual(LEDGER_EXPECTED.rejected);
    expect(p.rows.filter((r) => r.status === 'new').map((r) => r.row)).toEqual(LEDGER_EXPECTED.newRows);
    expect(p.rows.filter((r) => r.status === 'duplicate').map((r) => r.row)).toEqual(LEDGER_EXPECTED.duplicateRows);
    expect(p.willCreate.tickets).toBe(LEDGER_EXPECTED.tickets);
    for (const [row, expected] of Object.entries(LEDGER_EXPECTED.warnings)) {
      const got = p.warnings.filter((w) => w.row === Number(row)).map((w) => w.reason);
      for (const w of expected) expect(got, `第${row}行`).toContain(w);
    }
    // the preview writes nothing
    expect(count('tickets')).toBe(0);
  });

  it('commits every accepted row as an imported ticket with its timeline, linked to known houses', async () => {
    const p = await preview();
    expect((await commit(p.token)).created.tickets).toBe(LEDGER_EXPECTED.tickets);
    const all = core.ctx.sqlite
      .prepare(`select t.id, t.imported, t.import_key, e.note from tickets t join ticket_events e on e.ticket_id = t.id and e.action = 'import'`)
      .all() as { id: number; imported: number; import_key: string; note: string }[];
    expect(all).toHaveLength(LEDGER_EXPECTED.tickets);
    expect(all.every((t) => t.imported === 1 && /^[0-9a-f]{32}$/.test(t.import_key))).toBe(true);
    const byRow = new Map(all.map((t) => [Number(t.note.match(/第(\d+)行/)![1]), t.id]));

    for (const [rowText, want] of Object.entries(LEDGER_EXPECTED.rows)) {
      const row = Number(rowText);
      const d = (await must(call('desk.tickets.get', { id: byRow.get(row)! }) as never)) as TicketDetailT;
      const where = `第${row}行`;
      if (want.no) expect(d.ticket.no, where).toBe(want.no);
      if (want.noPattern) expect(d.ticket.no, where).toMatch(want.noPattern);
      expect(d.ticket.status, where).toBe(want.status);
      expect(d.ticket.imported, where).toBe(true);
      expect(d.ticket.houseId, where).toBe(want.house ? houseIds.get(want.house)! : null);
      if (want.location) expect(d.ticket.location, where).toBe(want.location);
      if (want.building) expect(d.ticket.buildingId, where).toBe(buildingId);
      if (want.type) expect(d.ticket.type, where).toBe(want.type);
      if (want.channel) expect(d.ticket.channel, where).toBe(want.channel);
      if (want.urgency) expect(d.ticket.urgency, where).toBe(want.urgency);
      if (want.category) expect([d.ticket.category, d.ticket.subcategory], where).toEqual(want.category);
      expect(
        d.events.map((e) => [e.action, e.at, e.fromStatus, e.toStatus]),
        where,
      ).toEqual(want.events);
      // the ticket's own times agree with its timeline
      const last = (action: string) => [...d.events].reverse().find((e) => e.action === action)?.at ?? null;
      expect(d.ticket.receivedAt, where).toBe(want.events[0][1]);
      expect(d.ticket.closedAt, where).toBe(want.status === '已关闭' ? last('close') : null);
      if (['已完成', '已回访', '已关闭'].includes(want.status)) expect(d.ticket.completedAt, where).toBe(last('complete'));
      if (want.callback) {
        expect(d.callbacks, where).toHaveLength(1);
        expect(d.callbacks[0], where).toMatchObject(want.callback);
        expect(d.callbacks[0].at, where).toBe(last('callback'));
      } else expect(d.callbacks, where).toHaveLength(0);
    }

    // row 4 in detail: dispatch names who, the SLA targets of today's settings are kept and deadlines stored
    const first = (await must(call('desk.tickets.get', { id: byRow.get(4)! }) as never)) as TicketDetailT;
    expect(first.ticket).toMatchObject({
      department: '秩序部',
      assignee: '刘队长',
      respondedAt: '2025-10-03T07:00:00.000Z',
      reporter: '王芳',
      // the screen's read masks it (docs/PRIVACY.md); the import stored it whole
      phone: '138****1111',
      category: '噪音扰民',
    });
    expect(core.ctx.sqlite.prepare('select phone from tickets where id = ?').get(byRow.get(4))).toEqual({ phone: '13800001111' });
    expect(first.events[0].note).toBe('历史台账导入（投诉台账2025.xlsx 第4行）');
    expect(first.events[1].note).toBe('秩序部 · 刘队长');
    expect(first.events[3].note).toBe('已解决，满意；电话回访,已解决');
    expect(first.callbacks[0].comment).toBe('电话回访,已解决');
    // "未解决" says nothing the result does not
    const r7 = (await must(call('desk.tickets.get', { id: byRow.get(7)! }) as never)) as TicketDetailT;
    expect([r7.events[3].note, r7.callbacks[0].comment]).toEqual(['未解决，不满意', null]);
    const raw = core.ctx.sqlite
      .prepare('select respond_minutes, resolve_minutes, respond_due_at, resolve_due_at from tickets where id = ?')
      .get(byRow.get(4)!) as Record<string, unknown>;
    expect(raw).toEqual({
      respond_minutes: 24 * 60,
      resolve_minutes: 48 * 60,
      respond_due_at: '2025-10-04T06:05:00.000Z',
      resolve_due_at: '2025-10-05T06:05:00.000Z',
    });
    expect(first.ticket.sla.state).toBe('met');
    // a running number stays on the timeline; the reused 编号 too
    const r18 = (await must(call('desk.tickets.get', { id: byRow.get(18)! }) as never)) as TicketDetailT;
    expect(r18.events[0].note).toBe('历史台账导入（投诉台账2025.xlsx 第18行，台账编号 12）');
    const r19 = (await must(call('desk.tickets.get', { id: byRow.get(19)! }) as never)) as TicketDetailT;
    expect(r19.events[0].note).toContain('台账编号 TS-2025-001');
    // notes are kept with the description
    const r6 = (await must(call('desk.tickets.get', { id: byRow.get(6)! }) as never)) as TicketDetailT;
    expect(r6.ticket.description).toBe('车库灯不亮三盏\n（备注：巡查发现）');

    // the household screen sees the imported history
    const hh = (await must(call('archives.household.get', { houseId: houseIds.get('1502')! }) as never)) as { history: { kind: string; title: string }[] };
    expect(hh.history.filter((h) => h.kind === 'ticket').map((h) => h.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('TS-2025-001'), expect.stringContaining('BX-2025-002')]),
    );
  });

  it('re-importing the same ledger creates nothing: every row is already imported', async () => {
    await commit((await preview()).token);
    const again = await preview();
    expect(again.willCreate.tickets).toBe(0);
    expect(again.rows.filter((r) => r.status === 'unchanged').map((r) => r.row)).toEqual(LEDGER_EXPECTED.newRows);
    expect(again.warnings.filter((w) => LEDGER_EXPECTED.newRows.includes(w.row))).toEqual([]);
    expect((await commit(again.token)).created.tickets).toBe(0);
    expect(count('tickets')).toBe(LEDGER_EXPECTED.tickets);
    expect(count('callbacks')).toBe(Object.values(LEDGER_EXPECTED.rows).filter((r) => r.callback).length);
  });

  it("next year's ledger with the same running numbers and a reused 编号 is imported, not taken for this one", async () => {
    const sheet = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      ws.addRow(['编号', '受理时间', '类型', '位置', '内容']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    await commit(
      (
        await preview(
          await sheet([
            ['1', '2024-03-01 10:00', '投诉', '中心广场', '广场舞噪音'],
            ['KF-001', '2024-03-02 10:00', '咨询', '前台', '停车收费'],
          ]),
          '2024.xlsx',
        )
      ).token,
    );
    const next = await preview(
      await sheet([
        ['1', '2025-03-01 10:00', '投诉', '3栋大堂', '大堂漏水'],
        ['KF-001', '2025-03-05 10:00', '咨询', '前台', '装修手续'],
      ]),
      '2025.xlsx',
    );
    expect(next.rows.map((r) => r.status)).toEqual(['new', 'new']);
    expect(next.warnings).toEqual(expect.arrayContaining([{ row: 3, reason: '编号 KF-001 已被其他工单使用，导入时另编号' }]));
    await commit(next.token);
    expect(
      core.ctx.sqlite
        .prepare('select no from tickets order by received_at')
        .all()
        .map((r) => (r as { no: string }).no),
    ).toEqual(['TS20240301-001', 'KF-001', 'TS20250301-001', 'ZX20250305-001']);
  });

  it('is all-or-nothing: a failure while writing leaves no ticket, event or callback behind', async () => {
    const p = await preview();
    // the last ticket's void event fails after ten tickets were written
    core.ctx.sqlite.exec(`create trigger boom before insert on ticket_events when new.action = 'void' begin select raise(abort, 'disk full'); end;`);
    const r = await call('imports.ledger.commit', { token: p.token });
    expect(r.ok).toBe(false);
    expect([count('tickets'), count('ticket_events'), count('callbacks'), count('import_batches')]).toEqual([0, 0, 0, 0]);
    // nothing was lost: the same file imports once the cause is gone
    core.ctx.sqlite.exec('drop trigger boom');
    expect((await commit((await preview()).token)).created.tickets).toBe(LEDGER_EXPECTED.tickets);
  });

  it('remembers a changed mapping for the next file with the same headers; the report lists every row with its outcome', async () => {
    const p = await preview();
    const noNotes = Object.fromEntries(Object.entries(p.mapping).filter(([, f]) => f !== 'notes'));
    await must(call('imports.ledger.remap', { token: p.token, mapping: noNotes }) as never);
    const again = await preview();
    expect(again.mappingRemembered).toBe(true);
    expect(Object.values(again.mapping)).not.toContain('notes');
    const stored = core.ctx.sqlite.prepare(`select key from settings where key like 'import.ledger.mapping.%'`).all();
    expect(stored).toHaveLength(1);
    const report = (await must(call('imports.ledger.report', { token: again.token }) as never)) as { fileName: string; dataBase64: string };
    expect(report.fileName).toBe('台账导入报告-投诉台账2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from(report.dataBase64, 'base64')).buffer);
    const rows = wb.worksheets[0].getColumn(1).values.filter((v): v is number => typeof v === 'number');
    // every non-blank row below the header (17 and 24 are blank), each once, in order
    expect(rows).toEqual([...LEDGER_EXPECTED.newRows, ...LEDGER_EXPECTED.duplicateRows, ...LEDGER_EXPECTED.rejected.map((r) => r.row)].sort((a, b) => a - b));
    const statusOf = (row: number) => wb.worksheets[0].getRow(rows.indexOf(row) + 2).getCell(2).value;
    expect([statusOf(4), statusOf(9), statusOf(25)]).toEqual(['新增', '重复行（已合并）', '拒绝']);
  });

  it('plain functions for scripts: previewLedger writes nothing, commitLedger imports', async () => {
    const buf = await messyLedgerBuffer();
    const p = await previewLedger(core.ctx, buf, 'x.xlsx', estateId);
    expect([p.willCreate.tickets, p.rejected]).toEqual([LEDGER_EXPECTED.tickets, LEDGER_EXPECTED.rejected]);
    // against no estate at all (a dry run on an empty database): nothing links, nothing is written
    const none = await previewLedger(core.ctx, buf, 'x.xlsx', null);
    expect(none.warnings.filter((w) => w.reason.startsWith('未找到房屋')).map((w) => w.row)).toEqual([4, 5, 7, 8, 15, 18, 19]);
    expect(count('tickets')).toBe(0);
    expect((await commitLedger(core.ctx, buf, 'x.xlsx', estateId)).created.tickets).toBe(LEDGER_EXPECTED.tickets);
    expect(count('tickets')).toBe(LEDGER_EXPECTED.tickets);
    await expect(commitLedger(core.ctx, buf, 'x.xlsx', 9999)).rejects.toThrow();
  });

  it('a mapping without 受理时间 is refused in Chinese', async () => {
    const p = await preview();
    const r = await call('imports.ledger.remap', { token: p.token, mapping: { '0': 'no', '2': 'type' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('请指定“受理时间”对应的列');
  });

  it('refuses a file that is not a ledger', async () => {
    const r = await call('imports.ledger.preview', { estateId, fileName: 'x.xlsx', dataBase64: Buffer.from('not excel').toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FILE');
  });
});

describe('import-ledger on the command line', () => {
  it('--json prints exactly one object; --dry-run writes nothing; an unreadable file exits 1 in Chinese', async () => {
    const file = join(core.dir, 'ledger.xlsx');
    writeFileSync(file, await messyLedgerBuffer());
    await core.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    const tickets = () => {
      const db = new Database(core.file, { readonly: true });
      try {
        return (db.prepare('select count(*) n from tickets').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };

    expect(await importLedgerCommand({ file, db: core.file, dryRun: true, json: true }, io)).toBe(0);
    expect(out).toHaveLength(1);
    const dry = JSON.parse(out[0]);
    expect(Object.keys(dry)).toEqual(['accepted', 'rejected', 'warnings', 'created']);
    expect(dry).toEqual({
      accepted: LEDGER_EXPECTED.newRows.length + LEDGER_EXPECTED.duplicateRows.length,
      rejected: LEDGER_EXPECTED.rejected,
      warnings: expect.arrayContaining([{ row: 7, reason: '未找到房屋：9栋1单元901，按文字位置导入' }]),
      created: { tickets: LEDGER_EXPECTED.tickets },
    });
    expect(tickets()).toBe(0);

    out.length = 0;
    expect(await importLedgerCommand({ file, db: core.file, dryRun: false, json: true }, io)).toBe(0);
    expect(JSON.parse(out.join('')).created).toEqual({ tickets: LEDGER_EXPECTED.tickets });
    expect(tickets()).toBe(LEDGER_EXPECTED.tickets);
    out.length = 0;
    expect(await importLedgerCommand({ file, db: core.file, dryRun: false, json: true }, io)).toBe(0);
    expect(JSON.parse(out.join('')).created).toEqual({ tickets: 0 });

    expect(await importLedgerCommand({ file: join(core.dir, 'nope.xlsx'), db: core.file, dryRun: false, json: true }, io)).toBe(1);
    expect(err.join('')).toContain('文件不存在');
    writeFileSync(join(core.dir, 'bad.xlsx'), 'not excel');
    expect(await importLedgerCommand({ file: join(core.dir, 'bad.xlsx'), db: core.file, dryRun: false, json: true }, io)).toBe(1);
    expect(err.join('')).toMatch(/xlsx/);
    // the CLI used the same file; hand afterEach a fresh core and remove this folder now
    rmSync(core.dir, { recursive: true, force: true });
    core = await tempCore();
  });
});
