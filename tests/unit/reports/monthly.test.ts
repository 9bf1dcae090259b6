// The monthly complaint statistics over a hand-made October 2026 whose every figure was worked out
// by hand (docs/REPORTS.md gives the definitions). Run under TZ=America/Los_Angeles: months are
// bounded in China time whatever the machine's zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { tempCore, must } from '../helpers/temp-core';
import { monthlyWorkbook, safeText } from '../../../electron/core/reports/workbook';
import { monthlyWordReport } from '../../../electron/core/reports/word-report';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fromCst } from '../../../shared/domain/time';
import type { MonthlyReportT } from '../../../shared/contract/reports';
import type { TicketDetailT } from '../../../shared/contract/desk';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let r: MonthlyReportT;
const no: Record<string, string> = {};
const H = 3_600_000;

/** sets the clock to China time y-m-d h:mi (+ hours) */
const setClock = (d: Date, plusHours = 0) => {
  const at = new Date(d.getTime() + plusHours * H);
  core.ctx.now = () => at;
};
const call = <T>(channel: string, input: unknown) => must(core.dispatch(channel, input) as never) as Promise<T>;

async function complaint(key: string, at: Date, fields: Record<string, unknown>): Promise<number> {
  setClock(at);
  const t = await call<TicketDetailT>('desk.tickets.create', {
    type: '投诉',
    urgency: '一般',
    reporter: '业主',
    phone: '13800001111',
    description: `${key} 的投诉`,
    ...fields,
  });
  no[key] = t.ticket.no;
  return t.ticket.id;
}
const step = (id: number, at: Date, plusHours: number, action: string, extra: Record<string, unknown> = {}) => {
  setClock(at, plusHours);
  return call('desk.tickets.transition', { id, action, ...extra });
};
const callback = (ticketId: number, at: Date, plusHours: number, satisfaction: string | null, comment?: string) => {
  setClock(at, plusHours);
  return call('desk.callbacks.record', { ticketId, method: '电话', resolved: satisfaction !== null, satisfaction, comment: comment ?? null });
};

beforeAll(async () => {
  core = await tempCore();
  setClock(fromCst(2025, 9, 1, 9));
  const estate = await call<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
  const b1 = await call<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '1' });
  const b2 = await call<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '2' });
  const house = (buildingId: number, roomNo: string, status: string) =>
    call<{ id: number }>('archives.houses.create', { buildingId, unitName: '1', roomNo, type: '住宅', status }).then((h) => h.id);
  const h101 = await house(b1.id, '101', '已入住');
  const h102 = await house(b1.id, '102', '已入住');
  const h201 = await house(b2.id, '201', '出租');
  await house(b2.id, '202', '已交付'); // handed over, nobody lives there: not an occupied household
  const h203 = await house(b2.id, '203', '装修中');
  const e = { estateId: estate.id };

  // a year before: October 2025 (同比)
  await complaint('T11', fromCst(2025, 10, 8, 10), { ...e, channel: '来访', houseId: h101, category: '邻里纠纷' });
  // last month: 23:30 on 30 September in China is September, though it is the 30th in UTC too
  await complaint('T0', fromCst(2026, 9, 30, 23, 30), { ...e, channel: '来访', houseId: h101, category: '噪音扰民' });

  // T1: 00:10 on 1 October (still 30 September in UTC and in Los Angeles); a repeat of T0
  const t1At = fromCst(2026, 10, 1, 0, 10);
  const t1 = await complaint('T1', t1At, { ...e, channel: '电话', houseId: h101, category: '噪音扰民' });
  await step(t1, t1At, 2, 'dispatch', { department: '客服部' });
  await step(t1, t1At, 30, 'complete');
  await callback(t1, t1At, 31, '满意');
  await step(t1, t1At, 32, 'close');

  // T2: responded late (30 h > 24 h), resolved on time (40 h), the owner dissatisfied; not closed
  const t2At = fromCst(2026, 10, 10, 10);
  const t2 = await complaint('T2', t2At, { ...e, channel: '微信', houseId: h102, category: '环境卫生' });
  await step(t2, t2At, 30, 'dispatch', { department: '环境部' });
  await step(t2, t2At, 40, 'complete');
  await callback(t2, t2At, 41, '不满意', '楼道仍有异味');

  // T3: on hold 30 h (from +1 h to +31 h): both deadlines move 30 h later, so 40 h and 70 h are on time
  const t3At = fromCst(2026, 10, 15, 9);
  const t3 = await complaint('T3', t3At, { ...e, channel: '来访', houseId: h201, category: '噪音扰民' });
  await step(t3, t3At, 1, 'hold', { note: '等业主提供录音' });
  await step(t3, t3At, 31, 'resume');
  await step(t3, t3At, 40, 'dispatch', { department: '秩序部' });
  await step(t3, t3At, 70, 'complete');
  await callback(t3, t3At, 71, '非常满意');
  await step(t3, t3At, 72, 'close');

  // T10: completed, the callback found it unsolved (reopened), completed again at 60 h: late
  const t10At = fromCst(2026, 10, 18, 10);
  const t10 = await complaint('T10', t10At, { ...e, channel: '来访', houseId: h102, category: '噪音扰民' });
  await step(t10, t10At, 1, 'dispatch', { department: '秩序部' });
  await step(t10, t10At, 10, 'complete');
  await callback(t10, t10At, 11, null, '夜间仍有噪音');
  await step(t10, t10At, 60, 'complete');
  await callback(t10, t10At, 61, '满意');

  // T12: completed, the callback unsolved and unrated, never completed again
  const t12At = fromCst(2026, 10, 25, 9);
  const t12 = await complaint('T12', t12At, { ...e, channel: '电话', houseId: h203, category: '服务态度' });
  await step(t12, t12At, 1, 'dispatch', { department: '客服部' });
  await step(t12, t12At, 5, 'complete');
  await callback(t12, t12At, 6, null, '仍不满意处理方式');

  // T13: same house and category as T12 three days later (a repeat); completed, no callback yet
  const t13At = fromCst(2026, 10, 28, 10);
  const t13 = await complaint('T13', t13At, { ...e, channel: '微信', houseId: h203, category: '服务态度' });
  await step(t13, t13At, 3, 'dispatch', { department: '客服部' });
  await step(t13, t13At, 20, 'complete');

  // T4: 23:30 on 31 October, a public area, never answered
  await complaint('T4', fromCst(2026, 10, 31, 23, 30), { ...e, channel: '电话', location: '地下车库B区', category: '停车管理' });

  // not October complaints: 00:10 on 1 November, a voided one, other request types
  await complaint('T5', fromCst(2026, 11, 1, 0, 10), { ...e, channel: '电话', houseId: h101, category: '噪音扰民' });
  const t8At = fromCst(2026, 10, 5, 9);
  const t8 = await complaint('T8', t8At, { ...e, channel: '电话', houseId: h101, category: '噪音扰民' });
  await step(t8, t8At, 1, 'void', { reason: '重复登记' });
  setClock(fromCst(2026, 10, 20, 9));
  await call('desk.tickets.create', { ...e, type: '报修', channel: '来访', houseId: h102, category: '工程维修', urgency: '一般', description: '水龙头漏水' });
  setClock(fromCst(2026, 10, 21, 9));
  await call('desk.tickets.create', { ...e, type: '咨询', channel: '电话', houseId: h102, category: '其他', urgency: '一般', description: '问物业费' });

  setClock(fromCst(2026, 11, 20, 8));
  r = await call<MonthlyReportT>('reports.monthly.get', { estateId: estate.id, month: '2026-10' });
});
afterAll(() => core.cleanup());

const names = (rows: Array<{ name: string; count: number }>) => rows.map((x) => [x.name, x.count]);

describe('monthly complaint statistics, October 2026 worked by hand', () => {
  it('counts by type, this month, last month, last year and per 100 occupied households', () => {
    expect(r.byType).toEqual({ 投诉: 7, 报修: 1, 咨询: 1, 建议: 0, 表扬: 0 });
    expect(r.complaints).toMatchObject({
      total: 7,
      previousMonth: 1,
      sameMonthLastYear: 1,
      monthOnMonth: 6,
      yearOnYear: 6,
      occupiedHouseholds: 4,
      per100Households: 175,
    });
    expect(r.complaints.ticketIds).toHaveLength(7);
  });

  it('breaks complaints down by category, building, channel and department', () => {
    expect(names(r.byCategory)).toEqual([
      ['噪音扰民', 3],
      ['服务态度', 2],
      ['环境卫生', 1],
      ['停车管理', 1],
    ]);
    expect(r.byCategory[0]).toMatchObject({ share: 0.4286, previousCount: 1, change: 2 });
    expect(r.byCategory[1]).toMatchObject({ share: 0.2857, previousCount: 0, change: null });
    expect(r.byBuilding.map((x) => x.count)).toEqual([3, 3, 1]);
    expect(r.byBuilding[2].name).toBe('公共区域');
    expect(names(r.byChannel)).toEqual([
      ['电话', 3],
      ['来访', 2],
      ['微信', 2],
    ]);
    expect(names(r.byDepartment)).toEqual([
      ['客服部', 3],
      ['秩序部', 2],
      ['环境部', 1],
      ['未派工', 1],
    ]);
  });

  it('timeliness counts hold time as paused and a reopened ticket by its last completion', () => {
    expect(r.timeliness).toMatchObject({
      respondJudged: 7,
      resolveJudged: 7,
      respondedOnTimeRate: 0.7143,
      resolvedOnTimeRate: 0.5714,
      avgResponseHours: 12.83,
      avgResolutionHours: 44,
    });
    expect(r.timeliness.overdue.map((t) => t.no)).toEqual([no.T2, no.T10, no.T12, no.T4]);
  });

  it('closure, callbacks (unrated ones left out of satisfaction) and dissatisfied cases', () => {
    expect(r.closure.closed).toBe(2);
    expect(r.closure.closedRate).toBe(0.2857);
    expect(r.closure.carriedOver.map((t) => t.no)).toEqual([no.T2, no.T10, no.T12, no.T13, no.T4]);
    expect(r.callbacks).toMatchObject({ due: 6, called: 5, rate: 0.8333, rated: 4, satisfied: 3, satisfactionRate: 0.75, averageScore: 3.75 });
    expect(r.callbacks.dissatisfied.map((t) => [t.no, t.satisfaction, t.comment])).toEqual([[no.T2, '不满意', '楼道仍有异味']]);
  });

  it('repeat complaints look back 30 days across the month edge; top issues; the daily trend in China days', () => {
    expect(r.repeats.map((t) => [t.no, t.previousNo])).toEqual([
      [no.T1, no.T0],
      [no.T13, no.T12],
    ]);
    expect(names(r.topIssues)).toEqual(names(r.byCategory));
    expect(r.daily).toHaveLength(31);
    expect(r.daily[0]).toEqual({ date: '2026-10-01', count: 1 });
    expect(r.daily[30]).toEqual({ date: '2026-10-31', count: 1 });
    expect(r.daily.filter((d) => d.count > 0).map((d) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-10',
      '2026-10-15',
      '2026-10-18',
      '2026-10-25',
      '2026-10-28',
      '2026-10-31',
    ]);
  });

  it('refuses a month that is not YYYY-MM and an unknown estate, in Chinese', async () => {
    const bad = await core.dispatch('reports.monthly.get', { estateId: 1, month: '2026-13' });
    expect(!bad.ok && bad.error.fields?.month).toBe('月份应为 YYYY-MM，如 2026-10');
    const none = await core.dispatch('reports.monthly.get', { estateId: 99, month: '2026-10' });
    expect(!none.ok && none.error.message).toBe('项目不存在');
  });

  it('`report monthly --json` prints the same figures as one object', async () => {
    const root = resolve(__dirname, '../../..');
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const out = await new Promise<string>((done, fail) =>
      execFile(
        tsx,
        ['electron/cli/main.ts', 'report', 'monthly', '--db', core.file, '--month', '2026-10', '--json'],
        { cwd: root, env: { ...process.env, INIT_CWD: root } },
        (err, stdout, stderr) => (err ? fail(new Error(stderr)) : done(stdout)),
      ),
    );
    const json = JSON.parse(out) as Record<string, unknown> & {
      complaints: unknown;
      timeliness: { overdue: string[] };
      byCategory: unknown[];
      callbacks: unknown;
    };
    expect(json.month).toBe('2026-10');
    expect(json.byType).toEqual(r.byType);
    expect(json.complaints).toEqual({ total: 7, previousMonth: 1, sameMonthLastYear: 1, per100Households: 175 });
    expect(json.byCategory[0]).toEqual({ name: '噪音扰民', count: 3, share: 0.4286, previousCount: 1, change: 2 });
    expect(json.timeliness).toEqual({
      respondedOnTimeRate: 0.7143,
      resolvedOnTimeRate: 0.5714,
      avgResponseHours: 12.83,
      avgResolutionHours: 44,
      overdue: [no.T2, no.T10, no.T12, no.T4],
    });
    expect(json.callbacks).toMatchObject({ rate: 0.8333, satisfactionRate: 0.75, averageScore: 3.75 });
  });

  it('the workbook carries the same figures as numbers with formats, frozen bold headers, A4 fitted to the width', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monthlyWorkbook(core.ctx, r)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分类', '楼栋', '渠道', '部门', '及时率', '明细']);
    const sum = wb.getWorksheet('汇总')!;
    const figure = (label: string) => {
      let found: ExcelJS.Cell | null = null;
      sum.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2);
      });
      if (!found) throw new Error(`汇总 has no ${label}`);
      return found as ExcelJS.Cell;
    };
    expect(figure('投诉总数（件）').value).toBe(7);
    expect(figure('每百户投诉（件）').value).toBe(175);
    expect(figure('响应及时率').value).toBe(0.7143);
    expect(figure('响应及时率').numFmt).toBe('0.00%');
    expect(figure('处理及时率').value).toBe(r.timeliness.resolvedOnTimeRate);
    expect(figure('平均响应时长（小时）').value).toBe(12.83);
    expect(figure('满意率').value).toBe(0.75);
    expect(figure('重复投诉（件）').value).toBe(2);
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // every header cell of every sheet bold on a grey fill
    for (const ws of wb.worksheets) {
      const header = ws.getRow(1);
      for (let c = 1; c <= ws.columnCount; c++) {
        expect(header.getCell(c).font?.bold, `${ws.name} ${c}`).toBe(true);
        expect(header.getCell(c).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFEFEFEF' } });
      }
    }
    expect(sum.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });

    const cat = wb.getWorksheet('分类')!;
    expect(cat.getRow(2).values).toEqual([undefined, '噪音扰民', 3, 0.4286, 1, 2]);
    expect(cat.getCell(2, 3).numFmt).toBe('0.00%');
    // a Chinese label's column is wide enough for it
    expect(cat.getColumn(1).width).toBeGreaterThanOrEqual(10);

    const detail = wb.getWorksheet('明细')!;
    expect(detail.rowCount).toBe(8);
    expect(detail.getCell(2, 1).value).toBe(no.T1);
    expect(detail.getCell(2, 2).value).toBe('2026-10-01 00:10');
    expect(wb.getWorksheet('及时率')!.getColumn(1).values.slice(2)).toEqual([no.T2, no.T10, no.T12, no.T4]);
  });

  it('text a spreadsheet could run as a formula is kept as text', () => {
    expect(safeText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(['+86', '-1', '@SUM(A1)'].map(safeText)).toEqual(["'+86", "'-1", "'@SUM(A1)"]);
    expect(safeText('地下车库B区')).toBe('地下车库B区');
  });

  it('the Word report: its title, the same figures in its tables, the chart, page numbers in the footer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-report-'));
    const file = join(dir, 'r.docx');
    writeFileSync(file, await monthlyWordReport(r));
    const part = (name: string) => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
    const xml = part('word/document.xml');
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(words).toContain('翠湖花园2026年10月投诉统计分析报告');
    // the same numbers as the report object, rounded as the workbook shows them
    for (const s of ['噪音扰民|3|42.86%|1|200.00%', '|71.43%', '|57.14%', '|28.57%', '|83.33%', '|75.00%', '每百户投诉（件）|175.00'])
      expect(words).toContain(s);
    for (const n of [no.T2, no.T10, no.T12, no.T4, no.T1, no.T13]) expect(words).toContain(n);
    expect(words).toContain('十、管理分析与改进措施');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(execFileSync('unzip', ['-l', file], { encoding: 'utf8' })).toMatch(/word\/media\/\S+\.png/);
    const footer = execFileSync('sh', ['-c', `unzip -p "${file}" 'word/footer*.xml'`], { encoding: 'utf8' });
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });
});
