import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors';
import { fsReason } from './files';
import { TarError, TarReader, type Member } from './tar';

// What a backup file holds (docs/BACKUP.md): frontdesk.sqlite, then attachments/<ticket id>/<stored name>
// for every photo row, then manifest.json with the size and SHA-256 of each, written last so a cut file
// has none.

export const DB_MEMBER = 'frontdesk.sqlite';
export const MANIFEST_MEMBER = 'manifest.json';
export const FORMAT = 'frontdesk-backup';
export const FORMAT_VERSION = 1;
const MAX_MANIFEST = 64 * 1024 * 1024;

/** attachments/<ticket id>/<stored name>: the stored names the desk writes (a UUID and an image extension) */
const PHOTO = /^attachments\/(\d{1,12})\/([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

export function photoMember(ticketId: number, storedName: string): string | null {
  const path = `attachments/${ticketId}/${storedName}`;
  return PHOTO.test(path) && Buffer.byteLength(path) <= 100 ? path : null;
}

const member = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  lastMigration: z.string().nullable(),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  database: member,
  photos: z.array(member),
  /** photo rows whose file was not there when the backup was made */
  missingPhotos: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Why a backup file cannot be used, in Chinese; the caller says what it was doing. */
export class BackupFileProblem extends Error {}

const INCOMPLETE = '备份文件不完整（复制或写入时可能中断了），请换一份备份';

function parseManifest(data: Buffer): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString('utf8'));
  } catch {
    throw new BackupFileProblem('备份文件的清单已损坏');
  }
  const head = z.object({ format: z.literal(FORMAT), version: z.number() }).safeParse(raw);
  if (!head.success) throw new BackupFileProblem('该文件不是本程序的备份（清单无法识别）');
  if (head.data.version > FORMAT_VERSION)
    throw new BackupFileProblem(`该备份由较新版本的程序生成（备份格式 ${head.data.version}，本程序只认识格式 ${FORMAT_VERSION}），请先升级程序`);
  const m = manifestSchema.safeParse(raw);
  if (!m.success) throw new BackupFileProblem('备份文件的清单已损坏');
  return m.data;
}

export interface ExtractTo {
  /** where the database goes (a new file) */
  dbFile: string;
  /** a new folder that receives <ticket id>/<stored name> */
  photosDir: string;
}

async function writeTo(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'wx');
  } catch (err) {
    throw new UserError('FILE', `无法写入恢复用的临时文件 ${file}（${fsReason(err)}）`);
  }
}

/**
 * Reads a backup archive from end to end and checks every part against its manifest (present, same
 * size, same SHA-256, nothing extra). With `to`, it also writes the parts out while reading. Throws
 * BackupFileProblem when the file is cut, damaged or not ours.
 */
export async function readArchive(file: string, to?: ExtractTo): Promise<Manifest> {
  const reader = await TarReader.open(file);
  const seen = new Map<string, Member>();
  let manifest: Manifest | null = null;
  try {
    if (to)
      try {
        mkdirSync(to.photosDir);
      } catch (err) {
        throw new UserError('FILE', `无法新建恢复用的临时文件夹 ${to.photosDir}（${fsReason(err)}）`);
      }
    for (;;) {
      const e = await reader.next();
      if (!e) break;
      if (manifest) throw new BackupFileProblem('备份文件已损坏（清单之后还有内容）');
      if (seen.size === 0 && e.name !== DB_MEMBER) throw new BackupFileProblem('该文件不是本程序的备份');
      if (seen.has(e.name)) throw new BackupFileProblem(`备份文件已损坏（${e.name} 出现了两次）`);
      if (e.name === MANIFEST_MEMBER) {
        if (e.size > MAX_MANIFEST) throw new BackupFileProblem('备份文件的清单已损坏');
        const parts: Buffer[] = [];
        await reader.readData(async (c) => void parts.push(Buffer.from(c)));
        manifest = parseManifest(Buffer.concat(parts));
        continue;
      }
      let target: string | null = null;
      if (e.name === DB_MEMBER) target = to ? to.dbFile : null;
      else {
        const m = PHOTO.exec(e.name);
        if (!m) throw new BackupFileProblem(`备份文件含有无法识别的内容（${e.name}）`);
        if (to) {
          mkdirSync(join(to.photosDir, m[1]), { recursive: true });
          target = join(to.photosDir, m[1], m[2]);
        }
      }
      const out = target ? await writeTo(target) : null;
      try {
        const sha256 = await reader.readData(
          out
            ? async (c) => {
                await out.write(c);
              }
            : undefined,
        );
        await out?.sync();
        seen.set(e.name, { path: e.name, size: e.size, sha256 });
      } finally {
        await out?.close();
      }
    }
    if (!manifest) throw new BackupFileProblem(reader.ended ? '备份文件已损坏（缺少清单）' : INCOMPLETE);
    const check = (m: Member, what: string) => {
      const got = seen.get(m.path);
      if (!got) throw new BackupFileProblem(`备份文件不完整（缺少${what}）`);
      if (got.size !== m.size || got.sha256 !== m.sha256) throw new BackupFileProblem(`备份中的${what}校验不符（文件已损坏）`);
      seen.delete(m.path);
    };
    if (manifest.database.path !== DB_MEMBER) throw new BackupFileProblem('备份文件的清单已损坏');
    check(manifest.database, '数据库');
    for (const p of manifest.photos) check(p, `照片 ${p.path}`);
    const [extra] = seen.keys();
    if (extra) throw new BackupFileProblem(`备份文件已损坏（${extra} 不在清单中）`);
    return manifest;
  } catch (err) {
    if (err instanceof TarError) throw new BackupFileProblem(err.kind === 'truncated' ? INCOMPLETE : `备份文件已损坏（${err.message}）`);
    if (err instanceof UserError || err instanceof BackupFileProblem) throw err;
    throw new UserError('FILE', `无法读取备份文件（${fsReason(err)}）`);
  } finally {
    await reader.close();
  }
}
