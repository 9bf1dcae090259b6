// `npm run bench`: figures, not a test (docs/PERFORMANCE.md). Every part works on a fresh copy of the
// cached reference database (tests/bench/reference-db.ts: 20,000 houses, 60,000 people, 500,000
// tickets) and measures the app's path against the best raw statement for the same answer in the same
// run. `--json` prints one object (issue 10's shape) on stdout and the human table on stderr;
// `--all` adds the older tables (ticket list cases, print, move-in packet).
import { rmSync } from 'node:fs';
import { format } from 'node:util';
import { REFERENCE, referenceCopy } from './reference-db';
import { ratio, type Figure, type Timed } from './measure';
import { lookupBench } from './lookup-bench';
import { deskBench } from './desk-bench';
import { importBench } from './import-bench';
import { startBench } from './start-bench';
import { reportBench } from './report-bench';
import { printBench } from './print-bench';
import { ticketsBench } from './tickets-bench';
import { benchPacket } from './packet';

const json = process.argv.includes('--json');
const all = process.argv.includes('--all');
// in JSON mode stdout carries the object alone
if (json) console.log = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);

/** one part on its own copy: intake and imports write, and a part must not see another's writes */
async function onCopy<T>(part: (file: string) => Promise<T>): Promise<T> {
  const { file, dir } = await referenceCopy();
  try {
    return await part(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Target {
  /** the most app/raw may be */
  ratio?: number;
  /** the most the app's figure may be, in ms */
  ms?: number;
}
const LOOKUP: Target = { ratio: 2, ms: 1 };
const LIST: Target = { ratio: 2, ms: 20 };

async function main() {
  const started = performance.now();
  const lookup = await onCopy(lookupBench);
  const desk = await onCopy(deskBench);
  const imports = await onCopy(importBench);
  const start = await onCopy(startBench);
  const report = await onCopy(reportBench);
  const print = await printBench();

  const result = {
    scale: { houses: REFERENCE.houses, people: REFERENCE.people, tickets: REFERENCE.tickets },
    lookup,
    intake: desk.intake,
    listOverdue: desk.listOverdue,
    listText: desk.listText,
    listFirstPage: desk.listFirstPage,
    dashboard: desk.dashboard,
    printSlip: print.printSlip,
    rosterImport20k: imports.rosterImport20k,
    ledgerImport10k: imports.ledgerImport10k,
    harnessStart: start.harnessStart,
    monthlyReport: report.monthlyReport,
  };

  const rows: [string, Figure | Timed | { p95Ms: number } | { ms: number }, Target][] = [
    ...Object.entries(lookup).map(([k, v]): [string, Figure, Target] => [`lookup.${k}`, v, LOOKUP]),
    ['intake', desk.intake, { ratio: 2 }],
    ['listOverdue', desk.listOverdue, LIST],
    ['listText', desk.listText, LIST],
    ['listFirstPage', desk.listFirstPage, LIST],
    ['dashboard', desk.dashboard, LIST],
    ['printSlip', print.printSlip, { ms: 1000 }],
    ['rosterImport20k', imports.rosterImport20k, { ratio: 1.5, ms: 3000 }],
    ['ledgerImport10k', imports.ledgerImport10k, { ratio: 1.5, ms: 5000 }],
    ['harnessStart', start.harnessStart, { ms: 1500 }],
    ['monthlyReport', report.monthlyReport, { ms: 1000 }],
  ];
  console.log(
    `\nFrontDesk 基准（${new Date().toISOString()}，Node ${process.version}）：${REFERENCE.houses} 户、${REFERENCE.people} 人、${REFERENCE.tickets} 张工单`,
  );
  console.log(`${'项目'.padEnd(22)}${'应用 ms'.padStart(10)}${'原生 ms'.padStart(10)}${'比值'.padStart(8)}   目标`);
  const missed: string[] = [];
  for (const [name, f, target] of rows) {
    const app = 'p95Ms' in f ? f.p95Ms : f.ms;
    const raw = 'rawP95Ms' in f ? f.rawP95Ms : 'rawMs' in f ? f.rawMs : null;
    const r = raw === null ? null : ratio(f as Figure | Timed);
    const ok = (target.ms === undefined || app < target.ms) && (target.ratio === undefined || (r !== null && r <= target.ratio));
    if (!ok) missed.push(name);
    const goal = [target.ms !== undefined ? `< ${target.ms} ms` : '', target.ratio !== undefined ? `≤ ${target.ratio}×` : ''].filter(Boolean).join('，');
    console.log(
      `${name.padEnd(22)}${app.toFixed(2).padStart(10)}${(raw === null ? '—' : raw.toFixed(2)).padStart(10)}${(r === null ? '—' : `${r.toFixed(2)}×`).padStart(8)}   ${goal}${ok ? '' : '  未达标'}`,
    );
  }
  console.log(missed.length ? `未达标：${missed.join('、')}` : '全部达标');
  console.log(`（p95 或单次耗时；比值 = 应用 / 同一次运行中的原生 SQLite 语句；共用时 ${((performance.now() - started) / 1000).toFixed(0)} s）`);

  if (all) {
    await ticketsBench();
    const { onePreviewMs, building300Ms } = await benchPacket();
    console.log('入住资料包（300 户楼栋，每户 9 页）：');
    console.log(`  单户预览（HTML + PDF）     ${onePreviewMs.toFixed(0)} ms   目标 1000 ms`);
    console.log(`  整栋批量（一个 PDF + 一个 Word）${building300Ms.toFixed(0)} ms   目标 30000 ms`);
  }
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  console.error(`基准运行失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
