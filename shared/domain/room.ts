import { toHalfWidth } from './text';

// How staff and rosters write a room: "3-2-1502", "3栋2单元1502", "3#1502", "3号楼2单元1502室",
// "A座1502", "1502". Building and unit codes are kept as written (digits or letters), without
// suffixes, so "3栋" and "3#" and "3号楼" all mean building code "3".
export interface RoomRef {
  building?: string;
  unit?: string;
  room: string;
}

const BLD = '(?:栋|幢|号楼|座|#|号|楼)';
const UNT = '(?:单元|单|U)';

// compiled once: parseRoom runs on every keystroke of the search box (docs/PERFORMANCE.md, "Search")
const BLD_END = new RegExp(`${BLD}$`);
const UNT_END = new RegExp(`${UNT}$`);
const LONG_ROOM = new RegExp(`^([0-9A-Z一二三四五六七八九十]+)${BLD}([0-9A-Z一二三四五六七八九十]+)${UNT}-?([0-9A-Z]+)$`);
const BUILDING_ROOM = new RegExp(`^([0-9A-Z]+)${BLD}-?([0-9A-Z]+)$`);

const chineseDigits: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

export function normaliseCode(raw: string): string {
  let s = toHalfWidth(raw).trim().toUpperCase();
  s = s.replace(BLD_END, '').replace(UNT_END, '').replace(/室$/, '');
  if (/^[一二三四五六七八九十]$/.test(s)) s = chineseDigits[s];
  s = s.replace(/^0+(?=\d)/, '');
  return s.trim();
}

/** Parses one-cell room text. Returns null when the text is not a room. */
export function parseRoom(raw: string): RoomRef | null {
  const s = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase().replace(/室$/, '');
  if (!s) return null;
  let m: RegExpMatchArray | null;
  // 3-2-1502, 3/2/1502, 3_2_1502
  if ((m = s.match(/^([0-9A-Z]+)[-/_]([0-9A-Z]+)[-/_]([0-9A-Z]+)$/)))
    return { building: normaliseCode(m[1]), unit: normaliseCode(m[2]), room: normaliseCode(m[3]) };
  // 3栋2单元1502, 3号楼2单元1502
  if ((m = s.match(LONG_ROOM))) return { building: normaliseCode(m[1]), unit: normaliseCode(m[2]), room: normaliseCode(m[3]) };
  // 3#1502, 3栋1502, A座1502
  if ((m = s.match(BUILDING_ROOM))) return { building: normaliseCode(m[1]), room: normaliseCode(m[2]) };
  // 3-1502
  if ((m = s.match(/^([0-9A-Z]+)[-/_]([0-9]+)$/))) return { building: normaliseCode(m[1]), room: normaliseCode(m[2]) };
  // 1502 alone
  if ((m = s.match(/^([0-9]{3,5}[A-Z]?)$/))) return { room: normaliseCode(m[1]) };
  return null;
}

/** Floor implied by a room number: 1502 → 15, 302 → 3, B102 → null. */
export function floorOfRoom(room: string): number | null {
  const m = room.match(/^(\d{1,3})(\d{2})$/);
  return m ? Number(m[1]) : null;
}
