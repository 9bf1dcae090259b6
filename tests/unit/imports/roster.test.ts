import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RosterPreview, RosterCommitResult } from '../../../shared/contract/imports';
import { previewRoster, commitRoster } from '../../../electron/core/imports/handlers';
import { loadRoster } from '../../../electron/core/imports/roster/service';
import { IDS, MESSY_EXPECTED, messyRosterBuffer } from '../../fixtures/roster/make-messy-roster';
import { book, count, newEstate, tempCtx } from './helpers';

type T = Awaited<ReturnType<typeof tempCtx>>;
let t: T;
beforeEach(async () => {
  t = await tempCtx();
});
afterEach(async () => {
  await t.cleanup();
});

const NAME = '阳光花园.xlsx';

function houseRows(t: T) {
  return t.ctx.sqlite
    .prepare(
      `select b.name || coalesce(u.name, '') || h.room_no as label, h.floor, h.building_area as area, h.status, h.type, h.notes
       from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id order by h.id`,
    )
    .all() as { label: string; floor: number | null; area: number | null; status: string; type: string; notes: string | null }[];
}
function occupantsOf(t: T, label: string) {
  return t.ctx.sqlite
    .prepare(
      `select p.name, o.role, p.phone, p.phone2, p.gender, p.id_number as idNumber, p.name_initials as initials, o.move_in_date as moveIn, o.source
       from occupancies o join people p on p.id = o.person_id join houses h on h.id = o.house_id
       join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id
       where b.name || coalesce(u.name, '') || h.room_no = ? order by o.id`,
    )
    .all(label) as {
    name: string;
    role: string;
    phone: string | null;
    phone2: string | null;
    gender: string | null;
    idNumber: string | null;
    initials: string;
    moveIn: string | null;
    source: string;
  }[];
}

describe('messy roster preview', () => {
  it('finds the header under the title rows on the first sheet with data and reports every row', async () => {
    const estateId = await newEstate(t.ctx);
    const p = RosterPreview.parse(await previewRoster(t.ctx, await messyRosterBuffer(), NAME, estateId));
    expect(p.sheetName).toBe(MESSY_EXPECTED.sheetName);
    expect(p.headerRow).toBe(MESSY_EXPECTED.headerRow);
    expect(p.mapping).toMatchObject({ '1': 'building', '2': 'unit', '3': 'room', '5': 'buildingArea', '6': 'ownerName', '9': 'idNumber' });
    expect(p.accepted).toBe(MESSY_EXPECTED.accepted);
    expect(p.rejected).toEqual(MESSY_EXPECTED.rejected);
    expect(p.willCreate).toEqual(MESSY_EXPECTED.created);
    const status = (row: number) => p.rows.find((r) => r.row === row)?.status;
    for (const r of MESSY_EXPECTED.acceptedRows) expect(status(r)).toBe('new');
    for (const r of MESSY_EXPECTED.duplicateRows) expect(status(r)).toBe('duplicate');
    // blank rows and the footer in the 序号 column are not rows
    expect(p.rows.map((r) => r.row)).not.toContain(7);
    expect(p.rows.map((r) => r.row)).not.toContain(21);
    for (const r of MESSY_EXPECTED.warningRows) expect(p.warnings.some((w) => w.row === r)).toBe(true);
    expect(p.warnings.find((w) => w.row === 6)?.reason).toMatch(/身份证号校验位不符/);
    expect(p.warnings.find((w) => w.row === 17)?.reason).toBe('与第13行为同一业主（郑十），电话不同，已合并');
    // merged 楼栋 filled down; full-width room and area read
    expect(p.rows.find((r) => r.row === 6)?.house).toBe('1栋1单元103');
    expect(p.rows.find((r) => r.row === 11)?.house).toBe('2栋3单元1503');
    // nothing was written by a preview
    expect(count(t.ctx, 'houses')).toBe(0);
    expect(count(t.ctx, 'settings', "key like 'import.roster.%'")).toBe(0);
  });

  it('a preview of a DB-less estate (null) works the same', async () => {
    const p = await previewRoster(t.ctx, await messyRosterBuffer(), NAME, null);
    expect(p.willCreate).toEqual(MESSY_EXPECTED.created);
  });
});

describe('messy roster commit', () => {
  it('creates buildings, units, houses, people and occupancies as the roster says', async () => {
    const estateId = await newEstate(t.ctx);
    const done = await commitRoster(t.ctx, await messyRosterBuffer(), NAME, estateId);
    expect(RosterCommitResult.parse(done.result)).toEqual({
      accepted: MESSY_EXPECTED.accepted,
      rejected: MESSY_EXPECTED.rejected,
      warnings: done.result.warnings,
      created: { houses: MESSY_EXPECTED.created.houses, people: MESSY_EXPECTED.created.people },
    });
    expect(count(t.ctx, 'buildings')).toBe(5);
    expect(count(t.ctx, 'houses')).toBe(9);
    expect(count(t.ctx, 'people')).toBe(10);
    expect(count(t.ctx, 'occupancies')).toBe(10);
    const houses = houseRows(t);
    expect(houses.map((h) => h.label).sort()).toEqual([...MESSY_EXPECTED.houses].sort());
    const h = (label: string) => houses.find((x) => x.label === label);
    expect(h('1栋1单元101')).toMatchObject({ floor: 1, area: 89.5, status: '已入住', type: '住宅', notes: '共有业主' });
    expect(h('1栋1单元103')).toMatchObject({ area: 90.2, floor: 1 });
    expect(h('2栋2单元1502')).toMatchObject({ floor: 15, status: '已交付', notes: null }); // "无" is no note
    expect(h('5栋1单元101')).toMatchObject({ status: '未售' }); // a house without owner
    expect(h('A座1单元801')).toMatchObject({ floor: 8 });
    const buildings = t.ctx.sqlite.prepare('select name, code, sort_key from buildings order by sort_key').all();
    expect(buildings.map((b) => (b as { name: string }).name)).toEqual(['1栋', '2栋', '3栋', '5栋', 'A座']);

    // exact duplicate merged: one 张三 on 101; co-owner 赵六 second
    const h101 = occupantsOf(t, '1栋1单元101');
    expect(h101.map((o) => [o.name, o.role])).toEqual([
      ['张三', 'owner'],
      ['赵六', 'co_owner'],
    ]);
    expect(h101[0]).toMatchObject({ phone: '13800138000', gender: '男', idNumber: IDS.zhangSan, initials: 'zs', moveIn: '2026-10-03' });
    expect(h101[0].source).toMatch(/^roster:[0-9a-f]{64}$/);
    // gender filled in from a valid ID number; dates in every form read the same
    expect(occupantsOf(t, '1栋1单元102')[0]).toMatchObject({ name: '李四', gender: '女', phone: '13900139000', moveIn: '2026-10-03' });
    // two phones in one cell → phone2; an invalid ID kept
    expect(occupantsOf(t, '1栋1单元103')[0]).toMatchObject({ phone: '13700137000', phone2: '13600136000', idNumber: IDS.wangWuBad });
    // placeholders are not data
    expect(occupantsOf(t, '2栋2单元1502')[0]).toMatchObject({ name: '孙七', phone: null, idNumber: null, moveIn: null });
    // two names in one cell are co-owners; the same owner again with another phone is merged
    expect(occupantsOf(t, '3栋2单元1502')).toMatchObject([
      { name: '郑十', role: 'owner', phone: '13900000001', phone2: '13900000009' },
      { name: '钱十一', role: 'co_owner', phone: '13900000002' },
    ]);
    expect(occupantsOf(t, 'A座1单元801')[0]).toMatchObject({ phone: '075588888888' });

    const batch = t.ctx.sqlite.prepare('select * from import_batches').all() as {
      kind: string;
      file_name: string;
      accepted: number;
      rejected: number;
      created_json: string;
    }[];
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({ kind: 'roster', file_name: NAME, accepted: 10, rejected: 3 });
    expect(JSON.parse(batch[0].created_json)).toMatchObject({ houses: 9, people: 10, buildings: 5 });
    expect(count(t.ctx, 'audit_log', "action = 'import.create' and entity = 'house'")).toBe(9);
  });

  it('importing the same roster twice creates nothing and marks rows unchanged', async () => {
    const estateId = await newEstate(t.ctx);
    await commitRoster(t.ctx, await messyRosterBuffer(), NAME, estateId);
    const before = ['buildings', 'units', 'houses', 'people', 'occupancies'].map((x) => count(t.ctx, x));
    const again = await previewRoster(t.ctx, await messyRosterBuffer(), NAME, estateId);
    expect(again.willCreate).toEqual({ houses: 0, people: 0, buildings: 0 });
    for (const r of MESSY_EXPECTED.acceptedRows) expect(again.rows.find((x) => x.row === r)?.status).toBe('unchanged');
    for (const r of MESSY_EXPECTED.duplicateRows) expect(again.rows.find((x) => x.row === r)?.status).toBe('duplicate');
    const second = await commitRoster(t.ctx, await messyRosterBuffer(), NAME, estateId);
    expect(second.result.created).toEqual({ houses: 0, people: 0 });
    expect(second.applied).toMatchObject({ updatedHouses: 0, updatedPeople: 0, updatedOccupancies: 0 });
    expect(['buildings', 'units', 'houses', 'people', 'occupancies'].map((x) => count(t.ctx, x))).toEqual(before);
    expect(count(t.ctx, 'import_batches')).toBe(2);
  });

  it('updates only what changed or was empty, with an audit line per change', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '联系电话', '身份证号', '楼层'];
    await commitRoster(t.ctx, await book([header, ['3', '2', '1502', 89.5, '张三', '', '', '']]), 'a.xlsx', estateId);
    const p = await previewRoster(
      t.ctx,
      await book([header, ['3', '2', '1502', 90, '张三', '13800138000', '', 15], ['3', '2', '1503', 70, '', '', '', '']]),
      'b.xlsx',
      estateId,
    );
    expect(p.rows.map((r) => r.status)).toEqual(['update', 'new']);
    const done = await commitRoster(t.ctx, await book([header, ['3', '2', '1502', 90, '张三', '13800138000', '', 15]]), 'b.xlsx', estateId);
    expect(done.result.created).toEqual({ houses: 0, people: 0 });
    expect(houseRows(t)[0]).toMatchObject({ area: 90, floor: 15 });
    expect(occupantsOf(t, '3栋2单元1502')[0]).toMatchObject({ name: '张三', phone: '13800138000' });
    expect(count(t.ctx, 'people', "phone_digits = '13800138000'")).toBe(1); // search fields follow the new phone
    const lines = t.ctx.sqlite.prepare("select entity, detail from audit_log where action = 'import.update' order by id").all() as {
      entity: string;
      detail: string;
    }[];
    expect(lines.map((l) => [l.entity, JSON.parse(l.detail).field])).toEqual([
      ['house', 'building_area'],
      ['person', 'phone'],
    ]);
    expect(JSON.parse(lines[0].detail)).toMatchObject({ from: 89.5, to: 90 });
    // an empty roster cell never erases what the desk has
    await commitRoster(t.ctx, await book([header, ['3', '2', '1502', '', '张三', '', '', '']]), 'c.xlsx', estateId);
    expect(occupantsOf(t, '3栋2单元1502')[0].phone).toBe('13800138000');
    expect(houseRows(t)[0].area).toBe(90);
  });

  it('a new name on a house that has an owner becomes a co-owner, with a warning', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主'];
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '张三']]), 'a.xlsx', estateId);
    const done = await commitRoster(t.ctx, await book([header, ['3-2-1502', '李四']]), 'b.xlsx', estateId);
    expect(done.rows[0].status).toBe('new');
    expect(done.result.warnings[0].reason).toMatch(/已登记业主（张三），李四将作为共有业主加入/);
    expect(occupantsOf(t, '3栋2单元1502').map((o) => o.role)).toEqual(['owner', 'co_owner']);
  });

  it('a roster without 单元 finds the one matching house of the building', async () => {
    const estateId = await newEstate(t.ctx);
    await commitRoster(
      t.ctx,
      await book([
        ['房屋', '业主'],
        ['3-2-1502', '张三'],
      ]),
      'a.xlsx',
      estateId,
    );
    const p = await previewRoster(
      t.ctx,
      await book([
        ['楼栋', '房号', '业主'],
        ['3', '1502', '张三'],
      ]),
      'b.xlsx',
      estateId,
    );
    expect(p.rows[0]).toMatchObject({ status: 'unchanged', house: '3栋2单元1502' });
  });

  it('is all-or-nothing: a failure in the middle leaves the database untouched', async () => {
    const estateId = await newEstate(t.ctx);
    const auditBefore = count(t.ctx, 'audit_log');
    // the 8th person of the roster cannot be written
    t.ctx.sqlite.exec(`create trigger boom before insert on people when new.name = '卫十四' begin select raise(abort, 'disk full'); end`);
    await expect(commitRoster(t.ctx, await messyRosterBuffer(), NAME, estateId)).rejects.toThrow(/disk full/);
    for (const table of ['buildings', 'units', 'houses', 'people', 'occupancies', 'import_batches']) expect(count(t.ctx, table)).toBe(0);
    expect(count(t.ctx, 'audit_log')).toBe(auditBefore);
    expect(count(t.ctx, 'settings', "key like 'import.roster.%'")).toBe(0);
    // and the same file goes in once the problem is gone
    t.ctx.sqlite.exec('drop trigger boom');
    const done = await commitRoster(t.ctx, await messyRosterBuffer(), NAME, estateId);
    expect(done.result.created.houses).toBe(9);
  });
});

describe('existing archives', () => {
  it('moves an existing house forward on the sale path, never back, and keeps its type', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主', '入住日期', '房屋类型'];
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '', '', ''], ['3-2-1503', '', '', '']]), 'a.xlsx', estateId);
    expect(houseRows(t).map((h) => h.status)).toEqual(['未售', '未售']);
    t.ctx.sqlite.exec("update houses set status = '出租' where room_no = '1503'");
    const p = await previewRoster(
      t.ctx,
      await book([header, ['3-2-1502', '张三', '2026-10-3', '商铺'], ['3-2-1503', '李四', '2026-10-3', '']]),
      'b.xlsx',
      estateId,
    );
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'new']); // new owners
    expect(p.warnings.find((w) => w.row === 2)?.reason).toBe('房屋类型与档案不同（档案：住宅，名册：商铺），未修改');
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '张三', '2026-10-3', '商铺'], ['3-2-1503', '李四', '2026-10-3', '']]), 'b.xlsx', estateId);
    expect(houseRows(t).map((h) => [h.status, h.type])).toEqual([
      ['已入住', '住宅'],
      ['出租', '住宅'],
    ]);
    expect(count(t.ctx, 'audit_log', "action = 'import.update' and detail like '%\"status\"%'")).toBe(1);
  });

  it('one person owning two houses (same name and ID number) is one person with two occupancies', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主', '身份证号'];
    await commitRoster(
      t.ctx,
      await book([header, ['3-2-1502', '张三', IDS.zhangSan], ['3-2-1503', '张三', IDS.zhangSan], ['3-2-1504', '张三', '']]),
      'a.xlsx',
      estateId,
    );
    expect(count(t.ctx, 'people')).toBe(2); // the one without an ID number cannot be assumed to be the same man
    expect(count(t.ctx, 'occupancies')).toBe(3);
    // and a later roster of another building finds him again
    const p = await previewRoster(t.ctx, await book([header, ['5-1-101', '张三', IDS.zhangSan]]), 'b.xlsx', estateId);
    expect(p.willCreate).toMatchObject({ people: 0, houses: 1 });
  });

  it('skips header rows repeated on every printed page', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['楼栋', '房号', '业主姓名'];
    const p = await previewRoster(t.ctx, await book([header, ['1', '101', '甲'], header, ['1', '102', '乙']]), 'a.xlsx', estateId);
    expect(p.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(p.rejected).toEqual([]);
  });

  it('warns when the given gender contradicts a valid ID number', async () => {
    const estateId = await newEstate(t.ctx);
    const p = await previewRoster(
      t.ctx,
      await book([
        ['房屋', '业主', '性别', '身份证号'],
        ['3-2-1502', '张三', '女', IDS.zhangSan],
      ]),
      'a.xlsx',
      estateId,
    );
    expect(p.warnings.map((w) => w.reason)).toEqual(['性别（女）与身份证号不符，请核对']);
  });
});

describe('workbook shapes', () => {
  it('a 房屋 column with every room format, full-width, and placeholders', async () => {
    const estateId = await newEstate(t.ctx);
    const rows = [
      ['房屋', '业主姓名', '手机号', '交房日期', '房屋类型'],
      ['3栋2单元1502', '甲', '', '', '住宅'],
      ['3-2-1503', '乙', '', '', ''],
      ['3#1601', '丙', '', '', ''],
      ['Ａ座１５０２', '丁', '', '', '商铺'],
      ['5号楼1单元302室', '戊', '', '', '车位'],
      ['东边那栋', '己', '', '', ''],
    ];
    const p = await previewRoster(t.ctx, await book(rows), 'x.xlsx', estateId);
    expect(p.rows.map((r) => r.house)).toEqual(['3栋2单元1502', '3栋2单元1503', '3栋1601', 'A座1502', '5栋1单元302', '东边那栋']);
    expect(p.rejected).toEqual([{ row: 7, reason: '无法识别房屋：东边那栋' }]);
    await commitRoster(t.ctx, await book(rows), 'x.xlsx', estateId);
    expect(houseRows(t).map((h) => [h.label, h.type, h.floor])).toEqual([
      ['3栋2单元1502', '住宅', 15],
      ['3栋2单元1503', '住宅', 15],
      ['3栋1601', '住宅', 16],
      ['A座1502', '商铺', 15],
      ['5栋1单元302', '车位', 3],
    ]);
  });

  it('a room merged down over a co-owner row is the same house; sideways merges are not filled', async () => {
    const estateId = await newEstate(t.ctx);
    const buf = await book(
      [
        ['楼栋', '单元', '房号', '建筑面积', '业主姓名', '电话', '备注', ''],
        ['1', '1', '101', 88, '张三', '13800138000', '老业主备注', null],
        [null, null, null, null, '李四', '13900139000', null, null],
        ['1', '1', '102', 88, '王五', '13700137000', null, null],
      ],
      { merges: ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'G2:H2'] },
    );
    const p = await previewRoster(t.ctx, buf, 'x.xlsx', estateId);
    expect(p.rows.map((r) => [r.row, r.status, r.house, r.ownerName])).toEqual([
      [2, 'new', '1栋1单元101', '张三'],
      [3, 'new', '1栋1单元101', '李四'],
      [4, 'new', '1栋1单元102', '王五'],
    ]);
    await commitRoster(t.ctx, buf, 'x.xlsx', estateId);
    expect(occupantsOf(t, '1栋1单元101').map((o) => [o.name, o.role])).toEqual([
      ['张三', 'owner'],
      ['李四', 'co_owner'],
    ]);
    expect(count(t.ctx, 'houses')).toBe(2);
  });

  it('Excel date cells, numeric phones and a long ID stored as a number', async () => {
    const estateId = await newEstate(t.ctx);
    const buf = await book(
      [
        ['楼栋', '房号', '业主姓名', '联系电话', '身份证号', '入住日期'],
        ['1', '101', '张三', 13800138000, 110105198001010000, new Date(Date.UTC(2026, 9, 3))],
      ],
      { numFmt: { F2: 'yyyy"年"m"月"d"日"' } },
    );
    const p = await previewRoster(t.ctx, buf, 'x.xlsx', estateId);
    expect(p.rows[0]).toMatchObject({ status: 'new', phone: '138****8000' });
    expect(p.warnings.map((w) => w.reason).join()).toMatch(/存成了数字/);
    await commitRoster(t.ctx, buf, 'x.xlsx', estateId);
    expect(occupantsOf(t, '1栋101')[0]).toMatchObject({ moveIn: '2026-10-03', phone: '13800138000' });
  });

  it('picks the first sheet that has data and offers the first row when no header is recognised', async () => {
    const loaded = await loadRoster(
      await book([
        ['甲', '乙', '丙'],
        ['3-2-1502', '张三', '13800138000'],
      ]),
      'x.xlsx',
    );
    expect(loaded.headerRow).toBe(1);
    expect(loaded.suggested).toEqual({});
    const estateId = await newEstate(t.ctx);
    const p = await previewRoster(
      t.ctx,
      await book([
        ['甲', '乙', '丙'],
        ['3-2-1502', '张三', '13800138000'],
      ]),
      'x.xlsx',
      estateId,
      { '0': 'fullRoom', '1': 'ownerName', '2': 'phone' },
    );
    expect(p.rows[0]).toMatchObject({ status: 'new', house: '3栋2单元1502', ownerName: '张三' });
  });

  it('rejects a mapping that gives one field two columns', async () => {
    const estateId = await newEstate(t.ctx);
    await expect(
      previewRoster(
        t.ctx,
        await book([
          ['甲', '乙'],
          ['1', '2'],
        ]),
        'x.xlsx',
        estateId,
        { '0': 'room', '1': 'room' },
      ),
    ).rejects.toThrow('“房号”同时对应了 A列、B列，每项只能对应一列');
  });
});

describe('files that are not rosters', () => {
  it('refuses non-workbooks, old .xls, corrupt zips and oversized files with code FILE', async () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from('序号,楼栋,房号\n1,3,1502\n', 'utf8'), /不是有效的 Excel 工作簿（\.xlsx）/],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /旧版 Excel 文件（\.xls）/],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), /不是有效的 Excel 工作簿/],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(21 * 1024 * 1024)]), /超过 20 MB/],
      [Buffer.alloc(0), /文件是空的/],
    ];
    for (const [buf, msg] of cases) {
      const err = await previewRoster(t.ctx, buf, 'x.xlsx', null).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(err?.code).toBe('FILE');
      expect(err?.message).toMatch(msg);
    }
  });

  it('an empty workbook is refused', async () => {
    await expect(previewRoster(t.ctx, await book([]), 'x.xlsx', null)).rejects.toThrow('工作簿里没有数据');
  });
});
