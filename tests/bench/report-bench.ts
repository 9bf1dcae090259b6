// The monthly statistics (docs/REPORTS.md, Speed) on the reference database: computed and written to
// both files for the month nearest 10,000 tickets (issue 9's case, the `monthlyReport` figure), the
// month nearest 10,000 complaints and the busiest month. `npx tsx tests/bench/report-bench.ts` alone.
import { rmSync } from 'node:fs';
import { createCore } from '../../electron/core/index';
import { monthlyReport } from '../../electron/core/reports/monthly';
import { monthlyWorkbook } from '../../electron/core/reports/workbook';
import { monthlyWordReport } from '../../electron/core/reports/word-report';
import { median } from './measure';
import { referenceCopy } from './reference-db';
import { signIn } from './sign-in';

interface Month {
  m: string;
  n: number;
  c: number;
}

export async function reportBench(file: string): Promise<{ monthlyReport: { ms: number } }> {
  const core = await createCore({ file }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
  await signIn(core.dispatch);
  try {
    const estateId = Number(core.ctx.sqlite.prepare('select id from estates order by id limit 1').pluck().get());
    const months = core.ctx.sqlite
      .prepare(
        "select strftime('%Y-%m', received_at, '+8 hours') m, count(*) n, sum(type = '投诉') c from tickets where voided_at is null and estate_id = ? group by m order by m",
      )
      .all(estateId) as Month[];
    const nearest = (key: 'n' | 'c') => months.reduce((best, x) => (Math.abs(x[key] - 10_000) < Math.abs(best[key] - 10_000) ? x : best));
    const busiest = months.reduce((best, x) => (x.n > best.n ? x : best));
    const cases: [string, Month][] = [
      ['约一万张工单的月份', nearest('n')],
      ['约一万件投诉的月份', nearest('c')],
      ['最忙的月份', busiest],
    ];
    let target = 0;
    for (const [label, month] of cases) {
      const runs: { total: number; compute: number; xlsx: number; docx: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const report = await monthlyReport(core.ctx, { estateId, month: month.m });
        const t1 = performance.now();
        await monthlyWorkbook(core.ctx, report);
        const t2 = performance.now();
        await monthlyWordReport(report);
        const t3 = performance.now();
        runs.push({ total: t3 - t, compute: t1 - t, xlsx: t2 - t1, docx: t3 - t2 });
      }
      const med = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
      if (label === cases[0][0]) target = med('total');
      console.log(
        `月度投诉统计 ${label} ${month.m}（${month.n.toLocaleString()} 张工单，${month.c.toLocaleString()} 件投诉）：计算 + Excel + Word 中位 ${med('total').toFixed(0)} ms（计算 ${med('compute').toFixed(0)}，Excel ${med('xlsx').toFixed(0)}，Word ${med('docx').toFixed(0)}），目标 1000 ms，比值 ${(med('total') / 1000).toFixed(2)}`,
      );
    }
    return { monthlyReport: { ms: Math.round(target) } };
  } finally {
    await core.close();
  }
}

if (process.argv[1] && /report-bench\.ts$/.test(process.argv[1])) {
  const { file, dir } = await referenceCopy();
  try {
    console.log(JSON.stringify(await reportBench(file)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
