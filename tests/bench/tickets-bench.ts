// Ticket list over 500,000 tickets: figures, not a test (run by `npm run bench`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { seedDemo } from '../../electron/core/demo/generate';
import { seedTickets } from '../../electron/core/desk/bench-seed';

const COUNT = Number(process.env.BENCH_TICKETS ?? 500_000);
const TARGET_MS = 100;
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];

export async function ticketsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-t-'));
  const core = await createCore({ file: join(dir, 'bench.sqlite') }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
  try {
    const { estateId } = await seedDemo(core.ctx, { houses: 2000, seed: 3 });
    let t0 = performance.now();
    seedTickets(core.ctx.sqlite, { count: COUNT, estateId });
    console.log(`\n工单列表基准：${COUNT.toLocaleString()} 张工单，生成 ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    core.ctx.sqlite.exec('analyze');
    const cases: [string, unknown][] = [
      ['首页（按受理时间）', { limit: 100 }],
      ['深翻页 offset 400000', { offset: 400_000, limit: 100 }],
      ['状态+类型筛选', { status: ['已关闭'], type: ['投诉'], limit: 100 }],
      ['未结工单', { status: ['已受理', '已派工', '处理中', '挂起'], limit: 100 }],
      ['已超时（按到期）', { due: 'overdue', sort: 'due', limit: 100 }],
      ['文字搜索「漏水」', { text: '漏水', limit: 100 }],
      ['工单号前缀', { text: 'TS2026', limit: 100 }],
      ['日期范围一个月', { from: '2026-10-01', to: '2026-10-31', limit: 100 }],
      ['工作台', null],
    ];
    console.log('用例'.padEnd(22), '中位数 ms'.padStart(10), 'p95 ms'.padStart(9), '目标比'.padStart(8));
    for (const [name, input] of cases) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        t0 = performance.now();
        const r = input === null ? await core.dispatch('desk.dashboard', {}) : await core.dispatch('desk.tickets.list', input);
        times.push(performance.now() - t0);
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      }
      times.sort((a, b) => a - b);
      const med = pct(times, 0.5);
      console.log(name.padEnd(22), med.toFixed(1).padStart(10), pct(times, 0.95).toFixed(1).padStart(9), `${(med / TARGET_MS).toFixed(2)}×`.padStart(8));
    }
    console.log(`（目标：每页 ${TARGET_MS} ms 以内；比值 < 1 即达标）`);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /tickets-bench\.ts$/.test(process.argv[1])) await ticketsBench();
