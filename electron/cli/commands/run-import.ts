import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openCliContext } from '../context';
import type { CoreContext } from '../../core/context';
import { UserError } from '../../core/errors';
import { createEstate } from '../../core/archives/places';

// What every Excel import command shares: read the file before touching the database, pick the
// estate, run (or dry-run) the import, print one JSON object or a Chinese summary, exit 0/1.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}
export const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

const DEFAULT_ESTATE = '默认项目';

export async function pickEstate(ctx: CoreContext, wanted: string | undefined, dryRun: boolean): Promise<{ id: number | null; name: string }> {
  const estates = await ctx.db.selectFrom('estates').select(['id', 'name']).where('voided_at', 'is', null).orderBy('id').execute();
  if (wanted !== undefined) {
    const found = estates.find((e) => String(e.id) === wanted.trim() || e.name === wanted.trim());
    if (!found) {
      const list = estates.map((e) => `${e.id} ${e.name}`).join('、') || '（无）';
      throw new UserError('NOT_FOUND', `未找到项目“${wanted}”。现有项目：${list}`);
    }
    return found;
  }
  if (estates.length) return estates[0];
  // a dry run writes nothing, so it previews against an empty estate instead of creating one
  if (dryRun) return { id: null, name: DEFAULT_ESTATE };
  const created = await createEstate(ctx, { name: DEFAULT_ESTATE });
  return { id: created.id, name: created.name };
}

export interface ImportArgs {
  file: string;
  db: string;
  dryRun: boolean;
  json: boolean;
  /** estate id or name; default: the first estate */
  estate?: string;
}

export interface ImportSteps<L, Out> {
  load(buffer: Buffer, fileName: string): Promise<L>;
  run(ctx: CoreContext, loaded: L, estate: { id: number | null; name: string }, dryRun: boolean): Promise<Out>;
  summary(out: Out, fileName: string, estateName: string, dryRun: boolean): string;
}

export async function runImport<L, Out>(args: ImportArgs, io: CliIo, steps: ImportSteps<L, Out>): Promise<number> {
  let buffer: Buffer;
  try {
    buffer = readFileSync(args.file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr(`无法读取文件：${args.file}（${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '没有权限或文件被占用'}）\n`);
    return 1;
  }
  const fileName = basename(args.file);
  let opened: Awaited<ReturnType<typeof openCliContext>> | null = null;
  try {
    // the file is read and checked before the database is touched
    const loaded = await steps.load(buffer, fileName);
    opened = await openCliContext(args.db);
    const estate = await pickEstate(opened.ctx, args.estate, args.dryRun);
    const out = await steps.run(opened.ctx, loaded, estate, args.dryRun);
    io.stdout(args.json ? `${JSON.stringify(out)}\n` : steps.summary(out, fileName, estate.name, args.dryRun));
    return 0;
  } catch (err) {
    if (err instanceof UserError) io.stderr(`${err.message}\n`);
    else io.stderr(`导入失败，数据库未改动：${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await opened?.close();
  }
}
