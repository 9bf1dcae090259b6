import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors';

const codeOf = (err: unknown) => (err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '');

/** Why a file operation failed, in words for the admin (the backup medium is often a USB stick or a share). */
export function fsReason(err: unknown): string {
  switch (codeOf(err)) {
    case 'ENOENT':
      return '该位置不存在，或不能在其中新建文件夹';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '磁盘是只读的';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'ENOTDIR':
      return '路径中有一段是文件，不是文件夹';
    case 'EEXIST':
      return '已有同名的文件';
    case 'EBUSY':
      return '文件正被其他程序使用';
    case 'EIO':
      return '读写出错（U 盘或网络共享是否已断开？）';
    case 'ENAMETOOLONG':
      return '路径太长';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * `mkdir -p` that always ends. Node's `mkdirSync(dir, { recursive: true })` loops for ever at 100 % CPU
 * when the system answers "not found" for a child of a folder that exists (/proc/x, a dangling
 * symlink): `backup --out /proc/x/y` spun that way. Here the missing folders are found by walking
 * up once, then each is created once, parent first; any refusal ends it with a Chinese reason.
 */
export function makeDirs(dir: string, what: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      if (codeOf(err) !== 'ENOENT' || dirname(p) === p) throw new UserError('FILE', `无法创建${what} ${resolve(dir)}（${fsReason(err)}）`);
      missing.push(p);
      continue;
    }
    if (!isDir) throw new UserError('FILE', `无法创建${what} ${resolve(dir)}（${p} 是文件，不是文件夹）`);
    break;
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (err) {
      // made meanwhile by someone else: fine, as long as it is a folder now
      if (codeOf(err) === 'EEXIST' && statSync(p, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw new UserError('FILE', `无法创建${what} ${p}（${fsReason(err)}）`);
    }
  }
}
