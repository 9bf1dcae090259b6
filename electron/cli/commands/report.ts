import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError, parse, positiveInt, required, userPath } from '../args';
import { mustExist, openCliContext } from '../context';
import { UserError } from '../../core/errors';
import { MonthStr } from '../../../shared/contract/reports';
import { monthlyReport } from '../../core/reports/monthly';
import { reportJson } from '../../core/reports/json';

export const reportUsage = 'report monthly --db 数据库文件 --month YYYY-MM [--estate 项目编号] [--xlsx 文件.xlsx] [--docx 文件.docx] [--json]';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** The monthly complaint statistics of one estate (docs/REPORTS.md). */
export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      month: { type: 'string' },
      estate: { type: 'string' },
      xlsx: { type: 'string' },
      docx: { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  );
  if (positionals[0] !== 'monthly') throw new UsageError(`未知的报表：${positionals[0] ?? '（缺少）'}（可选：monthly）`);
  const db = userPath(required(values.db, '--db'));
  const month = MonthStr.safeParse(required(values.month, '--month'));
  if (!month.success) throw new UsageError(month.error.issues[0]?.message ?? '月份应为 YYYY-MM');
  const xlsx = typeof values.xlsx === 'string' ? userPath(values.xlsx) : null;
  if (xlsx && !/\.xlsx$/i.test(xlsx)) throw new UsageError('--xlsx 应为 .xlsx 文件');
  const docx = typeof values.docx === 'string' ? userPath(values.docx) : null;
  if (docx && !/\.docx$/i.test(docx)) throw new UsageError('--docx 应为 .docx 文件');
  mustExist(db);
  const { ctx, close } = await openCliContext(db);
  try {
    let estateId: number;
    if (values.estate !== undefined) estateId = positiveInt(values.estate, '--estate', 1);
    else {
      const first = await ctx.db.selectFrom('estates').select('id').where('voided_at', 'is', null).orderBy('id').executeTakeFirst();
      if (!first) throw new UserError('NOT_FOUND', '数据库里还没有项目');
      estateId = first.id;
    }
    const r = await monthlyReport(ctx, { estateId, month: month.data });
    if (xlsx) {
      const { monthlyWorkbook } = await import('../../core/reports/workbook');
      await mkdir(dirname(xlsx), { recursive: true });
      await writeFile(xlsx, await monthlyWorkbook(ctx, r));
      // with --json stdout holds the one object only
      (values.json ? console.error : console.log)(`已生成 Excel：${xlsx}`);
    }
    if (docx) {
      const { monthlyWordReport } = await import('../../core/reports/word-report');
      await mkdir(dirname(docx), { recursive: true });
      await writeFile(docx, await monthlyWordReport(r));
      (values.json ? console.error : console.log)(`已生成 Word：${docx}`);
    }
    if (values.json) {
      console.log(JSON.stringify(reportJson(r)));
      return 0;
    }
    const [y, m] = r.month.split('-');
    console.log(`${r.estateName}${y}年${Number(m)}月投诉统计`);
    console.log(
      `  各类报事：${Object.entries(r.byType)
        .map(([k, v]) => `${k} ${v}`)
        .join('，')}`,
    );
    console.log(
      `  投诉 ${r.complaints.total} 件（上月 ${r.complaints.previousMonth}，去年同月 ${r.complaints.sameMonthLastYear}），每百户 ${r.complaints.per100Households ?? '—'} 件`,
    );
    console.log(
      `  响应及时率 ${pct(r.timeliness.respondedOnTimeRate)}，处理及时率 ${pct(r.timeliness.resolvedOnTimeRate)}，结案率 ${pct(r.closure.closedRate)}`,
    );
    console.log(`  回访率 ${pct(r.callbacks.rate)}，满意率 ${pct(r.callbacks.satisfactionRate)}，重复投诉 ${r.repeats.length} 件`);
    return 0;
  } finally {
    await close();
  }
}
