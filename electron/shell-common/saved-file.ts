// Writing a file the renderer handed over (exports, documents): a name safe on every OS, and write
// failures turned into a Chinese message. Pure module (no 'electron' import): used by the Electron
// save dialog and the harness downloads folder alike.
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../core/errors';

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** well below the 255-byte limit of most file systems (Chinese is 3 bytes in UTF-8) */
const MAX_NAME_BYTES = 200;

const utf8Bytes = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** The longest start of `text` that fits in `max` UTF-8 bytes, cut between characters (one pass). */
function clipUtf8(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += utf8Bytes(ch.codePointAt(0) ?? 0);
    if (bytes > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** Keeps Chinese and ordinary characters, drops path separators and characters Windows forbids. */
export function safeFileName(name: string, fallback = '导出文件'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .replace(/[<>:"|?*\p{Cc}]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // a leading dot hides the file elsewhere
    .replace(/^\.+/, '');
  // Windows strips trailing dots and spaces (a loop: the regex /[. ]+$/ retries from every dot of a long run)
  let end = clean.length;
  while (end > 0 && (clean[end - 1] === '.' || clean[end - 1] === ' ')) end--;
  clean = clean.slice(0, end);
  if (!clean) clean = fallback;
  if (RESERVED_WINDOWS.test(clean)) clean = `_${clean}`;
  if (Buffer.byteLength(clean, 'utf8') > MAX_NAME_BYTES) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clipUtf8(clean.slice(0, clean.length - ext.length), MAX_NAME_BYTES - Buffer.byteLength(ext, 'utf8')) + ext;
  }
  return clean;
}

function writeFailureReason(err: unknown): string {
  const code = err instanceof Error && 'code' in err ? String(err.code) : '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
  if (code === 'EBUSY') return '文件正被其他程序打开';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'ENOENT') return '目标文件夹不存在';
  if (code === 'EEXIST') return '文件已存在';
  return '写入失败';
}

const failed = (err: unknown, path: string) =>
  new UserError('FILE', `文件未保存：${writeFailureReason(err)}（${path}）。请关闭占用该文件的程序或换一个位置后重试。`);

/** Writes the bytes over `path` (a path the user chose in a save dialog); a failure becomes a UserError naming the reason and the path. */
export async function writeSavedFile(path: string, dataBase64: string): Promise<void> {
  try {
    await writeFile(path, Buffer.from(dataBase64, 'base64'));
  } catch (err) {
    throw failed(err, path);
  }
}

/**
 * Writes the bytes as a new file in `dir`: "报表.xlsx", else "报表 (1).xlsx", "报表 (2).xlsx" … Each
 * name is created exclusively ('wx'), so two saves at once never pick the same free name and
 * nothing already saved is overwritten. Returns the path written.
 */
export async function writeNewFile(dir: string, name: string, dataBase64: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  const bytes = Buffer.from(dataBase64, 'base64');
  for (let n = 0; ; n++) {
    const path = join(dir, n ? `${stem} (${n})${ext}` : name);
    try {
      await writeFile(path, bytes, { flag: 'wx' });
      return path;
    } catch (err) {
      // taken: the next number (a folder of ten thousand copies is a reason to stop)
      if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST' && n < 10_000)) throw failed(err, path);
    }
  }
}
