// Hostile .xlsx files for tests/unit/imports/hostile-workbook.test.ts, written straight to disk as
// raw zip bytes, part by part, so even the ones that inflate to gigabytes are made in a few MB of
// memory: a deflate bomb (one compressed block of spaces repeated), a million-row sheet deflated a
// thousand rows at a time, a merge or a defined name over a whole sheet, and things that are not
// workbooks at all.
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

interface Written {
  name: string;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  method: number;
}

/** A zip written part by part; sizes may be declared falsely, as a bomb's are. */
class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  private write(b: Buffer): void {
    writeSync(this.fd, b);
    this.offset += b.length;
  }

  /**
   * One part from already deflated segments (raw deflate, each ended with a sync flush); a final
   * empty block is added. `declared` overrides the inflated size the directory states.
   */
  addDeflated(name: string, segments: Iterable<{ data: Buffer; raw: number; crc: (prev: number) => number }>, declared?: number): void {
    const offset = this.offset;
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30 + nameBytes.length);
    this.write(header); // filled in below, once the sizes are known
    let compressed = 0;
    let size = 0;
    let crc = 0;
    for (const s of segments) {
      this.write(s.data);
      compressed += s.data.length;
      size += s.raw;
      crc = s.crc(crc);
    }
    const end = Buffer.from([0x03, 0x00]); // a final, empty fixed-Huffman block
    this.write(end);
    compressed += end.length;
    const entry = { name, crc, compressed, size: declared ?? size, offset, method: 8 };
    this.localHeader(header, entry, nameBytes);
    writeSync(this.fd, header, 0, header.length, offset);
    this.written.push(entry);
  }

  /** one small part, deflated in one go */
  add(name: string, text: string | Buffer): void {
    const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.addDeflated(name, [segment(raw)]);
  }

  private localHeader(h: Buffer, e: Written, name: Buffer): void {
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc >>> 0, 14);
    h.writeUInt32LE(e.compressed, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    name.copy(h, 30);
  }

  close(): void {
    const start = this.offset;
    for (const e of this.written) {
      const name = Buffer.from(e.name, 'utf8');
      const c = Buffer.alloc(46 + name.length);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      name.copy(c, 46);
      this.write(c);
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.written.length, 8);
    eocd.writeUInt16LE(this.written.length, 10);
    eocd.writeUInt32LE(this.offset - start, 12);
    eocd.writeUInt32LE(start, 16);
    this.write(eocd);
    closeSync(this.fd);
  }
}

/** raw bytes as a deflate segment that can be followed by others */
function segment(raw: Buffer) {
  return { data: deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }), raw: raw.length, crc: (prev: number) => crc32(raw, prev) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`;

/** The parts around the sheet every workbook has; `workbookExtra` goes inside <workbook> (defined names). */
function skeleton(zip: ZipWriter, workbookExtra = '', sheetRels = ''): void {
  zip.add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="业主名册" sheetId="1" r:id="rId1"/></sheets>${workbookExtra}</workbook>`,
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  if (sheetRels) zip.add('xl/worksheets/_rels/sheet1.xml.rels', sheetRels);
}

/**
 * A deflate bomb: a sheet that inflates to `gigabytes` GB of spaces between its rows (1 MB of spaces
 * deflates to ~1 KB, and the same segment is written again and again). `lie`: the directory declares
 * the sheet 60 KB, as a bomb made to pass a size check would.
 */
export function writeBomb(path: string, gigabytes: number, lie: boolean): void {
  const zip = new ZipWriter(path);
  skeleton(zip);
  // a bomb carries no true checksum: computing one would mean going through the gigabytes
  const spaces = { ...segment(Buffer.alloc(MB, ' ')), crc: (prev: number) => prev };
  const head = segment(Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>房号</t></is></c></row>`));
  const tail = segment(Buffer.from('</sheetData></worksheet>'));
  const blocks = Math.round(gigabytes * 1024);
  function* parts() {
    yield head;
    for (let i = 0; i < blocks; i++) yield spaces;
    yield tail;
  }
  // the real size passes 4 GB only for bombs bigger than these tests make
  zip.addDeflated('xl/worksheets/sheet1.xml', parts(), lie ? 60 * 1024 : undefined);
  zip.close();
}

/**
 * `rows` data rows below a roster header, written as raw sheet XML and deflated 1,000 rows at a time:
 * 楼栋 and 房号 with cell addresses (a sheet the direct reader reads), or without them (which only
 * exceljs reads: addresses are optional) and a 建筑面积 besides.
 */
export function writeHugeSheet(path: string, rows: number, addresses = true): void {
  const zip = new ZipWriter(path);
  skeleton(zip);
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  function* parts() {
    yield segment(Buffer.from(`${SHEET_HEAD}<row r="1">${cell('A1', '楼栋')}${cell('B1', '房号')}${cell('C1', '建筑面积')}</row>`));
    for (let from = 2; from <= rows + 1; from += 1000) {
      let xml = '';
      for (let r = from; r < Math.min(from + 1000, rows + 2); r++) {
        const building = 1 + Math.floor(r / 500);
        const room = 1000 + (r % 500);
        xml += addresses
          ? `<row r="${r}"><c r="A${r}"><v>${building}</v></c><c r="B${r}"><v>${room}</v></c></row>`
          : `<row r="${r}"><c><v>${building}</v></c><c><v>${room}</v></c><c><v>${89 + (r % 40)}</v></c></row>`;
      }
      yield segment(Buffer.from(xml));
    }
    yield segment(Buffer.from('</sheetData></worksheet>'));
  }
  zip.addDeflated('xl/worksheets/sheet1.xml', parts());
  zip.close();
}

const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>房号</t></is></c><c r="B1" t="inlineStr"><is><t>业主姓名</t></is></c></row>';
const HYPERLINK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`;

/** A two-row sheet with one merged range over every cell of the sheet (17 billion cells once spread out). */
export function writeMergeBomb(path: string): void {
  const zip = new ZipWriter(path);
  skeleton(zip);
  zip.add('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${HEADER_ROW}</sheetData><mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells></worksheet>`);
  zip.close();
}

/**
 * A two-row sheet with a hyperlink (which only exceljs reads) and a defined name and a data validation
 * over a whole sheet, which exceljs spreads into an object per cell.
 */
export function writeNameBomb(path: string): void {
  const zip = new ZipWriter(path);
  skeleton(zip, `<definedNames><definedName name="全表">业主名册!$A$1:$XFD$1048576</definedName></definedNames>`, HYPERLINK_RELS);
  zip.add(
    'xl/worksheets/sheet1.xml',
    `${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>1-101</t></is></c><c r="B2" t="inlineStr"><is><t>张三</t></is></c></row></sheetData>` +
      `<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>` +
      `<hyperlinks><hyperlink ref="A2" r:id="rId1"/></hyperlinks></worksheet>`,
  );
  zip.close();
}

/** A proper zip holding no workbook: a text file and a picture. */
export function writeNotAWorkbookZip(path: string): void {
  const zip = new ZipWriter(path);
  zip.add('readme.txt', '这是一个普通的压缩包，不是 Excel 工作簿。');
  zip.add('photo.png', PNG);
  zip.close();
}

/** the first bytes of a PNG picture, and enough after them to look like one */
export const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(4096, 7)]);
