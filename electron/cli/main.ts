import { UserError } from '../core/errors';
import { describeSqliteError } from '../core/backup/inspect';
import { UsageError, parse, required, userPath } from './args';
import { seedDemoUsage } from './commands/seed-demo';
import { backupUsage } from './commands/backup';
import { restoreUsage } from './commands/restore';
import { migrateUsage } from './commands/migrate';
import { documentUsage } from './commands/document';
import { reportUsage } from './commands/report';

// The admin's command line over the same services and database file as the app (docs/DOMAIN.md §5).
// Exit codes: 0 done, 1 failed (a Chinese reason on stderr), 2 wrong usage.

interface Command {
  usage: string;
  summary: string;
  run(argv: string[]): Promise<number>;
}

const importLedgerUsage = 'import-ledger 投诉台账.xlsx --db 数据库文件 [--estate 项目名称] [--dry-run] [--json]';
const importRosterUsage = 'import-roster 花名册.xlsx --db 数据库文件 [--estate 项目名称] [--dry-run] [--json]';

// commands load their modules only when used, so `help` is instant and one command's heavy
// dependencies (exceljs) never slow another
const COMMANDS: Record<string, Command> = {
  'seed-demo': {
    usage: seedDemoUsage,
    summary: '生成演示/培训用的小区数据（可重复：同一种子生成相同数据）',
    run: async (argv) => (await import('./commands/seed-demo')).seedDemoCommand(argv),
  },
  'import-roster': {
    usage: importRosterUsage,
    summary: '导入业主花名册（Excel）；--dry-run 只检查不写入，--json 输出机器可读结果',
    run: async (argv) => {
      const { values, positionals } = parse(
        argv,
        { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, estate: { type: 'string' } },
        1,
      );
      const file = positionals[0];
      if (!file) throw new UsageError('缺少花名册文件');
      const { importRosterCommand } = await import('./commands/import-roster');
      return importRosterCommand({
        file: userPath(file),
        db: userPath(required(values.db, '--db')),
        dryRun: values['dry-run'] === true,
        json: values.json === true,
        ...(values.estate ? { estate: values.estate } : {}),
      });
    },
  },
  'import-ledger': {
    usage: importLedgerUsage,
    summary: '导入历史投诉/报事台账（Excel），成为带时间线的工单；--dry-run 只检查不写入，--json 输出机器可读结果',
    run: async (argv) => {
      const { values, positionals } = parse(
        argv,
        { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, estate: { type: 'string' } },
        1,
      );
      const file = positionals[0];
      if (!file) throw new UsageError('缺少台账文件');
      const { importLedgerCommand } = await import('./commands/import-ledger');
      return importLedgerCommand({
        file: userPath(file),
        db: userPath(required(values.db, '--db')),
        dryRun: values['dry-run'] === true,
        json: values.json === true,
        ...(values.estate ? { estate: values.estate } : {}),
      });
    },
  },
  backup: {
    usage: backupUsage,
    summary: '在线备份数据库和工单照片，写成一个 .tar 文件并逐项校验（docs/BACKUP.md）；--out 为目录时自动按时间命名',
    run: async (argv) => (await import('./commands/backup')).backupCommand(argv),
  },
  restore: {
    usage: restoreUsage,
    summary: '从备份恢复数据库和照片；先完整检查备份，再把当前数据库另存为 .before-restore-时间.sqlite、照片文件夹移到 attachments.before-restore-时间',
    run: async (argv) => (await import('./commands/restore')).restoreCommand(argv),
  },
  document: {
    usage: documentUsage,
    summary: '把任一单据（受理单、派工单、入住资料包、通知、装修许可证、动火作业许可证、搬迁放行条）导出为可编辑的 Word 文件；--pdf 同时导出打印用的 PDF',
    run: async (argv) => (await import('./commands/document')).documentCommand(argv),
  },
  report: {
    usage: reportUsage,
    summary: '某项目某月的投诉统计（按中国时间划分月份）；--json 输出一个 JSON 对象',
    run: async (argv) => (await import('./commands/report')).reportCommand(argv),
  },
  migrate: {
    usage: migrateUsage,
    summary: '把数据库升级到本程序的数据版本（显示升级前后的版本）',
    run: async (argv) => (await import('./commands/migrate')).migrateCommand(argv),
  },
};

export function helpText(): string {
  const lines = [
    'FrontDesk 物业服务中心前台 —— 命令行管理工具',
    '',
    '用法：npm run cli -- <命令> [选项]',
    '',
    '命令：',
    ...Object.entries(COMMANDS).flatMap(([, c]) => [`  ${c.usage}`, `      ${c.summary}`]),
    '  help',
    '      显示本说明',
    '',
    '示例：',
    '  npm run cli -- seed-demo --db ./data/frontdesk.sqlite --houses 2000',
    '  npm run cli -- backup --db ./data/frontdesk.sqlite --out ./backups/',
    '  npm run cli -- document acceptance-slip --db ./data/frontdesk.sqlite --ticket 20261201-0001 --out ./受理单.docx',
    '  npm run cli -- restore --from ./backups/frontdesk-20261122-020000.tar --db ./data/frontdesk.sqlite',
    '',
    '退出码：0 成功；1 失败（原因见错误输出）；2 用法错误。',
  ];
  return lines.join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(helpText());
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`未知的命令：${name}\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`用法：npm run cli -- ${cmd.usage}\n${cmd.summary}`);
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`用法错误：${err.message}\n用法：npm run cli -- ${cmd.usage}`);
      return 2;
    }
    if (err instanceof UserError) {
      console.error(`错误：${err.message}`);
      return 1;
    }
    const code = err instanceof Error && 'code' in err ? String((err as { code: unknown }).code) : '';
    const message = code.startsWith('SQLITE_') ? `数据库${describeSqliteError(err)}` : err instanceof Error ? err.message : String(err);
    console.error(`操作失败：${message}`);
    if (process.env.FRONTDESK_DEBUG === '1' && err instanceof Error) console.error(err.stack);
    return 1;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`操作失败：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
