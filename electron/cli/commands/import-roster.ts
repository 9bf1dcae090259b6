import { commitLoaded, loadRoster, planRoster, resolveMapping } from '../../core/imports/roster/service';
import type { RosterCommitResultT } from '../../../shared/contract/imports';
import { processIo, runImport, type CliIo, type ImportArgs } from './run-import';

export type ImportRosterArgs = ImportArgs;
/** The CLI's JSON answer; for a dry run, `created` is what the import WOULD create. */
export type ImportRosterOutput = RosterCommitResultT;

/** Rejected rows and warnings, one line each with its Excel row number. */
export function rowLines(out: { rejected: { row: number; reason: string }[]; warnings: { row: number; reason: string }[] }): string[] {
  const lines: string[] = [];
  if (out.rejected.length) lines.push('拒绝的行：', ...out.rejected.map((r) => `  第${r.row}行：${r.reason}`));
  if (out.warnings.length) lines.push('提示：', ...out.warnings.map((w) => `  第${w.row}行：${w.reason}`));
  return lines;
}

function summary(out: ImportRosterOutput, file: string, estate: string, dryRun: boolean): string {
  return (
    [
      dryRun ? `试运行（未写入数据库）：${file} → 项目“${estate}”` : `名册导入完成：${file} → 项目“${estate}”`,
      `  接受 ${out.accepted} 行，拒绝 ${out.rejected.length} 行，提示 ${out.warnings.length} 条`,
      `  ${dryRun ? '将新建' : '新建'}房屋 ${out.created.houses} 户，人员 ${out.created.people} 人`,
      ...rowLines(out),
    ].join('\n') + '\n'
  );
}

/**
 * `frontdesk import-roster <file> --db <path> [--dry-run] [--json] [--estate <id|名称>]`.
 * Exit 0 when the import ran (rejected rows are reported, not a failure); 1 when the file or the
 * database cannot be used. With --json, stdout carries exactly one JSON object.
 */
export function importRosterCommand(args: ImportRosterArgs, io: CliIo = processIo): Promise<number> {
  return runImport(args, io, {
    load: loadRoster,
    run: async (ctx, loaded, estate, dryRun) => {
      const { mapping } = await resolveMapping(ctx.db, loaded);
      if (dryRun) {
        const plan = await planRoster(ctx.db, loaded, mapping, estate.id);
        return {
          accepted: plan.accepted,
          rejected: plan.rejected,
          warnings: plan.warnings,
          created: { houses: plan.willCreate.houses, people: plan.willCreate.people },
        };
      }
      return (await commitLoaded(ctx, loaded, mapping, estate.id as number)).result;
    },
    summary,
  });
}
