import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

// The backup container: a plain POSIX ustar archive (docs/BACKUP.md), so 7-Zip, Windows Explorer and
// `tar` open it without FrontDesk. Only what a backup needs: regular files, names up to 100 bytes,
// sizes in octal or (beyond 8 GB) GNU base-256. Files are streamed, never held whole in memory.

const BLOCK = 512;
const CHUNK = 1024 * 1024;
const END = Buffer.alloc(BLOCK * 2);

/** A damaged or cut archive: `truncated` when it ends early (a copy or a write was interrupted). */
export class TarError extends Error {
  constructor(
    readonly kind: 'truncated' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

export interface Member {
  path: string;
  size: number;
  sha256: string;
}

const pad = (n: number) => (BLOCK - (n % BLOCK)) % BLOCK;

function octal(h: Buffer, at: number, len: number, value: number): void {
  h.write(value.toString(8).padStart(len - 1, '0'), at, len - 1, 'latin1');
  h[at + len - 1] = 0;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new TarError('corrupt', `文件名过长：${name}`);
  h.write(name, 0, 'utf8');
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  if (size < 8 ** 11) octal(h, 124, 12, size);
  else {
    // GNU base-256 for files of 8 GB and more
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 128);
  }
  octal(h, 136, 12, Math.floor(mtime.getTime() / 1000));
  h.fill(0x20, 148, 156);
  h[156] = 0x30; // '0': a regular file
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
  return h;
}

/** Writes an archive member by member; `finish` adds the end blocks and flushes to the disk. */
export class TarWriter {
  private pos = 0;
  private constructor(private readonly fh: FileHandle) {}

  static async create(file: string): Promise<TarWriter> {
    return new TarWriter(await open(file, 'w'));
  }

  private async write(buf: Buffer, length = buf.length): Promise<void> {
    for (let done = 0; done < length;) {
      const { bytesWritten } = await this.fh.write(buf, done, length - done, this.pos);
      done += bytesWritten;
      this.pos += bytesWritten;
    }
  }

  private async padTo(size: number): Promise<void> {
    if (pad(size)) await this.write(Buffer.alloc(pad(size)));
  }

  /** Copies a file in, hashing what was written. */
  async addFile(name: string, source: string): Promise<Member> {
    const src = await open(source, 'r');
    try {
      const st = await src.stat();
      await this.write(header(name, st.size, st.mtime));
      const hash = createHash('sha256');
      const buf = Buffer.alloc(Math.min(CHUNK, Math.max(st.size, 1)));
      let copied = 0;
      while (copied < st.size) {
        const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, st.size - copied), copied);
        if (bytesRead === 0) throw new TarError('truncated', `文件在读取时变短了：${source}`);
        hash.update(buf.subarray(0, bytesRead));
        await this.write(buf, bytesRead);
        copied += bytesRead;
      }
      await this.padTo(st.size);
      return { path: name, size: st.size, sha256: hash.digest('hex') };
    } finally {
      await src.close();
    }
  }

  async addBuffer(name: string, data: Buffer, mtime: Date): Promise<Member> {
    await this.write(header(name, data.length, mtime));
    await this.write(data);
    await this.padTo(data.length);
    return { path: name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  async finish(): Promise<void> {
    await this.write(END);
    await this.fh.sync();
    await this.fh.close();
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

function parseNumber(h: Buffer, at: number, len: number): number {
  if (h[at] & 0x80) {
    let v = 0;
    for (let i = at + 1; i < at + len; i++) v = v * 256 + h[i];
    return v;
  }
  const s = h
    .toString('latin1', at, at + len)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(s)) return NaN;
  return s === '' ? 0 : parseInt(s, 8);
}

const cString = (h: Buffer, at: number, len: number) => {
  const end = h.indexOf(0, at);
  return h.toString('utf8', at, end < 0 || end > at + len ? at + len : end);
};

/** Reads an archive front to back. `next()` is null at the end; `ended` says whether the end blocks were there. */
export class TarReader {
  private pos = 0;
  private pending = 0;
  ended = false;
  private constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  static async open(file: string): Promise<TarReader> {
    const fh = await open(file, 'r');
    return new TarReader(fh, (await fh.stat()).size);
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  async next(): Promise<{ name: string; size: number } | null> {
    if (this.pending) throw new Error('TarReader: the previous member was not read');
    const h = Buffer.alloc(BLOCK);
    const { bytesRead } = await this.fh.read(h, 0, BLOCK, this.pos);
    if (bytesRead === 0) return null;
    if (bytesRead < BLOCK) throw new TarError('truncated', '文件在中途结束');
    this.pos += BLOCK;
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return null;
    }
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
    if (parseNumber(h, 148, 8) !== sum) throw new TarError('corrupt', '文件头校验不符');
    const type = String.fromCharCode(h[156]);
    if (type !== '0' && type !== '\0') throw new TarError('corrupt', `含有不支持的条目类型「${type}」`);
    const size = parseNumber(h, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarError('corrupt', '文件大小无法识别');
    const prefix = h.toString('latin1', 257, 263) === 'ustar\u0000' ? cString(h, 345, 155) : '';
    const name = cString(h, 0, 100);
    this.pending = size;
    return { name: prefix ? `${prefix}/${name}` : name, size };
  }

  /** Reads the current member's data into `sink` (or past it) and returns its SHA-256. */
  async readData(sink?: (chunk: Buffer) => Promise<void>): Promise<string> {
    const size = this.pending;
    const hash = createHash('sha256');
    const buf = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let done = 0; done < size;) {
      const { bytesRead } = await this.fh.read(buf, 0, Math.min(buf.length, size - done), this.pos);
      if (bytesRead === 0) throw new TarError('truncated', '文件在中途结束');
      const chunk = buf.subarray(0, bytesRead);
      hash.update(chunk);
      if (sink) await sink(chunk);
      done += bytesRead;
      this.pos += bytesRead;
    }
    this.pending = 0;
    this.pos += pad(size);
    if (this.pos > this.size) throw new TarError('truncated', '文件在中途结束');
    return hash.digest('hex');
  }
}
