import { describe, expect, it } from 'vitest';
import { EMPTY_CELL, type GridCell } from '../../../electron/core/imports/roster/grid';
import { matchHeader } from '../../../electron/core/imports/roster/headers';
import { resolveRoom } from '../../../electron/core/imports/roster/records';
import { advancedStatus, statusFromRoster } from '../../../electron/core/imports/roster/names';
import { parseArea, parseDate, parseFloor, parseGender, parseIdNumber, parseNames, parsePhones, textOf } from '../../../electron/core/imports/roster/values';
import { withCheckDigit } from '../../fixtures/roster/make-messy-roster';
import { RosterSessions, SESSION_TTL_MS } from '../../../electron/core/imports/roster/sessions';

const t = (text: string): GridCell => ({ ...EMPTY_CELL, text });
const n = (num: number): GridCell => ({ ...EMPTY_CELL, text: String(num), num });

describe('roster cell values', () => {
  it('treats placeholders as empty', () => {
    for (const p of ['无', '/', '-', '暂无', '不详', ' 无 ', '——']) expect(textOf(t(p))).toBe('');
    expect(textOf(t('张三'))).toBe('张三');
  });

  it('reads areas with units and full-width digits, rejects words', () => {
    expect(parseArea(t('89.5㎡'), '建筑面积')).toEqual({ ok: true, value: 89.5 });
    expect(parseArea(t('89.5平方米'), '建筑面积')).toEqual({ ok: true, value: 89.5 });
    expect(parseArea(t('８９.５'), '建筑面积')).toEqual({ ok: true, value: 89.5 });
    expect(parseArea(n(120), '建筑面积')).toEqual({ ok: true, value: 120 });
    expect(parseArea(t('无'), '建筑面积')).toEqual({ ok: true, value: null });
    expect(parseArea(t('一百二十'), '建筑面积')).toEqual({ ok: false, reason: '建筑面积不是数字：一百二十' });
    expect(parseArea(t('约90'), '套内面积')).toEqual({ ok: false, reason: '套内面积不是数字：约90' });
  });

  it('reads every date form rosters use and refuses impossible dates', () => {
    const want = { ok: true, value: '2026-10-03' };
    expect(parseDate(t('2026/10/3'), '入住日期')).toEqual(want);
    expect(parseDate(t('2026-10-03'), '入住日期')).toEqual(want);
    expect(parseDate(t('2026年10月3日'), '入住日期')).toEqual(want);
    expect(parseDate(t('2026.10.3'), '入住日期')).toEqual(want);
    expect(parseDate(t('２０２６/１０/３'), '入住日期')).toEqual(want);
    expect(parseDate(t('20261003'), '入住日期')).toEqual(want);
    expect(parseDate(t('2026-10-03 00:00:00'), '入住日期')).toEqual(want);
    expect(parseDate(n(46298), '入住日期')).toEqual(want); // Excel serial without a date format
    expect(parseDate({ ...EMPTY_CELL, text: '2026-10-03', date: '2026-10-03' }, '入住日期')).toEqual(want);
    expect(parseDate(t('2026/13/45'), '入住日期')).toEqual({ ok: false, reason: '入住日期无法识别：2026/13/45' });
    expect(parseDate(t('2026/2/30'), '入住日期').ok).toBe(false);
    expect(parseDate(t('下个月'), '入住日期').ok).toBe(false);
  });

  it('reads floors', () => {
    expect(parseFloor(t('15层'))).toEqual({ ok: true, value: 15 });
    expect(parseFloor(t('第3层'))).toEqual({ ok: true, value: 3 });
    expect(parseFloor(t('B1'))).toEqual({ ok: true, value: -1 });
    expect(parseFloor(t('顶楼'))).toEqual({ ok: false, reason: '楼层不是整数：顶楼' });
  });

  it('normalises phones: spaces, dashes, several numbers in one cell', () => {
    expect(parsePhones(t('138 0013 8000')).phones).toEqual(['13800138000']);
    expect(parsePhones(t('139-0013-9000')).phones).toEqual(['13900139000']);
    expect(parsePhones(t('13700137000 / 13600136000')).phones).toEqual(['13700137000', '13600136000']);
    expect(parsePhones(t('13800138000，13900139000；13700137000')).phones).toEqual(['13800138000', '13900139000', '13700137000']);
    expect(parsePhones(t('13800138000 13900139000')).phones).toEqual(['13800138000', '13900139000']);
    expect(parsePhones(t('１３８００１３８０００')).phones).toEqual(['13800138000']);
    expect(parsePhones(n(13800138000)).phones).toEqual(['13800138000']);
    expect(parsePhones(t('无')).phones).toEqual([]);
    const odd = parsePhones(t('12345'));
    expect(odd.phones).toEqual(['12345']);
    expect(odd.warnings[0]).toMatch(/格式不常见/);
  });

  it('checks ID numbers: a bad one is kept with a warning', () => {
    const good = withCheckDigit('11010519800101001');
    expect(parseIdNumber(good, false)).toEqual({ idType: '身份证', idNumber: good, warnings: [], valid: true });
    const bad = parseIdNumber(good.slice(0, 17) + (good.endsWith('1') ? '2' : '1'), false);
    expect(bad?.valid).toBe(false);
    expect(bad?.idNumber).toHaveLength(18);
    expect(bad?.warnings[0]).toMatch(/校验位不符/);
    expect(parseIdNumber('1101051980', false)?.warnings[0]).toMatch(/应为18位/);
    expect(parseIdNumber('E12345678', false)?.idType).toBe('护照');
    expect(parseIdNumber(good, true)?.warnings[0]).toMatch(/存成了数字/);
    expect(parseIdNumber('无', false)).toBeNull();
  });

  it('reads gender and names', () => {
    expect(parseGender(t('女')).value).toBe('女');
    expect(parseGender(t('男性')).value).toBe('男');
    expect(parseGender(t('未填')).warning).toMatch(/性别无法识别/);
    expect(parseNames(t('张 三'))).toEqual(['张三']);
    expect(parseNames(t('郑十、钱十一'))).toEqual(['郑十', '钱十一']);
    expect(parseNames(t('无'))).toEqual([]);
  });

  it('recognises header names with units and loose wording, not titles', () => {
    expect(matchHeader('建筑面积（㎡）')).toBe('buildingArea');
    expect(matchHeader('套内面积(m²)')).toBe('innerArea');
    expect(matchHeader('手机号')).toBe('phone');
    expect(matchHeader('业主联系电话')).toBe('phone');
    expect(matchHeader('*房号')).toBe('room');
    expect(matchHeader('栋号')).toBe('building');
    expect(matchHeader('幢')).toBe('building');
    expect(matchHeader('房屋地址')).toBe('fullRoom');
    expect(matchHeader('客户名称')).toBe('ownerName');
    expect(matchHeader('交房日期')).toBe('moveInDate');
    expect(matchHeader('阳光花园业主名册')).toBeNull();
    expect(matchHeader('导出日期：2026年10月')).toBeNull();
  });
});

describe('room formats', () => {
  it('reads a room from one cell or from split columns', () => {
    expect(resolveRoom('', '', '', '3栋2单元1502')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('', '', '', '3-2-1502')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('', '', '', '3#1502')).toEqual({ building: '3', unit: null, room: '1502' });
    expect(resolveRoom('', '', '', 'A座1502')).toEqual({ building: 'A', unit: null, room: '1502' });
    expect(resolveRoom('', '', '', '3号楼2单元1502室')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('', '', '', '３栋２单元１５０２')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('3栋', '2单元', '1502', '')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('3', '', '1502', '')).toEqual({ building: '3', unit: null, room: '1502' });
    // the room column alone holding the whole address
    expect(resolveRoom('', '', '3-2-1502', '')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('', '', '3#1601', '')).toEqual({ building: '3', unit: null, room: '1601' });
    // "2-1502" under building 3 is 2单元1502; "3-1502" under building 3 is that building's 1502
    expect(resolveRoom('3栋', '', '2-1502', '')).toEqual({ building: '3', unit: '2', room: '1502' });
    expect(resolveRoom('3栋', '', '3-1502', '')).toEqual({ building: '3', unit: null, room: '1502' });
    expect(resolveRoom('3栋', '', 'B102', '')).toEqual({ building: '3', unit: null, room: 'B102' });
  });

  it('gives a Chinese reason when the house cannot be placed', () => {
    expect(resolveRoom('3', '2', '', '')).toEqual({ reason: '缺少房号' });
    expect(resolveRoom('', '', '1502', '')).toEqual({ reason: '缺少楼栋' });
    expect(resolveRoom('', '', '', '东边那栋')).toEqual({ reason: '无法识别房屋：东边那栋' });
    expect(resolveRoom('', '', '一楼商铺', '')).toEqual({ reason: '无法识别房屋：一楼商铺' });
    expect(resolveRoom('5栋', '', '', '3-2-1502')).toEqual({ reason: '楼栋（5栋）与房屋（3-2-1502）不一致' });
  });
});

describe('house status from a roster', () => {
  it('follows the documented rule and only moves existing houses forward', () => {
    expect(statusFromRoster(true, true)).toBe('已入住');
    expect(statusFromRoster(true, false)).toBe('已交付');
    expect(statusFromRoster(false, false)).toBe('未售');
    expect(advancedStatus('未售', '已交付')).toBe('已交付');
    expect(advancedStatus('已交付', '已入住')).toBe('已入住');
    expect(advancedStatus('已入住', '已交付')).toBeNull();
    expect(advancedStatus('出租', '已入住')).toBeNull();
    expect(advancedStatus('装修中', '已入住')).toBeNull();
  });
});

describe('preview sessions', () => {
  it('expire after 30 idle minutes and keep at most 5', () => {
    let now = 0;
    const s = new RosterSessions(() => now);
    const base = {
      fileName: 'a.xlsx',
      fileHash: 'h',
      estateId: 1,
      grid: { name: 's', rows: new Map(), lastRow: 0, lastCol: 0 },
      headerRow: 1,
      headers: [],
      mapping: {},
      rows: [],
      committed: false,
    };
    const first = s.add(base);
    now += SESSION_TTL_MS - 1000;
    expect(s.get(first.token)).not.toBeNull(); // touching it keeps it alive
    now += SESSION_TTL_MS + 1;
    expect(s.get(first.token)).toBeNull();
    const tokens = Array.from({ length: 7 }, () => {
      now += 1;
      return s.add(base).token;
    });
    expect(s.size).toBe(5);
    expect(s.get(tokens[0])).toBeNull();
    expect(s.get(tokens[6])).not.toBeNull();
  });
});
