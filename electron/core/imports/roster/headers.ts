import { createHash } from 'node:crypto';
import type { RosterFieldT, RosterMappingT } from '../../../../shared/contract/imports';
import { cleanText } from '../../../../shared/domain/text';
import { cellAt, colLetter, type SheetGrid } from './grid';

/** Header texts seen in real rosters, after normaliseHeader(). */
const ALIASES: Record<RosterFieldT, string[]> = {
  seq: ['序号', '序', 'NO', 'NO.', '序列号', '顺序号'],
  building: ['楼栋', '楼号', '栋号', '幢', '幢号', '栋', '楼栋号', '楼座', '楼宇', '座', '座号', '楼栋名称', '楼'],
  unit: ['单元', '单元号', '单元名称'],
  room: ['房号', '房间号', '室号', '户号', '门牌号', '房号室', '房屋号'],
  fullRoom: [
    '房屋',
    '房屋地址',
    '房屋编号',
    '房间',
    '房产',
    '房产地址',
    '房屋位置',
    '房屋坐落',
    '坐落',
    '房屋信息',
    '楼栋房号',
    '房屋名称',
    '房间编号',
    '地址',
  ],
  floor: ['楼层', '层', '所在楼层', '层号', '所在层'],
  buildingArea: ['建筑面积', '面积', '房屋面积', '产权面积', '计费面积', '收费面积'],
  innerArea: ['套内面积', '套内建筑面积', '使用面积', '套内'],
  ownerName: ['业主姓名', '业主', '姓名', '客户名称', '客户姓名', '业主名称', '产权人', '户主', '购房人', '住户姓名', '业主名字', '客户'],
  gender: ['性别'],
  phone: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '联系号码', '业主电话', '移动电话'],
  idNumber: ['身份证号', '证件号码', '身份证', '身份证号码', '证件号', '身份证件号码', '证件编号'],
  moveInDate: ['入住日期', '交房日期', '入住时间', '交房时间', '交付日期', '收房日期', '入伙日期', '入住'],
  houseType: ['房屋类型', '类型', '房屋性质', '物业类型', '用途', '房屋用途', '物业性质'],
  notes: ['备注', '说明', '附注', '备注说明'],
};

const EXACT = new Map<string, RosterFieldT>();
for (const [field, names] of Object.entries(ALIASES) as [RosterFieldT, string[]][]) for (const n of names) EXACT.set(n, field);

/** "建筑面积（㎡）" → "建筑面积", "* 房号：" → "房号" */
export function normaliseHeader(raw: string): string {
  return cleanText(raw)
    .replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')
    .replace(/[\s*:：]/g, '')
    .toUpperCase();
}

/** The field a header text names, or null. Loose rules only for short texts, so a title such as "XX花园业主名册" never counts. */
export function matchHeader(raw: string): RosterFieldT | null {
  const h = normaliseHeader(raw);
  if (!h) return null;
  const exact = EXACT.get(h);
  if (exact) return exact;
  if (h.length > 8) return null;
  if (h.includes('面积')) return h.includes('套内') || h.includes('使用') ? 'innerArea' : 'buildingArea';
  if (h.includes('身份证') || h.includes('证件号')) return 'idNumber';
  if (h.includes('电话') || h.includes('手机')) return 'phone';
  if (h.includes('姓名')) return 'ownerName';
  if (h.includes('日期') && /入住|交房|交付|收房|入伙/.test(h)) return 'moveInDate';
  return null;
}

export interface HeaderGuess {
  headerRow: number;
  /** one entry per column 1..lastCol (index 0 = column A) */
  headers: string[];
  mapping: RosterMappingT;
  /** how many distinct fields the header row named */
  score: number;
}

const SCAN_ROWS = 30;

function headerTexts(grid: SheetGrid, row: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= grid.lastCol; c++) {
    const cell = cellAt(grid, row, c);
    out.push(cell.slaveOf ? '' : cell.text);
  }
  return out;
}

/** Mapping suggested by header names; the first column naming a field wins. */
export function suggestMapping(headers: string[]): RosterMappingT {
  const mapping: RosterMappingT = {};
  const taken = new Set<RosterFieldT>();
  headers.forEach((h, i) => {
    const f = matchHeader(h);
    if (f && !taken.has(f)) {
      taken.add(f);
      mapping[String(i)] = f;
    }
  });
  return mapping;
}

/**
 * Finds the header row under any title rows: the row (among the first 30) naming the most
 * distinct known fields. Covered cells of merged ranges do not count, so a title merged across
 * twelve columns is one cell, not twelve.
 */
export function findHeaderRow(grid: SheetGrid): HeaderGuess | null {
  return findHeaderRowBy(grid, suggestMapping);
}

/** The same search with another vocabulary of header names (the complaint ledger has its own). */
export function findHeaderRowBy<M extends Record<string, string>>(
  grid: SheetGrid,
  suggest: (headers: string[]) => M,
): (Omit<HeaderGuess, 'mapping'> & { mapping: M }) | null {
  let best: (Omit<HeaderGuess, 'mapping'> & { mapping: M }) | null = null;
  const last = Math.min(grid.lastRow, SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    if (!grid.rows.has(r)) continue;
    const headers = headerTexts(grid, r);
    const mapping = suggest(headers);
    const score = Object.keys(mapping).length;
    if (score >= 2 && (!best || score > best.score)) best = { headerRow: r, headers, mapping, score };
  }
  return best;
}

/** Header texts for display: blank headers get their column letter so every column can be named in the UI. */
export function displayHeaders(headers: string[]): string[] {
  return headers.map((h, i) => h || `（${colLetter(i + 1)}列）`);
}

/** Same header names (in the same order) → same signature → the remembered mapping applies. */
export function headerSignature(headers: string[]): string {
  const names = headers.map(normaliseHeader);
  while (names.length && !names[names.length - 1]) names.pop();
  return createHash('sha256').update(names.join('\u0001')).digest('hex').slice(0, 16);
}
