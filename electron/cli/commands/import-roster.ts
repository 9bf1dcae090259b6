import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openCliContext } from '../context';
import type { CoreContext } from '../../core/context';
import { UserError } from '../../core/errors';
import { createEstate } from '../../core/archives/places';
import { commitLoaded, loadRoster, planRoster, resolveMapping } from '../../core/imports/roster/service';
import type { RosterCommitResultT } from '../../../shared/contract/imports';

export interface ImportRosterArgs {
  file: string;
  db: string;
  dryRun: boolean;
  json: boolean;
  /** estate id or name; default: the first estate */
  estate?: string;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}
export const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** The CLI's JSON answer; for a dry run, `created` is what the import WOULD create. */
export type ImportRosterOutput = RosterCommitResultT;

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

function summary(out: ImportRosterOutput, file: string, estate: string, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(dryRun ? `试运行（未写入数据库）：${file} → 项目“${estate}”` : `名册导入完成：${file} → 项目“${estate}”`);
  lines.push(`  接受 ${out.accepted} 行，拒绝 ${out.rejected.length} 行，提示 ${out.warnings.length} 条`);
  lines.push(`  ${dryRun ? '将新建' : '新建'}房屋 ${out.created.houses} 户，人员 ${out.created.people} 人`);
  if (out.rejected.length) {
    lines.push('拒绝的行：');
    for (const r of out.rejected) lines.push(`  第${r.row}行：${r.reason}`);
  }
  if (out.warnings.length) {
    lines.push('提示：');
    for (const w of out.warnings) lines.push(`  第${w.row}行：${w.reason}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * `frontdesk import-roster <file> --db <path> [--dry-run] [--json] [--estate <id|名称>]`.
 * Exit 0 when the import ran (rejected rows are reported, not a failure); 1 when the file or the
 * database cannot be used. With --json, stdout carries exactly one JSON object.
 */
export async function importRosterCommand(args: ImportRosterArgs, io: CliIo = processIo): Promise<number> {
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
    const loaded = await loadRoster(buffer, fileName);
    opened = await openCliContext(args.db);
    const { ctx } = opened;
    const estate = await pickEstate(ctx, args.estate, args.dryRun);
    const { mapping } = await resolveMapping(ctx.db, loaded);
    let out: ImportRosterOutput;
    if (args.dryRun) {
      const plan = await planRoster(ctx.db, loaded, mapping, estate.id);
      out = { accepted: plan.accepted, rejected: plan.rejected, warnings: plan.warnings, created: { houses: plan.willCreate.houses, people: plan.willCreate.people } };
    } else {
      out = (await commitLoaded(ctx, loaded, mapping, estate.id as number)).result;
    }
    io.stdout(args.json ? `${JSON.stringify(out)}\n` : summary(out, fileName, estate.name, args.dryRun));
    return 0;
  } catch (err) {
    if (err instanceof UserError) io.stderr(`${err.message}\n`);
    else io.stderr(`导入失败，数据库未改动：${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await opened?.close();
  }
}
