import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { UserError } from '../../errors';

// What an .xlsx may be before anything reads it (issue 11, hostile input). Both readers hold a whole
// sheet in memory — the direct one its XML, exceljs an object per cell — and in Electron that memory
// is the main process's. So the zip's own directory is checked first (part count, declared sizes,
// compression ratio), then every part is inflated as a stream, in small steps, stopping at the size
// the directory declared (a zip bomb that lies about its size is cut off there), and every XML part is
// counted on the way: rows and cells of the sheets, merged areas, shared strings, formats. A sheet
// with a value beyond row 50,100 stops the inflation at that row. Nothing fails these checks and
// still reaches a reader: readWorkbook (workbook.ts) runs them first, and the direct reader reads
// the parts inflated here. <dimension ref> is not trusted: writers omit it, and a hostile file lies.

/** more rows than any estate has houses; beyond this the file is not a roster */
export const MAX_ROWS = 50_000;
/** the last row a value may be in: a title and a header above the data, and some slack */
export const LAST_ROW = MAX_ROWS + 100;

const MB = 1024 * 1024;
/** limits with their reasons; the sizes are far above a 50,000-row roster (18 MB of sheet XML, 3 MB of strings) */
const LIMIT = {
  parts: 5_000,
  /** one part, inflated */
  partBytes: 100 * MB,
  /** every part together, inflated */
  totalBytes: 160 * MB,
  /** deflate reaches ~1,000:1 only on repeated bytes; real sheet XML compresses 5–20:1 */
  ratio: 500,
  ratioFrom: 10 * MB,
  /** cells holding something (and merged cells): 50,000 rows × 20 columns; the direct reader needs ~350 bytes each */
  valueCells: 1_000_000,
  /** every <c>, empty ones too: the direct reader scans each */
  cellTags: 5_000_000,
  /** shared strings and cell formats (Excel itself stops at 64,000 formats) */
  strings: 1_000_000,
  formats: 200_000,
  /** an unfinished tag longer than this is not XML */
  tagBytes: 1 * MB,
  /** exceljs keeps ~540 bytes per cell, row, validated or named cell: what it may be given (~450 MB at most) */
  exceljsWeight: 600_000,
} as const;

const NOT_XLSX = '文件不是有效的 Excel 工作簿（.xlsx）';
const refuse = (message: string) => new UserError('FILE', message);
const damaged = () => refuse(`${NOT_XLSX}，文件不完整或已损坏：请在 Excel 中打开后另存为 .xlsx 再导入`);
const tooBig = (bytes: number, limit: number) =>
  refuse(
    `工作簿解压后有 ${Math.round(bytes / MB)} MB，超过 ${limit / MB} MB 的上限，可能是“压缩炸弹”或混入了大量无关内容，已拒绝：请只保留名册或台账所在的工作表后再导入`,
  );

export interface ZipPart {
  name: string;
  method: number;
  compressed: number;
  /** inflated size, as the directory declares it */
  size: number;
  local: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** a 64-bit zip field, refused when past what a 20 MB file can mean */
function u64(buf: Buffer, at: number): number {
  const n = Number(buf.readBigUInt64LE(at));
  if (!Number.isSafeInteger(n)) throw damaged();
  return n;
}

/** The zip's directory, with the sizes checked; throws a Chinese refusal for a damaged or oversized archive. */
export function zipDirectory(buf: Buffer): ZipPart[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  // no directory at the end: cut short in a download or a copy
  if (eocd < 0) throw damaged();
  let count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  // zip64 (some .NET writers use it even for small files): the real count and offset are in its record
  if (count === 0xffff || p === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_LOCATOR64) throw damaged();
    const rec = u64(buf, loc + 8);
    if (rec + 56 > buf.length || buf.readUInt32LE(rec) !== SIG_EOCD64) throw damaged();
    const count64 = u64(buf, rec + 32);
    if (count64 > LIMIT.parts) throw refuse(`工作簿里的部件过多（${count64} 个），不像是名册或台账：请另存为新的 .xlsx 后再导入`);
    count = count64;
    p = u64(buf, rec + 48);
  }
  if (count > LIMIT.parts) throw refuse(`工作簿里的部件过多（${count} 个），不像是名册或台账：请另存为新的 .xlsx 后再导入`);
  const parts: ZipPart[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw damaged();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > buf.length) throw damaged();
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\//, '');
    // zip64 sizes: in the extra field, in this order, for the fields set to 0xffffffff
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end && buf.readUInt16LE(e) !== 0x0001) e += 4 + buf.readUInt16LE(e + 2);
      if (e + 4 > end) throw damaged();
      let f = e + 4;
      const next = () => {
        if (f + 8 > end) throw damaged();
        const v = u64(buf, f);
        f += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressed === 0xffffffff) compressed = next();
      if (local === 0xffffffff) local = next();
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw refuse('工作簿加了密码：请在 Excel 中取消密码，另存为 .xlsx 后再导入');
    if (method !== 0 && method !== 8) throw damaged();
    if (method === 0 && size !== compressed) throw damaged();
    if (local + 30 > buf.length || compressed > buf.length) throw damaged();
    if (size > LIMIT.partBytes) throw tooBig(size, LIMIT.partBytes);
    if (size > LIMIT.ratioFrom && size > compressed * LIMIT.ratio)
      throw refuse(`工作簿的压缩比异常（解压后放大 ${Math.round(size / compressed)} 倍），是“压缩炸弹”的特征，已拒绝：请向提供文件的人要一份正常保存的 .xlsx`);
    total += size;
    if (total > LIMIT.totalBytes) throw tooBig(total, LIMIT.totalBytes);
    if (!name.endsWith('/')) parts.push({ name, method, compressed, size, local });
  }
  return parts;
}

/** A part's bytes as stored (compressed), found through its local header. */
export function storedBytes(buf: Buffer, part: ZipPart): Buffer {
  if (buf.readUInt32LE(part.local) !== SIG_LOCAL) throw damaged();
  const start = part.local + 30 + buf.readUInt16LE(part.local + 26) + buf.readUInt16LE(part.local + 28);
  if (start + part.compressed > buf.length) throw damaged();
  return buf.subarray(start, start + part.compressed);
}

/** The check the direct reader's own inflation makes: exactly the declared size, never more. */
export function checkInflated(out: Buffer, part: ZipPart): Buffer {
  if (out.length !== part.size) throw damaged();
  return out;
}

/** What a sheet holds, counted from its XML without building it. */
export interface SheetCount {
  rowTags: number;
  cellTags: number;
  /** cells that are not empty tags, and cells covered by merged ranges */
  valueCells: number;
  /** the last row holding a value or a merged range */
  lastRow: number;
  /** cells covered by merges, data validations, and (workbook) defined names: exceljs makes an object for each */
  areas: number;
  strings: number;
  formats: number;
  /** why the part was cut short, when it was */
  over: 'rows' | 'cells' | null;
}

const COL = (letters: string) => {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
};
const RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;
/** rows and cells of "B2:D10" or "B2"; null for what is not a range */
function rangeOf(ref: string): { last: number; area: number } | null {
  const m = RANGE.exec(ref);
  if (!m) return null;
  const r1 = Number(m[2]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c1 = COL(m[1]);
  const c2 = m[3] ? COL(m[3]) : c1;
  return { last: Math.max(r1, r2), area: (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) };
}

// the tags that cost memory in a reader; the regex engine skips every other tag itself
const TAG = /<(row|c|mergeCell|dataValidation|si|xf|\/?sheetData)\b([^>]*)>/g;
const ROW_NO = /\br\s*=\s*["'](\d+)/;
const REF = /\bref\s*=\s*["']([^"']*)/;
const SQREF = /\bsqref\s*=\s*["']([^"']*)/;

/** Counts one XML part fed chunk by chunk; `over` is set (and feeding should stop) once a sheet passes a limit. */
class XmlCounter {
  readonly count: SheetCount = { rowTags: 0, cellTags: 0, valueCells: 0, lastRow: 0, areas: 0, strings: 0, formats: 0, over: null };
  private carry = '';
  private inData = false;
  private row = 0;

  feed(chunk: Buffer): void {
    // latin1 keeps every byte one character: tags are ASCII, and a UTF-8 character split between chunks does not matter
    const s = this.carry + chunk.toString('latin1');
    const lt = s.lastIndexOf('<');
    // an unfinished tag at the end waits for the next chunk
    const cut = lt >= 0 && s.indexOf('>', lt) < 0 ? lt : s.length;
    this.carry = s.slice(cut);
    if (this.carry.length > LIMIT.tagBytes) throw damaged();
    this.scan(cut === s.length ? s : s.slice(0, cut));
  }

  private scan(s: string): void {
    const k = this.count;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(s); m; m = TAG.exec(s)) {
      const name = m[1];
      const attrs = m[2];
      if (name === 'c') {
        if (!this.inData) continue;
        k.cellTags++;
        if (attrs.endsWith('/')) continue;
        k.valueCells++;
        // the row's number, not the cell's own address: a cell placed below its row is one sparse cell,
        // which costs nothing, and both readers refuse its row themselves (workbook.ts)
        if (this.row > k.lastRow) k.lastRow = this.row;
      } else if (name === 'row') {
        if (!this.inData) continue;
        k.rowTags++;
        const at = ROW_NO.exec(attrs);
        this.row = at ? Number(at[1]) : this.row + 1;
      } else if (name === 'mergeCell') {
        const range = rangeOf(REF.exec(attrs)?.[1] ?? '');
        if (!range) continue;
        k.valueCells += range.area;
        k.areas += range.area;
        if (range.last > k.lastRow) k.lastRow = range.last;
      } else if (name === 'dataValidation') {
        for (const ref of (SQREF.exec(attrs)?.[1] ?? '').split(/\s+/)) k.areas += rangeOf(ref)?.area ?? 0;
      } else if (name === 'si') k.strings++;
      else if (name === 'xf') k.formats++;
      else this.inData = name === 'sheetData' && !attrs.endsWith('/');
    }
    if (k.lastRow > LAST_ROW) k.over = 'rows';
    else if (k.valueCells > LIMIT.valueCells || k.cellTags > LIMIT.cellTags) k.over = 'cells';
    else if (k.strings > LIMIT.strings || k.formats > LIMIT.formats)
      throw refuse(`工作簿里的文字或格式条目超过 ${LIMIT.strings / 10_000} 万条，不像是名册或台账：请另存为新的 .xlsx 后再导入`);
  }
}

/** the compressed bytes in small steps, so one step of a bomb inflates to a few MB at most */
function* slices(data: Buffer): Generator<Buffer> {
  for (let i = 0; i < data.length; i += 16 * 1024) yield data.subarray(i, i + 16 * 1024);
}

/** Inflates one part as a stream, never past its declared size; `onChunk` returning false stops it early. */
async function inflatePart(buf: Buffer, part: ZipPart, onChunk: (chunk: Buffer) => boolean): Promise<boolean> {
  const data = storedBytes(buf, part);
  if (part.method === 0) {
    for (const s of slices(data)) if (!onChunk(s)) return false;
    return true;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  const source = Readable.from(slices(data));
  source.pipe(inflate);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      // more than the directory declared: a bomb made to pass the size check, or a damaged file
      if (total > part.size) throw refuse(`${NOT_XLSX}：其中的内容比文件记录的大小更大，可能是“压缩炸弹”或损坏的文件，已拒绝`);
      if (!onChunk(chunk)) return false;
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw damaged();
  } finally {
    source.destroy();
    inflate.destroy();
  }
  if (total !== part.size) throw damaged();
  return true;
}

/** the XML parts a reader parses; everything else (pictures) is only inflated to check its size */
const isXml = (name: string) => /\.(xml|rels)$/i.test(name);

export interface CheckedBook {
  /** every XML part, inflated and checked: the direct reader reads these, never the zip again */
  parts: Map<string, Buffer>;
  counts: Map<string, SheetCount>;
}

/** a zip path from a relationship's target, as the direct reader resolves it */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** a part's relationships: [id, type, target path] */
function relsOf(parts: Map<string, Buffer>, part: string): [string, string, string][] {
  const dir = part.split('/').slice(0, -1).join('/');
  const xml = parts.get(`${dir ? `${dir}/` : ''}_rels/${part.split('/').pop()}.rels`)?.toString('utf8') ?? '';
  return [...xml.matchAll(/<Relationship\b([^>]*)>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    return [attr('Id'), attr('Type'), resolvePath(part, attr('Target'))];
  });
}

/** A sheet's name for a message, read from the workbook's parts (inflating them if the check stopped before them); else its file name. */
async function sheetName(buf: Buffer, directory: ZipPart[], parts: Map<string, Buffer>, path: string): Promise<string> {
  const need = async (name: string | undefined) => {
    const part = directory.find((p) => p.name === name);
    if (part && !parts.has(part.name)) parts.set(part.name, await collect(buf, part));
  };
  await need('_rels/.rels');
  const wb = relsOf(parts, '').find(([, type]) => type.endsWith('/officeDocument'))?.[2];
  if (wb) {
    await need(wb);
    await need(`${wb.split('/').slice(0, -1).join('/')}/_rels/${wb.split('/').pop()}.rels`.replace(/^\//, ''));
    const id = relsOf(parts, wb).find(([, , target]) => target === path)?.[0];
    for (const m of (parts.get(wb)?.toString('utf8') ?? '').matchAll(/<sheet\b([^>]*)>/g))
      if (id && m[1].includes(`:id="${id}"`)) return /\bname="([^"]*)"/.exec(m[1])?.[1] ?? path;
  }
  return path.split('/').pop() ?? path;
}

/**
 * Checks a workbook's zip and inflates its XML parts, refusing in Chinese what is damaged, a bomb,
 * or more than a roster or ledger can be: a value beyond row 50,100, more than a million cells.
 */
export async function checkWorkbook(buf: Buffer): Promise<CheckedBook> {
  try {
    return await check(buf);
  } catch (err) {
    // a field pointing outside the file, and whatever else a damaged zip can throw: still a refusal in Chinese
    if (err instanceof UserError) throw err;
    throw damaged();
  }
}

async function check(buf: Buffer): Promise<CheckedBook> {
  const directory = zipDirectory(buf);
  const parts = new Map<string, Buffer>();
  const counts = new Map<string, SheetCount>();
  let over: [string, SheetCount] | null = null;
  for (const part of directory) {
    if (!isXml(part.name)) {
      await inflatePart(buf, part, () => true);
      continue;
    }
    const counter = new XmlCounter();
    const out = Buffer.allocUnsafe(part.size);
    let at = 0;
    const whole = await inflatePart(buf, part, (chunk) => {
      counter.feed(chunk);
      chunk.copy(out, at);
      at += chunk.length;
      return counter.count.over === null;
    });
    counts.set(part.name, counter.count);
    if (!whole) {
      over = [part.name, counter.count];
      break;
    }
    parts.set(part.name, out);
  }
  if (over) {
    const name = await sheetName(buf, directory, parts, over[0]);
    // the row found is named: a template with formulas far below the data is the usual cause
    if (over[1].over === 'rows') throw refuse(`工作表“${name}”超过 ${MAX_ROWS} 行（第 ${over[1].lastRow} 行还有内容），请删去多余的行或分批导入`);
    throw refuse(`工作表“${name}”的单元格超过 ${LIMIT.valueCells / 10_000} 万个，不像是名册或台账：请删去无关的行和列，或分批导入`);
  }
  return { parts, counts };
}

async function collect(buf: Buffer, part: ZipPart): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await inflatePart(buf, part, (c) => chunks.push(c) > 0);
  return Buffer.concat(chunks);
}

/**
 * Before exceljs: it builds an object for every cell, row, merged, validated and named cell (a defined
 * name over a whole sheet is 17 billion of them), so a file it must read is held to what fits.
 */
export function checkForExceljs(book: CheckedBook): void {
  let weight = 0;
  // a shared string costs exceljs about a sixth of what a cell does (measured: ~80 against ~540 bytes)
  for (const c of book.counts.values()) weight += c.rowTags + c.cellTags + c.areas + c.strings / 6;
  for (const xml of book.parts.values()) {
    if (xml.indexOf('<definedName') < 0) continue;
    for (const m of xml.toString('latin1').matchAll(/<definedName\b[^>]*>([^<]*)</g))
      for (const ref of m[1].split(',')) weight += rangeOf(ref.split('!').pop() ?? '')?.area ?? 0;
  }
  if (weight > LIMIT.exceljsWeight)
    throw refuse(
      `这个工作簿含有超链接等需要逐格解析的内容，这种工作簿一次最多读取 ${LIMIT.exceljsWeight / 10_000} 万个单元格：请清除超链接和整列的数据验证，或分批导入`,
    );
}
