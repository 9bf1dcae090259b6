import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openCliContext } from '../context';
import { UserError } from '../../core/errors';
import { commitLedger, loadLedger, planLoaded, resolveLedgerMapping } from '../../core/imports/ledger/service';
import type { LedgerCommitResultT } from '../../../shared/contract/desk';
import { pickEstate, processIo, type CliIo } from './import-roster';

export interface ImportLedgerArgs {
  file: string;
  db: string;
  dryRun: boolean;
  json: boolean;
  estate?: string;
}

function summary(out: LedgerCommitResultT, file: string, estate: string, dryRun: boolean): string {
  const lines = [
    dryRun ? `试运行（未写入数据库）：${file} → 项目“${estate}”` : `台账导入完成：${file} → 项目“${estate}”`,
    `  接受 ${out.accepted} 行，拒绝 ${out.rejected.length} 行，提示 ${out.warnings.length} 条`,
    `  ${dryRun ? '将新建' : '新建'}工单 ${out.created.tickets} 张`,
  ];
  if (out.rejected.length) lines.push('拒绝的行：', ...out.rejected.map((r) => `  第${r.row}行：${r.reason}`));
  if (out.warnings.length) lines.push('提示：', ...out.warnings.map((w) => `  第${w.row}行：${w.reason}`));
  return lines.join('\n') + '\n';
}

/**
 * `import-ledger <file> --db <path> [--dry-run] [--json] [--estate <id|名称>]`: the historic complaint
 * ledger becomes ordinary tickets, marked imported. Exit 0 when it ran, 1 when the file or database cannot be used.
 */
export async function importLedgerCommand(args: ImportLedgerArgs, io: CliIo = processIo): Promise<number> {
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
    const loaded = await loadLedger(buffer, fileName);
    opened = await openCliContext(args.db);
    const { ctx } = opened;
    const estate = await pickEstate(ctx, args.estate, args.dryRun);
    // a dry run against a database without an estate previews against nothing (and creates nothing)
    const estateId = estate.id ?? -1;
    const { mapping } = await resolveLedgerMapping(ctx, loaded);
    let out: LedgerCommitResultT;
    if (args.dryRun) {
      const plan = await planLoaded(ctx, loaded, mapping, estateId);
      out = { accepted: plan.rows.filter((r) => r.status !== 'rejected').length, rejected: plan.rejected, warnings: plan.warnings, created: { tickets: plan.tickets.length } };
    } else out = (await commitLedger(ctx, loaded, mapping, estateId)).result;
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
