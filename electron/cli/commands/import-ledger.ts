import { commitLoadedLedger, ledgerOutcome, loadLedger, planLoaded, resolveLedgerMapping } from '../../core/imports/ledger/service';
import type { LedgerCommitResultT } from '../../../shared/contract/desk';
import { processIo, runImport, type CliIo, type ImportArgs } from './run-import';
import { rowLines } from './import-roster';

function summary(out: LedgerCommitResultT, file: string, estate: string, dryRun: boolean): string {
  return (
    [
      dryRun ? `试运行（未写入数据库）：${file} → 项目“${estate}”` : `台账导入完成：${file} → 项目“${estate}”`,
      `  接受 ${out.accepted} 行，拒绝 ${out.rejected.length} 行，提示 ${out.warnings.length} 条`,
      `  ${dryRun ? '将新建' : '新建'}工单 ${out.created.tickets} 张`,
      ...rowLines(out),
    ].join('\n') + '\n'
  );
}

/**
 * `import-ledger <file> --db <path> [--dry-run] [--json] [--estate <id|名称>]`: the historic complaint
 * ledger becomes ordinary tickets, marked imported. Exit 0 when it ran, 1 when the file or database cannot be used.
 */
export function importLedgerCommand(args: ImportArgs, io: CliIo = processIo): Promise<number> {
  return runImport(args, io, {
    load: loadLedger,
    run: async (ctx, loaded, estate, dryRun) => {
      // a dry run against a database without an estate previews against nothing (and creates nothing)
      const estateId = estate.id ?? -1;
      const { mapping } = await resolveLedgerMapping(ctx, loaded);
      if (!dryRun) return (await commitLoadedLedger(ctx, loaded, mapping, estateId)).result;
      return ledgerOutcome(await planLoaded(ctx, loaded, mapping, estateId));
    },
    summary,
  });
}
