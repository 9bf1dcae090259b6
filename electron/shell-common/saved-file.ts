// Writing a file the renderer handed over (exports, documents): a name safe on every OS, and write
// failures turned into a Chinese message. Pure module (no 'electron' import): used by the Electron
// save dialog and the harness downloads folder alike.
import { writeFile } from 'node:fs/promises';
import { UserError } from '../core/errors';

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Keeps Chinese and ordinary characters, drops path separators and characters Windows forbids. */
export function safeFileName(name: string, fallback = '导出文件'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .replace(/[<>:"|?*\p{Cc}]/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows strips trailing dots and spaces, and a leading dot hides the file elsewhere
    .replace(/[. ]+$/, '')
    .replace(/^\.+/, '');
  if (!clean) clean = fallback;
  if (RESERVED_WINDOWS.test(clean)) clean = `_${clean}`;
  // stay well below the 255-byte limit of most file systems (Chinese is 3 bytes in UTF-8)
  while (Buffer.byteLength(clean, 'utf8') > 200) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, clean.length - ext.length - 1) + ext;
  }
  return clean;
}

function writeFailureReason(err: unknown): string {
  const code = err instanceof Error && 'code' in err ? String(err.code) : '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
  if (code === 'EBUSY') return '文件正被其他程序打开';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'ENOENT') return '目标文件夹不存在';
  return '写入失败';
}

/** Writes the bytes; a failure becomes a UserError naming the reason and the path. */
export async function writeSavedFile(path: string, dataBase64: string): Promise<void> {
  try {
    await writeFile(path, Buffer.from(dataBase64, 'base64'));
  } catch (err) {
    throw new UserError('FILE', `文件未保存：${writeFailureReason(err)}（${path}）。请关闭占用该文件的程序或换一个位置后重试。`);
  }
}
