import { inflateRawSync } from 'node:zlib';
import { UserError } from '../../errors';
import { LAST_ROW, checkInflated, storedBytes, zipDirectory, type ZipPart } from './zip-guard';

// A direct reader for the plain .xlsx files rosters and ledgers are (docs/PERFORMANCE.md): the zip's
// parts inflated with zlib and the sheet XML scanned for its cells, in a tenth of the time exceljs
// takes to build its whole object model (1.3–2 s for a 20,000-row roster). It gives exactly the
// values exceljs gives — shared and inline strings, rich text joined, numbers, booleans, formula
// results, dates by the cell's number format as exceljs decides them, merged ranges — and answers
// null for anything it does not read (hyperlinks, phonetic text, ISO date cells, encryption, chart
// sheets, cells without an address), so workbook.ts falls back to exceljs for that file. It reads the
// parts zip-guard.ts inflated and checked (issue 11), and refuses a sheet past its limits itself too.

/** what exceljs's cell.value would be, reduced to what workbook.ts's scalarCell reads */
type FastValue = string | number | boolean | Date | null;

export interface FastSheet {
  name: string;
  state: string;
  /** row → col → value, ascending; merged cells' covered positions carry `merge` */
  rows: Map<number, Map<number, FastValue | { merge: [number, number] }>>;
}

class Unsupported extends Error {}
const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

/** The zip's parts, read only after zip-guard.ts's checks of its directory and inflated never past their declared size. */
function zipEntries(buf: Buffer): Map<string, () => string> {
  let directory: ZipPart[];
  try {
    directory = zipDirectory(buf);
  } catch {
    // damaged or oversized: readWorkbook refuses it (zip-guard.ts) before this reader is asked
    return unsupported('zip directory');
  }
  const out = new Map<string, () => string>();
  for (const part of directory)
    out.set(part.name, () => {
      try {
        const data = storedBytes(buf, part);
        if (part.method === 0) return data.toString('utf8');
        return checkInflated(inflateRawSync(data, { maxOutputLength: Math.max(1, part.size) }), part).toString('utf8');
      } catch {
        return unsupported('damaged part');
      }
    });
  return out;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  const text = s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s;
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITY[e] ?? m;
  });
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** the text of every <t> inside: a plain string, or a rich text's runs joined, as scalarCell joins them */
function texts(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function rels(entries: Map<string, () => string>, part: string): Map<string, { type: string; target: string }> {
  const dir = part.split('/').slice(0, -1).join('/');
  const file = `${dir ? `${dir}/` : ''}_rels/${part.split('/').pop()}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const xml = entries.get(file)?.();
  if (!xml) return out;
  for (const m of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (a.Id && a.Target && a.TargetMode !== 'External') out.set(a.Id, { type: a.Type ?? '', target: resolve(part, a.Target) });
  }
  return out;
}

/** number formats exceljs knows without a <numFmt> (the locale-specific ones it does not, so they are not dates to it either) */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** exceljs's isDateFmt */
const isDateFormat = (code: string) => /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(attrs(m[1]).numFmtId ?? 0);
    const code = custom.get(id);
    out.push(id ? (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) : false);
  }
  return out;
}

function colOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
function address(ref: string): [number, number] {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref) ?? unsupported(`cell address ${ref}`);
  return [Number(m[2]), colOf(m[1])];
}

/** exceljs's excelToDate */
const excelToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

const CELL = /<c\b([^>]*?)(\/>|>)/g;
const REF = /\br="([A-Z]{1,3})(\d+)"/;
const TYPE = /\bt="([^"]*)"/;
const STYLE = /\bs="(\d+)"/;

/** the text of the first <tag>…</tag> in body, or undefined */
function element(body: string, tag: string): string | undefined {
  const open = body.indexOf(`<${tag}`);
  if (open < 0) return undefined;
  const next = body.charCodeAt(open + tag.length + 1);
  // "<v>" or "<v …>", not "<vt…>"
  if (next !== 62 && next !== 32) return element(body.slice(open + 1), tag);
  const gt = body.indexOf('>', open);
  if (body[gt - 1] === '/') return '';
  const close = body.indexOf(`</${tag}>`, gt);
  return close < 0 ? undefined : body.slice(gt + 1, close);
}

/** the limit zip-guard.ts checks first; here it guards the reader used on its own */
const tooManyRows = (): never => {
  throw new UserError('FILE', `工作表超过 ${LAST_ROW - 100} 行，请分批导入`);
};
const MAX_MERGED = 1_000_000;

function readSheet(xml: string, shared: string[], dates: boolean[], date1904: boolean): FastSheet['rows'] {
  if (/<hyperlink\b/.test(xml)) unsupported('hyperlinks');
  const rows: FastSheet['rows'] = new Map();
  let ordered = true;
  let lastR = 0;
  let lastC = 0;
  const put = (r: number, c: number, v: FastValue | { merge: [number, number] }) => {
    if (r > LAST_ROW) tooManyRows();
    let cols = rows.get(r);
    if (!cols) rows.set(r, (cols = new Map()));
    cols.set(c, v);
    if (r < lastR || (r === lastR && c <= lastC)) ordered = false;
    lastR = r;
    lastC = c;
  };
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  const data = start >= 0 && end > start ? xml.slice(start, end) : '';
  CELL.lastIndex = 0;
  for (let m = CELL.exec(data); m; m = CELL.exec(data)) {
    const head = m[1];
    let body = '';
    if (m[2] === '>') {
      const close = data.indexOf('</c>', CELL.lastIndex);
      if (close < 0) unsupported('unclosed cell');
      body = data.slice(CELL.lastIndex, close);
      CELL.lastIndex = close + 4;
    }
    const ref = REF.exec(head) ?? unsupported('cell without address');
    const r = Number(ref[2]);
    const c = colOf(ref[1]);
    const t = TYPE.exec(head)?.[1] ?? 'n';
    const v = body ? element(body, 'v') : undefined;
    const hasFormula = body.includes('<f');
    let value: FastValue = null;
    if (t === 's') {
      if (v === undefined) continue;
      const s = shared[Number(v)];
      if (s === undefined) unsupported('shared string index');
      value = s;
    } else if (t === 'inlineStr') value = texts(element(body, 'is') ?? '');
    else if (t === 'str') value = v === undefined ? null : unescapeXml(v);
    else if (t === 'b') value = v === undefined ? null : v.trim() === '1';
    else if (t === 'e') value = null;
    else if (t === 'n') {
      if (v === undefined) continue;
      const n = parseFloat(v);
      if (Number.isNaN(n)) unsupported('number');
      value = dates[Number(STYLE.exec(head)?.[1] ?? 0)] ? excelToDate(n, date1904) : n;
    } else unsupported(`cell type ${t}`);
    // a formula without a cached result reads as empty in exceljs too
    if (value === null && !hasFormula && t !== 'e') continue;
    put(r, c, value);
  }
  // merged ranges: every covered cell points at the range's top-left one, whatever it held
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [r1, c1] = address(m[1]);
    const [r2, c2] = address(m[2]);
    // a merge over a whole sheet is 17 billion cells: refused before it is spread out
    if (r2 > LAST_ROW) tooManyRows();
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > MAX_MERGED) unsupported('huge merge');
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) put(r, c, { merge: [r1, c1] });
  }
  if (ordered) return rows;
  // ascending rows and columns, as exceljs iterates them
  const sorted: FastSheet['rows'] = new Map();
  for (const r of [...rows.keys()].sort((x, y) => x - y)) sorted.set(r, new Map([...rows.get(r)!.entries()].sort((x, y) => x[0] - y[0])));
  return sorted;
}

/**
 * Every worksheet of the workbook in workbook order, or null when this file needs exceljs. `parts`:
 * the XML parts zip-guard.ts's checkWorkbook inflated and checked (readWorkbook passes them).
 */
export function readXlsxFast(buf: Buffer, parts?: Map<string, Buffer>): FastSheet[] | null {
  try {
    const entries = parts ? new Map([...parts].map(([name, bytes]) => [name, () => bytes.toString('utf8')])) : zipEntries(buf);
    const root = rels(entries, '');
    const wbPart = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? unsupported('no workbook');
    const wbXml = entries.get(wbPart)?.() ?? unsupported('no workbook');
    const wbRels = rels(entries, wbPart);
    const sharedPart = [...wbRels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const stylesPart = [...wbRels.values()].find((r) => r.type.endsWith('/styles'))?.target;
    const sharedXml = sharedPart ? entries.get(sharedPart)?.() : undefined;
    if (sharedXml && /<rPh\b/.test(sharedXml)) unsupported('phonetic text');
    const shared = sharedXml ? [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => texts(m[1] ?? '')) : [];
    const dates = dateStyles(stylesPart ? entries.get(stylesPart)?.() : undefined);
    const pr = /<workbookPr\b([^>]*)>/.exec(wbXml);
    const date1904 = pr ? ['1', 'true'].includes(attrs(pr[1]).date1904 ?? '') : false;
    const sheets: FastSheet[] = [];
    for (const m of wbXml.matchAll(/<sheet\b([^>]*)>/g)) {
      const a = attrs(m[1]);
      const id = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
      const rel = id ? wbRels.get(id) : undefined;
      if (!rel || !rel.type.endsWith('/worksheet')) unsupported('not a worksheet');
      const xml = entries.get(rel!.target)?.() ?? unsupported('missing sheet');
      sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', rows: readSheet(xml, shared, dates, date1904) });
    }
    return sheets;
  } catch (err) {
    if (err instanceof UserError) throw err;
    if (err instanceof Unsupported) return null;
    // a damaged file: exceljs reads it again and gives the Chinese message
    return null;
  }
}
