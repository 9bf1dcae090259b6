import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import { invalid, notFound } from '../errors';
import { fileStamp } from '../backup/stamp';
import { prepared } from './prepared';

const MAX_BYTES = 10 * 1024 * 1024;

/** Photos live next to the database (attachments/<ticket id>/), never inside the renderer. */
export function attachmentsDir(dbFile: string): string {
  return join(dirname(dbFile), 'attachments');
}

function sniffImage(buf: Buffer): string | null {
  if (buf.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (buf.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return null;
}

export interface PreparedAttachment {
  fileName: string;
  data: Buffer;
  mime: string;
  sha256: string;
}

/** Checks every upload before anything is written, so a bad photo loses nothing. */
export function prepareAttachments(files: { fileName: string; dataBase64: string }[]): PreparedAttachment[] {
  return files.map((f, i) => {
    const data = Buffer.from(f.dataBase64, 'base64');
    if (data.length === 0) throw invalid(`第${i + 1}张照片是空文件`, { [`attachments.${i}`]: '空文件' });
    if (data.length > MAX_BYTES) throw invalid(`照片「${f.fileName}」超过10MB`, { [`attachments.${i}`]: '超过10MB' });
    const mime = sniffImage(data);
    if (!mime) throw invalid(`「${f.fileName}」不是图片（支持 JPG、PNG、WEBP、GIF）`, { [`attachments.${i}`]: '不是图片' });
    return { fileName: f.fileName.replace(/[\\/:*?"<>|]/g, '_').slice(0, 120), data, mime, sha256: createHash('sha256').update(data).digest('hex') };
  });
}

/** Writes one photo under a name of its own, through a temporary name (see storeAttachments); returns that name. */
function writePhoto(ctx: CoreContext, ticketId: number, f: PreparedAttachment, written: string[]): string {
  const dir = join(attachmentsDir(ctx.dbFile), String(ticketId));
  mkdirSync(dir, { recursive: true });
  const ext = f.mime.split('/')[1].replace('jpeg', 'jpg');
  const stored = `${randomUUID()}.${ext}`;
  const final = join(dir, stored);
  const temp = `${final}.part`;
  writeFileSync(temp, f.data);
  renameSync(temp, final);
  written.push(final);
  return stored;
}

/**
 * Writes the photos of one ticket and their rows, inside the caller's transaction. Each file gets
 * a name of its own (a random UUID), written to a temporary name and renamed when complete: a
 * rolled-back or crashed save can leave a stray file, but never one a later ticket (SQLite hands a
 * rolled-back id out again) or a later photo would pick up. Returns the files written, so the
 * caller can remove them if its transaction fails (discardFiles).
 */
export async function storeAttachments(
  ctx: CoreContext,
  trx: Transaction<DB>,
  ticketId: number,
  files: PreparedAttachment[],
  written: string[] = [],
): Promise<string[]> {
  for (const f of files) {
    const stored = writePhoto(ctx, ticketId, f, written);
    await trx
      .insertInto('attachments')
      .values({
        ticket_id: ticketId,
        file_name: f.fileName,
        stored_name: stored,
        mime: f.mime,
        size: f.data.length,
        sha256: f.sha256,
        created_at: ctx.now().toISOString(),
      })
      .execute();
  }
  return written;
}

/** storeAttachments for intake's synchronous transaction (desk/tickets.ts): the same files and rows, with their ids. */
export function storeAttachmentsSync(
  ctx: CoreContext,
  ticketId: number,
  files: PreparedAttachment[],
  written: string[],
): { id: number; fileName: string; mime: string; size: number; at: string }[] {
  return files.map((f) => {
    const stored = writePhoto(ctx, ticketId, f, written);
    const at = ctx.now().toISOString();
    const id = prepared(
      ctx.sqlite,
      'insert into attachments (ticket_id, file_name, stored_name, mime, size, sha256, created_at) values (?, ?, ?, ?, ?, ?, ?)',
    ).run(ticketId, f.fileName, stored, f.mime, f.data.length, f.sha256, at).lastInsertRowid;
    return { id: Number(id), fileName: f.fileName, mime: f.mime, size: f.data.length, at };
  });
}

const QUARANTINE_NOTE = `这些照片文件没有任何工单引用，程序启动时从 attachments 文件夹移到了这里（没有删除）。
通常是保存照片时程序被强行关闭或断电留下的：照片先写入磁盘，工单随后才保存。
确认无用后可以手动删除。
`;

/**
 * Moves every file under attachments/ that no attachments row refers to into
 * attachments-quarantine/<time>/ (never deletes it): what a crash between writing a photo and
 * COMMIT leaves (storeAttachments), and `.part` files of a write cut short. Their names are
 * unique, so nothing would read them, but their folder belongs to a ticket id SQLite hands out
 * again, and a stranger's photo must not sit there. The core starts this in the background.
 * Each ticket folder is checked while holding the connection (Kysely's lock): every photo is
 * written inside a transaction, which holds it too, so a file seen then is committed or a leftover.
 */
export async function quarantineOrphanPhotos(
  ctx: Pick<CoreContext, 'db' | 'sqlite' | 'dbFile'>,
  now = new Date(),
): Promise<{ moved: string[]; folder: string | null }> {
  const root = attachmentsDir(ctx.dbFile);
  if (ctx.dbFile === ':memory:' || !existsSync(root)) return { moved: [], folder: null };
  const folder = join(dirname(ctx.dbFile), 'attachments-quarantine', fileStamp(now));
  const moved: string[] = [];
  const move = (rel: string) => {
    let dest = join(folder, ...rel.split('/'));
    for (let i = 2; existsSync(dest); i++) dest = join(folder, ...`${rel}-${i}`.split('/'));
    mkdirSync(dirname(dest), { recursive: true });
    renameSync(join(root, ...rel.split('/')), dest);
    moved.push(rel);
  };
  const refs = ctx.sqlite.prepare('select stored_name from attachments where ticket_id = ?').pluck();
  for (const e of await readdir(root, { withFileTypes: true })) {
    if (!ctx.sqlite.open) break;
    await ctx.db.connection().execute(async () => {
      if (!(e.isDirectory() && /^\d{1,12}$/.test(e.name))) return move(e.name);
      const kept = new Set(refs.all(Number(e.name)) as string[]);
      for (const f of readdirSync(join(root, e.name), { withFileTypes: true })) if (!(f.isFile() && kept.has(f.name))) move(posix.join(e.name, f.name));
    });
  }
  if (moved.length) writeFileSync(join(folder, '说明.txt'), QUARANTINE_NOTE);
  return { moved, folder: moved.length ? folder : null };
}

/** Removes files written for a save that was rolled back (best effort: a leftover has a unique name no row refers to). */
export function discardFiles(paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}

export async function readAttachment(ctx: CoreContext, id: number): Promise<{ fileName: string; dataBase64: string }> {
  const a = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('附件');
  try {
    const data = readFileSync(join(attachmentsDir(ctx.dbFile), String(a.ticket_id), a.stored_name));
    return { fileName: a.file_name, dataBase64: data.toString('base64') };
  } catch {
    throw notFound('附件文件');
  }
}
