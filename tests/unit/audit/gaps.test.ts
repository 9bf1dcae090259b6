import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { auditor } from '../../../electron/core/imports/bulk';
import { audit } from '../../../electron/core/db/audit';
import { commitRoster } from '../../../electron/core/imports/handlers';
import { withCheckDigit } from '../../fixtures/roster/make-messy-roster';
import { book, newEstate } from '../imports/helpers';
import type { RenovationInputT, RenovationT } from '../../../shared/contract/renovation';
import type { NoticeTemplateT } from '../../../shared/contract/notices';
import type { AuditPageT } from '../../../shared/contract/audit';

// The gaps docs/AUDIT.md listed: renovation and notice-template edits, and the working calendar, now
// write before → after in `changes`; the roster import's bulk writer masks ID numbers as db/audit.ts does.
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const ok = <T>(channel: string, input: unknown) => must(core.dispatch(channel, input) as never) as Promise<T>;

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

type Line = { entity: string; action: string; detail: Record<string, unknown> };
function lines(entity: string, action: string): Line[] {
  const rows = core.ctx.sqlite.prepare('select entity, action, detail from audit_log where entity = ? and action = ? order by id').all(entity, action) as {
    entity: string;
    action: string;
    detail: string;
  }[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
const allDetails = () => (core.ctx.sqlite.prepare('select group_concat(detail, char(10)) from audit_log').pluck().get() as string) ?? '';
/** the 操作日志 screen's newest summary of an entity's lines */
async function summary(entity: string): Promise<string> {
  const page = await ok<AuditPageT>('audit.list', { limit: 200 });
  const line = page.rows.find((r) => r.entity === entity);
  return line?.summary ?? '';
}

const WORKER_ID = withCheckDigit('44030119900101123');

describe('renovation edits', () => {
  it('write each changed field before → after, money in 元, ID numbers masked, phones masked in the summary', async () => {
    const estate = await ok<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
    const b = await ok<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '3' });
    const houseId = (await ok<{ id: number }>('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' }))
      .id;
    const input: RenovationInputT = {
      houseId,
      applicant: '王芳',
      applicantPhone: '13800001111',
      contractor: '美家装饰',
      contractorContact: '李工',
      contractorPhone: '13900002222',
      workers: [{ name: '张师傅', idNo: null, phone: null }],
      startDate: '2026-12-08',
      endDate: '2027-02-28',
      scope: '墙面翻新',
      items: ['防水'],
      deposit: 2000,
      fees: [],
      hotWork: null,
    };
    const r = await ok<RenovationT>('renovation.save', input);
    await ok('renovation.save', {
      ...input,
      id: r.id,
      applicantPhone: '13800009999',
      deposit: 2500.5,
      workers: [{ name: '张师傅', idNo: WORKER_ID, phone: null }],
    });
    const [line] = lines('renovation', 'update');
    expect(line.detail).toEqual({
      houseId,
      permitNo: r.permitNo,
      changes: {
        applicantPhone: ['13800001111', '13800009999'],
        deposit: [2000, 2500.5],
        workers: [[{ name: '张师傅', idNo: null, phone: null }], [{ name: '张师傅', idNo: `440***********${WORKER_ID.slice(-4)}`, phone: null }]],
      },
    });
    expect(allDetails()).not.toContain(WORKER_ID);
    expect(await summary('renovation')).toBe(`修改 装修登记 ${r.permitNo}：申请人电话 138****1111 → 138****9999；施工人员 已修改；装修押金 2000 → 2500.5`);

    // the edit form sends back the masked numbers it was shown (docs/PRIVACY.md): they are no change
    const [shown] = await ok<RenovationT[]>('renovation.list', { houseId });
    expect(shown.applicantPhone).toContain('*');
    await ok('renovation.save', { ...input, ...shown, scope: '墙面翻新、厨房吊顶' });
    expect(lines('renovation', 'update')[1].detail.changes).toEqual({ scope: ['墙面翻新', '墙面翻新、厨房吊顶'] });
  });
});

describe('notice template edits', () => {
  it('write each changed field before → after and keep the name for the subject', async () => {
    const t = await ok<NoticeTemplateT>('notices.templates.save', { name: '停暖通知', kind: '公告', title: '停暖通知', body: '明日停暖。', fields: [] });
    await ok('notices.templates.save', { id: t.id, name: '停暖通知', kind: '提示', title: '停暖通知', body: '因{{原因}}，明日停暖。', fields: ['原因'] });
    const [line] = lines('notice_template', 'update');
    expect(line.detail).toEqual({
      name: '停暖通知',
      changes: { kind: ['公告', '提示'], body: ['明日停暖。', '因{{原因}}，明日停暖。'], fields: [[], ['原因']] },
    });
    expect(await summary('notice_template')).toBe('修改 通知模板 停暖通知：通知类别 公告 → 提示；正文 明日停暖。 → 因{{原因}}，明日停暖。；自定义字段 已修改');
  });
});

describe('the working calendar', () => {
  it('desk.calendar.set records the day it replaced, not only the new one', async () => {
    // 2026-10-01 is 国庆节 in the official calendar loaded at start (db/seed.ts)
    const before = core.ctx.sqlite.prepare("select kind, name from calendar_days where date = '2026-10-01'").get();
    expect(before).toEqual({ kind: 'holiday', name: expect.stringContaining('国庆') as unknown });
    const holidayName = (before as { name: string }).name;
    await ok('desk.calendar.set', { date: '2026-10-01', kind: 'normal' });
    await ok('desk.calendar.set', { date: '2026-11-23', kind: 'holiday', name: '临时休息' });
    await ok('desk.calendar.set', { date: '2026-11-23', kind: 'workday', name: '临时休息' });
    const [normal, added, changed] = lines('calendar', 'set').map((l) => l.detail);
    expect(normal).toMatchObject({ date: '2026-10-01', changes: { kind: ['holiday', 'normal'], name: [holidayName, null] } });
    expect(added).toMatchObject({ date: '2026-11-23', changes: { kind: ['normal', 'holiday'], name: [null, '临时休息'] } });
    expect(changed).toMatchObject({ date: '2026-11-23', changes: { kind: ['holiday', 'workday'] } });
    expect(changed.changes).not.toHaveProperty('name');
    expect(await summary('calendar')).toBe('设置 工作日历 2026-11-23：日期类型 节假日 → 调休上班');
  });
});

describe("the roster import's bulk audit writer", () => {
  const ID = withCheckDigit('11010519800101001');

  it('masks ID numbers in its lines exactly as db/audit.ts does', async () => {
    const detail = { label: `3-2-1502 ${ID}`, nested: { notes: [`证件 ${ID}`] }, count: 3, phone: '13812345678' };
    const write = auditor(core.ctx.sqlite, '前台');
    core.ctx.sqlite.transaction(() => write('house', 1, 'import.update', detail))();
    await audit(core.ctx.db, '前台', 'house', 2, 'import.update', detail);
    const [bulk, single] = core.ctx.sqlite.prepare("select detail from audit_log where entity = 'house' order by id").pluck().all() as string[];
    expect(bulk).toBe(single);
    expect(bulk).not.toContain(ID);
    expect(JSON.parse(bulk)).toEqual({
      label: `3-2-1502 110***********${ID.slice(-4)}`,
      nested: { notes: [`证件 110***********${ID.slice(-4)}`] },
      count: 3,
      phone: '13812345678',
    });
  });

  it('a roster whose file name holds an ID number leaves none in the audit log', async () => {
    const estateId = await newEstate(core.ctx);
    await commitRoster(
      core.ctx,
      await book([
        ['房屋', '业主姓名'],
        ['3-2-1502', '张三'],
      ]),
      `张三${ID}.xlsx`,
      estateId,
    );
    const text = allDetails();
    expect(text).toContain(`张三110***********${ID.slice(-4)}.xlsx`);
    expect(text).not.toContain(ID);
  });
});
