import type { RosterFieldT, RosterMappingT } from '../../../../shared/contract/imports';
import { floorOfRoom, normaliseCode, parseRoom } from '../../../../shared/domain/room';
import { toHalfWidth } from '../../../../shared/domain/text';
import { maskIdNumber, maskIdNumbersIn } from '../../../../shared/domain/idcard';
import { maskPhone } from '../../search/format';
import { EMPTY_CELL, cellAt, valueAt, type GridCell, type SheetGrid } from './grid';
import {
  genderFromId,
  parseArea,
  parseDate,
  parseFloor,
  parseGender,
  parseHouseType,
  parseIdNumber,
  parseNames,
  parsePhones,
  splitIds,
  textOf,
  type Gender,
  type HouseType,
  type IdType,
} from './values';

export interface HouseRecord {
  building: string; // normalised code: "3", "A"
  unit: string | null;
  room: string;
  floor: number | null;
  buildingArea: number | null;
  innerArea: number | null;
  houseType: HouseType | null;
  notes: string | null;
  moveInDate: string | null;
}

export interface OwnerRecord {
  name: string;
  gender: Gender | null;
  phone: string | null;
  phone2: string | null;
  idType: IdType | null;
  idNumber: string | null;
  /** numbers beyond the two phone fields, kept in the person's notes so nothing is lost */
  extra: string[];
}

export interface ParsedRow {
  row: number; // Excel row number
  house: HouseRecord | null;
  owners: OwnerRecord[];
  /** what the row says about the house, for display even when rejected */
  houseText: string | null;
  reason: string | null;
  warnings: string[];
}

type Cols = Partial<Record<RosterFieldT, number>>;

/** mapping "0" → 'room' becomes { room: 1 } (1-based column) */
export function fieldColumns(mapping: RosterMappingT): Cols {
  const cols: Cols = {};
  for (const [k, f] of Object.entries(mapping)) if (cols[f] === undefined) cols[f] = Number(k) + 1;
  return cols;
}

const CODE = /^[0-9A-Z][0-9A-Z-]{0,11}$/;

interface RoomParts {
  building: string;
  unit: string | null;
  room: string;
}

/**
 * Where the house is: from the one-cell column, from the split columns, or from a room column that
 * holds the whole address. A room cell "2-1502" next to a building column means 2单元1502 unless
 * its first part is that building.
 */
export function resolveRoom(bText: string, uText: string, rText: string, fText: string): RoomParts | { reason: string } {
  const bCode = bText ? normaliseCode(bText) : '';
  const uCode = uText ? normaliseCode(uText) : '';
  let ref: { building?: string; unit?: string; room: string } | null;
  const src = fText || rText;
  if (fText) {
    ref = parseRoom(fText);
    if (!ref) return { reason: `无法识别房屋：${fText}` };
    if (rText) {
      const r2 = parseRoom(rText)?.room ?? normaliseCode(rText);
      if (r2 !== ref.room) return { reason: `房号（${rText}）与房屋（${fText}）不一致` };
    }
  } else if (rText) {
    const half = toHalfWidth(rText).replace(/\s/g, '').toUpperCase();
    const dash = half.match(/^([0-9A-Z]+)[-/_]([0-9A-Z]+)$/);
    if (dash && bCode && normaliseCode(dash[1]) !== bCode) {
      ref = { unit: normaliseCode(dash[1]), room: normaliseCode(dash[2]) };
    } else {
      ref = parseRoom(rText);
      if (!ref) {
        const code = normaliseCode(rText);
        if (!CODE.test(code)) return { reason: `无法识别房屋：${rText}` };
        ref = { room: code };
      }
    }
  } else {
    return { reason: '缺少房号' };
  }
  if (ref.building && bCode && ref.building !== bCode) return { reason: `楼栋（${bText}）与房屋（${src}）不一致` };
  if (ref.unit && uCode && ref.unit !== uCode) return { reason: `单元（${uText}）与房屋（${src}）不一致` };
  const building = ref.building ?? bCode;
  if (!building) return { reason: '缺少楼栋' };
  const unit = ref.unit ?? (uCode || null);
  if (building.length > 20 || (unit && unit.length > 20) || ref.room.length > 20) return { reason: `无法识别房屋：${src}` };
  return { building, unit, room: ref.room };
}

/** Pairs per-owner values with owners when a cell lists one per owner; otherwise all go to the first. */
function pairFor<T>(values: T[], owners: number, i: number): T[] {
  if (owners > 1 && values.length === owners) return [values[i]];
  return i === 0 ? values : [];
}

function ownersOf(get: (f: RosterFieldT) => GridCell, warnings: string[], reasons: string[]): OwnerRecord[] {
  const names = parseNames(get('ownerName'));
  const phones = parsePhones(get('phone'));
  const idCell = get('idNumber');
  const ids = splitIds(idCell);
  const genderTexts = textOf(get('gender'))
    .split(/[、/,，;；]/)
    .filter(Boolean);
  if (!names.length) {
    if (phones.phones.length || ids.length) warnings.push('有电话或证件号但没有业主姓名，人员信息未导入');
    return [];
  }
  warnings.push(...phones.warnings);
  const owners: OwnerRecord[] = [];
  names.forEach((name, i) => {
    if (name.length > 40) {
      reasons.push(`业主姓名过长：${name.slice(0, 20)}…`);
      return;
    }
    if (/\d{3,}/.test(name)) warnings.push(`业主姓名中有数字：${maskIdNumbersIn(name)}，请核对`);
    const myPhones = pairFor(phones.phones, names.length, i);
    const myIds = pairFor(ids, names.length, i);
    const myGender = pairFor(genderTexts, names.length, i);
    const extra: string[] = [];
    if (myPhones.length > 2) {
      extra.push(`其他电话：${myPhones.slice(2).join('、')}`);
      // the notes keep the numbers; the message (preview, CLI, report) only names them masked
      warnings.push(`电话超过两个，其余记入备注：${myPhones.slice(2).map(maskPhone).join('、')}`);
    }
    const id = myIds.length ? parseIdNumber(myIds[0], idCell.numberTooLong) : null;
    if (myIds.length > 1) {
      extra.push(`其他证件号：${myIds.slice(1).join('、')}`);
      warnings.push(`证件号不止一个，其余记入备注：${myIds.slice(1).map(maskIdNumber).join('、')}`);
    }
    if (id) warnings.push(...id.warnings.map((w) => (names.length > 1 ? `${name}：${w}` : w)));
    const g = myGender.length ? parseGender({ ...EMPTY_CELL, text: myGender[0] }) : { value: null, warning: null };
    if (g.warning) warnings.push(g.warning);
    let gender = g.value;
    if (id?.valid) {
      const fromId = genderFromId(id.idNumber);
      // a fill-in derived from the ID number, never a guess
      if (!gender) gender = fromId;
      else if (gender !== fromId) warnings.push(`性别（${gender}）与身份证号不符，请核对`);
    }
    owners.push({
      name,
      gender,
      phone: myPhones[0] ?? null,
      phone2: myPhones[1] ?? null,
      idType: id?.idType ?? null,
      idNumber: id?.idNumber ?? null,
      extra,
    });
  });
  return owners;
}

/** A row is blank when nothing but the 序号 (and merged cells from above) is in it. */
export function isBlankRow(grid: SheetGrid, row: number, seqCol: number | undefined): boolean {
  const cols = grid.rows.get(row);
  if (!cols) return true;
  for (const [c, cell] of cols) if (c !== seqCol && !cell.slaveOf && textOf(cell)) return false;
  return true;
}

export function parseRow(grid: SheetGrid, row: number, headerRow: number, cols: Cols): ParsedRow {
  const get = (f: RosterFieldT): GridCell => (cols[f] ? valueAt(grid, row, cols[f], headerRow) : EMPTY_CELL);
  const warnings: string[] = [];
  const reasons: string[] = [];
  const bText = textOf(get('building'));
  const uText = textOf(get('unit'));
  const rText = textOf(get('room'));
  const fText = textOf(get('fullRoom'));
  const rawHouse = fText || [bText, uText, rText].filter(Boolean).join(' ') || null;

  const where = resolveRoom(bText, uText, rText, fText);
  if ('reason' in where) reasons.push(where.reason);

  const floor = parseFloor(get('floor'));
  const buildingArea = parseArea(get('buildingArea'), '建筑面积');
  const innerArea = parseArea(get('innerArea'), '套内面积');
  const moveIn = parseDate(get('moveInDate'), '入住日期');
  for (const p of [floor, buildingArea, innerArea, moveIn]) if (!p.ok) reasons.push(p.reason);
  const type = parseHouseType(get('houseType'));
  if (type.warning) warnings.push(type.warning);
  const notes = textOf(get('notes')).slice(0, 500) || null;
  const owners = ownersOf(get, warnings, reasons);

  if (reasons.length || 'reason' in where) {
    return { row, house: null, owners, houseText: rawHouse, reason: reasons.join('；'), warnings };
  }
  const house: HouseRecord = {
    building: where.building,
    unit: where.unit,
    room: where.room,
    floor: (floor.ok ? floor.value : null) ?? floorOfRoom(where.room),
    buildingArea: buildingArea.ok ? buildingArea.value : null,
    innerArea: innerArea.ok ? innerArea.value : null,
    houseType: type.value,
    notes,
    moveInDate: moveIn.ok ? moveIn.value : null,
  };
  if (house.buildingArea !== null && house.innerArea !== null && house.innerArea > house.buildingArea)
    warnings.push(`套内面积（${house.innerArea}）大于建筑面积（${house.buildingArea}），请核对`);
  return { row, house, owners, houseText: rawHouse, reason: null, warnings };
}

/** Printed rosters repeat the header on every page; such a row is not data. */
function isRepeatedHeader(grid: SheetGrid, row: number, headerRow: number, cols: Cols): boolean {
  let same = 0;
  for (const c of Object.values(cols)) {
    const h = cellAt(grid, headerRow, c).text;
    if (!h) continue;
    if (cellAt(grid, row, c).text !== h) return false;
    same++;
  }
  return same >= 2;
}

/** Every non-blank row under the header, parsed. */
export function parseRows(grid: SheetGrid, headerRow: number, mapping: RosterMappingT): ParsedRow[] {
  const cols = fieldColumns(mapping);
  const out: ParsedRow[] = [];
  for (let r = headerRow + 1; r <= grid.lastRow; r++) {
    if (isBlankRow(grid, r, cols.seq) || isRepeatedHeader(grid, r, headerRow, cols)) continue;
    out.push(parseRow(grid, r, headerRow, cols));
  }
  return out;
}
