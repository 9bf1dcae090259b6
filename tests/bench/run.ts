// `npm run bench`: figures, not a test. Seeds a 5,000-house estate in a temp database, times the
// generator and 200 search-box lookups of mixed forms, and prints median / p95 against the targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/connection';
import type { CoreContext } from '../../electron/core/context';
import { seedDemo } from '../../electron/core/demo/generate';
import { lookup } from '../../electron/core/search/lookup';
import { ticketsBench } from './tickets-bench';
import { printBench } from './print-bench';
import { benchPacket } from './packet';

const HOUSES = 5000;
const LOOKUPS = 200;
const TARGET = { seedMs: 5000, lookupMs: 50, lookupGoalMs: 20 };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
const f = (n: number) => n.toFixed(2).padStart(8);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-'));
  const file = join(dir, 'bench.sqlite');
  const opened = await openDatabase({ file });
  const ctx: CoreContext = { db: opened.db, sqlite: opened.sqlite, dbFile: file, actor: async () => '基准测试', now: () => new Date() };
  try {
    const t0 = performance.now();
    const seeded = await seedDemo(ctx, { houses: HOUSES, seed: 1 });
    const seedMs = performance.now() - t0;

    // query texts drawn from the data, as staff would type them
    const people = ctx.sqlite
      .prepare('select name, name_initials, name_pinyin, phone_digits from people where phone_digits is not null order by id limit 60')
      .all() as {
      name: string;
      name_initials: string;
      name_pinyin: string;
      phone_digits: string;
    }[];
    const rooms = ctx.sqlite
      .prepare(
        'select b.code b, u.code u, h.room_no r from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id order by h.id limit 40 offset 1000',
      )
      .all() as { b: string; u: string | null; r: string }[];
    const plates = ctx.sqlite.prepare('select plate from vehicles order by id limit 20').pluck().all() as string[];
    const forms: Record<string, string[]> = {
      '楼-单元-房号': rooms.map((x) => (x.u ? `${x.b}-${x.u}-${x.r}` : `${x.b}-${x.r}`)),
      '3栋2单元1502': rooms.map((x) => `${x.b}栋${x.u ? `${x.u}单元` : ''}${x.r}`),
      '3#1502': rooms.map((x) => `${x.b}#${x.r}`),
      房号: rooms.map((x) => x.r),
      姓名: people.map((p) => p.name),
      姓: people.map((p) => p.name.slice(0, 1)),
      拼音首字母: people.map((p) => p.name_initials),
      全拼前缀: people.map((p) => p.name_pinyin.slice(0, 5)),
      电话尾号: people.map((p) => p.phone_digits.slice(-4)),
      车牌: plates,
      车牌片段: plates.map((p) => p.slice(1, 5)),
    };
    const names = Object.keys(forms);
    const all: number[] = [];
    const byForm = new Map<string, number[]>(names.map((n) => [n, []]));
    for (let i = 0; i < LOOKUPS; i++) {
      const form = names[i % names.length];
      const list = forms[form];
      const q = list[Math.floor(i / names.length) % list.length];
      const s = performance.now();
      await lookup(ctx, q);
      const ms = performance.now() - s;
      all.push(ms);
      byForm.get(form)?.push(ms);
    }
    all.sort((a, b) => a - b);

    console.log(`FrontDesk 基准（${new Date().toISOString()}，Node ${process.version}）`);
    console.log(`演示数据：${seeded.houses} 户，${seeded.people} 人`);
    console.log(`生成演示数据      ${f(seedMs)} ms   目标 ${TARGET.seedMs} ms   比值 ${(seedMs / TARGET.seedMs).toFixed(3)}`);
    console.log(`查询 ${LOOKUPS} 次  中位数 ${f(pct(all, 0.5))} ms   p95 ${f(pct(all, 0.95))} ms   最大 ${f(all[all.length - 1])} ms`);
    console.log(
      `  对“即时”目标 ${TARGET.lookupMs} ms：中位数比值 ${(pct(all, 0.5) / TARGET.lookupMs).toFixed(3)}，p95 比值 ${(pct(all, 0.95) / TARGET.lookupMs).toFixed(3)}`,
    );
    console.log(`  对设计目标 ${TARGET.lookupGoalMs} ms：p95 比值 ${(pct(all, 0.95) / TARGET.lookupGoalMs).toFixed(3)}`);
    console.log('按查询形式（中位数 / p95，毫秒）：');
    for (const [form, times] of byForm) {
      times.sort((a, b) => a - b);
      console.log(`  ${f(pct(times, 0.5))} ${f(pct(times, 0.95))}   ${form}`);
    }
  } finally {
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => ticketsBench())
  .then(() => printBench())
  .then(async () => {
    const { onePreviewMs, building300Ms } = await benchPacket();
    console.log('入住资料包（300 户楼栋，每户 9 页）：');
    console.log(`  单户预览（HTML + PDF）     ${f(onePreviewMs)} ms   目标 1000 ms   比值 ${(onePreviewMs / 1000).toFixed(3)}`);
    console.log(`  整栋批量（一个 PDF + 一个 Word）${f(building300Ms)} ms   目标 30000 ms  比值 ${(building300Ms / 30000).toFixed(3)}`);
  })
  .catch((err: unknown) => {
    console.error(`基准运行失败：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
