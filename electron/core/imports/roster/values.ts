// Parsers for single roster cells. Each returns the value, null for "not given", or a Chinese
// reason the cell cannot be read. Placeholders ("无", "/", "暂无" ...) mean "not given".
import { type HOUSE_TYPES, type ID_TYPES, type GENDERS } from '../../../../shared/contract/archives';
import { cleanText, normalisePhone, phoneWarning, toHalfWidth } from '../../../../shared/domain/text';
import { idNumberWarning, maskIdNumber, normaliseIdNumber } from '../../../../shared/domain/idcard';
import { maskPhone } from '../../search/format';
import type { GridCell } from './grid';

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };
const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const PLACEHOLDERS = new Set([
  '无',
  '/',
  '\\',
  '-',
  '--',
  '---',
  '—',
  '——',
  '暂无',
  '不详',
  '未知',
  '空',
  '待定',
  '待补充',
  'N/A',
  'NA',
  'NULL',
  'NONE',
  '#N/A',
  '?',
  '？',
  '.',
  '、',
  'X',
  '无资料',
]);

/** no placeholder is longer than this, however spaced out ("无 资 料") */
const PLACEHOLDER_MAX = 12;

export function isPlaceholder(text: string): boolean {
  return text.length <= PLACEHOLDER_MAX && PLACEHOLDERS.has(text.replace(/\s/g, '').toUpperCase());
}

/** text cleanText leaves as it is: no full-width forms, no ideographic space, single inner spaces only */
const CLEAN = /^(?:[^\s\uFF01-\uFF5E\u3000]+(?: [^\s\uFF01-\uFF5E\u3000]+)*)?$/;

/** The cell's text, '' for empty cells and placeholders. */
export function textOf(cell: GridCell): string {
  // workbook cells arrive cleaned (workbook.ts): checking is cheaper than cleaning them again
  const t = CLEAN.test(cell.text) ? cell.text : cleanText(cell.text);
  return isPlaceholder(t) ? '' : t;
}

const AREA_UNITS = /(平方米|平方|平米|㎡|M²|M2|SQM)$/i;

export function parseArea(cell: GridCell, label: string): Parsed<number> {
  const raw = textOf(cell);
  if (!raw) return ok(null);
  let n: number;
  if (cell.num !== null) n = cell.num;
  else {
    const s = toHalfWidth(raw).replace(/\s/g, '').replace(/,/g, '').toUpperCase().replace(AREA_UNITS, '');
    if (!/^\d+(\.\d+)?$/.test(s)) return bad(`${label}不是数字：${raw}`);
    n = Number(s);
  }
  if (!Number.isFinite(n) || n < 0) return bad(`${label}不是有效的数字：${raw}`);
  if (n > 100000) return bad(`${label}过大：${raw}`);
  return ok(Math.round(n * 100) / 100);
}

export function parseFloor(cell: GridCell): Parsed<number> {
  const raw = textOf(cell);
  if (!raw) return ok(null);
  let s = toHalfWidth(raw)
    .replace(/\s/g, '')
    .toUpperCase()
    .replace(/^第/, '')
    .replace(/(层|楼|F)$/, '');
  s = s.replace(/^(负|B)/, '-');
  if (!/^-?\d{1,3}$/.test(s)) return bad(`楼层不是整数：${raw}`);
  const n = Number(s);
  if (n < -10 || n > 200) return bad(`楼层超出范围：${raw}`);
  return ok(n);
}

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug is built into that epoch). */
function fromSerial(n: number): string | null {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Excel dates, "2026/10/3", "2026-10-03", "2026年10月3日", "2026.10.3", "20261003". */
export function parseDate(cell: GridCell, label: string): Parsed<string> {
  if (cell.date) return ok(cell.date);
  const raw = textOf(cell);
  if (!raw) return ok(null);
  if (cell.num !== null && cell.num > 10_000 && cell.num < 80_000) {
    const d = fromSerial(cell.num);
    if (d) return ok(d);
  }
  const s = toHalfWidth(raw)
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
    .replace(/\s/g, '');
  let m = s.match(/^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/);
  if (!m) m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  const d = m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return d ? ok(d) : bad(`${label}无法识别：${raw}`);
}

export interface Phones {
  phones: string[];
  warnings: string[];
}

/** Several numbers in one cell ("138 0013 8000/139-0013-9000") → digits, in order. */
export function parsePhones(cell: GridCell): Phones {
  const raw = textOf(cell);
  const warnings: string[] = [];
  if (!raw) return { phones: [], warnings };
  const phones: string[] = [];
  for (const part of toHalfWidth(raw).split(/[/,，;；、|]|\s{2,}|或/)) {
    const p = normalisePhone(part);
    if (!p || isPlaceholder(part.trim())) continue;
    // two mobiles written with a single space between them
    const two = p.match(/^(1\d{10})(1\d{10})$/);
    if (two) phones.push(two[1], two[2]);
    else phones.push(p);
  }
  // messages reach the preview, the CLI and the report workbook: numbers in them only masked (issue 11)
  for (const p of phones) if (phoneWarning(p)) warnings.push(`电话号码格式不常见：${maskPhone(p)}，请核对`);
  return { phones: [...new Set(phones)], warnings };
}

export type Gender = (typeof GENDERS)[number];

export function parseGender(cell: GridCell): { value: Gender | null; warning: string | null } {
  const raw = textOf(cell);
  if (!raw) return { value: null, warning: null };
  const s = raw.replace(/\s/g, '').toUpperCase();
  if (['男', '男性', 'M', 'MALE', '先生'].includes(s)) return { value: '男', warning: null };
  if (['女', '女性', 'F', 'FEMALE', '女士'].includes(s)) return { value: '女', warning: null };
  return { value: null, warning: `性别无法识别：${raw}，已忽略` };
}

export type IdType = (typeof ID_TYPES)[number];

export interface IdInfo {
  idType: IdType;
  idNumber: string;
  warnings: string[];
  /** only for a 身份证 number that passes every check */
  valid: boolean;
}

/** Classifies one certificate number. A bad 身份证 number is kept with a warning, never dropped. */
export function parseIdNumber(text: string, storedAsNumber: boolean): IdInfo | null {
  const v = normaliseIdNumber(toHalfWidth(text));
  if (!v || isPlaceholder(v)) return null;
  let idType: IdType;
  if (/^[EGDSP][A-Z]?\d{7,8}$/.test(v)) idType = '护照';
  else if (/^[CHM]\d{8,10}$/.test(v)) idType = '港澳通行证';
  else if (/\d{6,}/.test(v)) idType = '身份证';
  else idType = '其他';
  const warnings: string[] = [];
  if (storedAsNumber) warnings.push('身份证号在 Excel 中存成了数字，末几位可能已丢失，请核对原件');
  const w = idNumberWarning(idType, v);
  if (w) warnings.push(`${w}：${maskIdNumber(v)}`);
  return { idType, idNumber: v, warnings, valid: idType === '身份证' && !w && !storedAsNumber };
}

/** 17th digit of a valid 18-digit number: odd → 男, even → 女 (GB 11643). */
export function genderFromId(id: string): Gender {
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}

export type HouseType = (typeof HOUSE_TYPES)[number];

const TYPE_WORDS: [RegExp, HouseType][] = [
  [/车位|车库|停车/, '车位'],
  [/储藏|储物|杂物|地下室/, '储藏室'],
  [/商铺|商业|门面|底商|铺面|店面/, '商铺'],
  [/办公|写字楼|商务/, '办公'],
  [/住宅|住房|公寓|洋房|高层|多层|小高层|别墅|普通住宅|叠拼|花园/, '住宅'],
];

export function parseHouseType(cell: GridCell): { value: HouseType | null; warning: string | null } {
  const raw = textOf(cell);
  if (!raw) return { value: null, warning: null };
  for (const [re, t] of TYPE_WORDS) if (re.test(raw)) return { value: t, warning: null };
  return { value: null, warning: `房屋类型无法识别：${raw}，按住宅导入` };
}

/** "张 三" (names padded to line up) → "张三"; several owners in one cell are split by 、/，; */
export function parseNames(cell: GridCell): string[] {
  const raw = textOf(cell);
  if (!raw) return [];
  return raw
    .split(/[、/,，;；|]/)
    .map((n) => n.trim())
    .map((n) => (/^[\u4e00-\u9fa5·\s]+$/.test(n) ? n.replace(/\s+/g, '') : n))
    .filter((n) => n && !isPlaceholder(n));
}

/** Several certificate numbers in one cell, matching several owners. */
export function splitIds(cell: GridCell): string[] {
  const raw = textOf(cell);
  if (!raw) return [];
  return raw
    .split(/[、/,，;；|]+/)
    .map((s) => s.trim())
    .filter((s) => s && !isPlaceholder(s));
}
