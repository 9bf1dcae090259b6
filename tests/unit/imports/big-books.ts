// Large, realistic import files for the bulk tests and tests/bench/import-bench.ts: an owner roster
// laid out like a developer's handover (楼栋/单元/房号 columns, co-owners in one cell, phones, ID
// numbers, move-in dates, an unsold house now and then) and a complaint ledger whose rows name
// houses of the estate it goes into. Deterministic: the same seed gives the same bytes' content.
import ExcelJS from 'exceljs';
import { Rng } from '../../../electron/core/demo/prng';
import { givenName, surname, type Gender } from '../../../electron/core/demo/names';
import { mobile } from '../../../electron/core/demo/identity';
import { withCheckDigit } from '../../fixtures/roster/make-messy-roster';
import { LEDGER_HEADERS } from '../../fixtures/ledger/make-messy-ledger';

export const ROSTER_HEADERS = ['序号', '楼栋', '单元', '房号', '楼层', '建筑面积（㎡）', '业主姓名', '性别', '联系电话', '身份证号', '入住日期', '备注'];

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An ID number whose 17th digit matches the gender (GB 11643), born 1950–1999. */
function idFor(rng: Rng, gender: Gender): string {
  const birth = `${1950 + rng.int(0, 49)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const seq = rng.int(0, 99) * 10 + (gender === '男' ? 2 * rng.int(0, 4) + 1 : 2 * rng.int(0, 4));
  return withCheckDigit(`110105${birth}${String(seq).padStart(3, '0')}`);
}

/**
 * `rows` houses: buildings of 2 units × 25 floors × 10 rooms (500 houses each), one row per house.
 * About 5% unsold (no owner), 10% with two owners in one cell ("张三、李四" and two phones), 70% with
 * a move-in date, 40% with an ID number.
 */
export async function bigRoster(rows: number, seed = 1): Promise<Buffer> {
  const rng = new Rng(seed);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业主名册');
  ws.addRow(ROSTER_HEADERS);
  for (let i = 0; i < rows; i++) {
    const building = Math.floor(i / 500) + 1;
    const unit = Math.floor((i % 500) / 250) + 1;
    const floor = Math.floor((i % 250) / 10) + 1;
    const room = `${floor}${String((i % 10) + 1).padStart(2, '0')}`;
    const area = Math.round((60 + rng.next() * 80) * 100) / 100;
    const cells: (string | number | Date | null)[] = [i + 1, `${building}栋`, unit, room, floor, area];
    if (rng.next() < 0.05) {
      cells.push(null, null, null, null, null, null);
    } else {
      const g1: Gender = rng.next() < 0.5 ? '男' : '女';
      const n1 = surname(rng) + givenName(rng, g1);
      const two = rng.next() < 0.1;
      const g2: Gender = g1 === '男' ? '女' : '男';
      const n2 = two ? surname(rng) + givenName(rng, g2) : '';
      const withId = rng.next() < 0.4;
      const moveIn = rng.next() < 0.7 ? new Date(Date.UTC(2015 + rng.int(0, 10), rng.int(0, 11), rng.int(1, 28))) : null;
      cells.push(
        two ? `${n1}、${n2}` : n1,
        two ? null : g1,
        two ? `${mobile(rng)}/${mobile(rng)}` : mobile(rng),
        withId ? (two ? `${idFor(rng, g1)}、${idFor(rng, g2)}` : idFor(rng, g1)) : null,
        moveIn,
        rng.next() < 0.05 ? '业主要求短信通知' : null,
      );
    }
    ws.addRow(cells);
  }
  return toBuffer(wb);
}

export interface LedgerHouse {
  building: string;
  unit: string | null;
  room: string;
}

const TYPES = ['投诉', '报修', '报修', '报修', '咨询', '建议', '表扬'] as const;
const CATEGORIES = ['工程维修/水电', '工程维修/门窗', '噪音扰民', '环境卫生/保洁', '停车管理/乱停车', '收费争议/物业费', '安保秩序/门禁', '外墙广告'];
const STAFF = [
  ['工程部', '李师傅'],
  ['秩序部', '刘队长'],
  ['环境部', '周主管'],
  ['客服部', '小陈'],
] as const;
const xl = (ms: number) => {
  // Excel date cells carry China wall-clock time in their UTC parts
  const d = new Date(ms + 8 * 3_600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()));
};

/**
 * `rows` requests of 2023 over `houses` (a tenth in public areas): 40% carry the centre's own 编号,
 * the rest get a number at import; most are closed with the whole timeline, some still open, a few voided.
 */
export async function bigLedger(rows: number, houses: LedgerHouse[], seed = 2): Promise<Buffer> {
  const rng = new Rng(seed);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('投诉台账');
  ws.addRow(LEDGER_HEADERS);
  const start = Date.UTC(2023, 0, 1) - 8 * 3_600_000;
  for (let i = 0; i < rows; i++) {
    const type = TYPES[rng.int(0, TYPES.length - 1)];
    const received = start + Math.floor((i / rows) * 364 * 86_400_000) + rng.int(8 * 60, 18 * 60) * 60_000;
    const h = rng.next() < 0.9 ? houses[rng.int(0, houses.length - 1)] : null;
    const [dept, who] = STAFF[rng.int(0, STAFF.length - 1)];
    const fate = rng.next();
    const responded = received + rng.int(10, 240) * 60_000;
    const completed = fate < 0.9 ? responded + rng.int(30, 2880) * 60_000 : null;
    const callback = completed !== null && fate < 0.85 && type !== '表扬' ? completed + rng.int(60, 1440) * 60_000 : null;
    const status = fate < 0.85 ? '已关闭' : fate < 0.9 ? '已完成' : fate < 0.98 ? '处理中' : '已作废';
    ws.addRow([
      rng.next() < 0.4 ? `KF2023-${String(i + 1).padStart(5, '0')}` : null,
      xl(received),
      type,
      ['电话', '来访', '微信'][rng.int(0, 2)],
      h ? `${h.building}栋` : null,
      h?.unit ?? null,
      h?.room ?? null,
      h ? null : ['地下车库B2', '小区南门', '中心花园'][rng.int(0, 2)],
      surname(rng) + givenName(rng, rng.next() < 0.5 ? '男' : '女'),
      mobile(rng),
      CATEGORIES[rng.int(0, CATEGORIES.length - 1)],
      `${['楼上', '楼道', '门口', '车库'][rng.int(0, 3)]}${['漏水', '噪音', '灯不亮', '堆放杂物', '门禁失灵'][rng.int(0, 4)]}（第${i + 1}条）`,
      rng.next() < 0.1 ? '紧急' : '一般',
      dept,
      who,
      xl(responded),
      completed === null ? null : xl(completed),
      callback === null ? null : xl(callback),
      callback === null ? null : rng.next() < 0.9 ? '电话回访，已解决' : '未解决',
      callback === null ? null : ['非常满意', '满意', '一般', 5, 4][rng.int(0, 4)],
      status,
      null,
    ]);
  }
  return toBuffer(wb);
}
