// Ticket list over 500,000 tickets: figures, not a test. `npx tsx tests/bench/tickets-bench.ts`
// alone, or chained after the lookup figures by `npm run bench` (tests/bench/run.ts imports
// ticketsBench). BENCH_TICKETS=100000 for a quicker run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { seedDemo } from '../../electron/core/demo/generate';
import { seedTickets } from '../../electron/core/desk/bench-seed';
import { optimizeDatabase } from '../../electron/core/db/connection';
import type { Input } from '../../shared/contract';
import { cstDate } from '../../shared/domain/time';
import { TicketPage } from '../../shared/contract/desk';
import { signIn } from './sign-in';

const COUNT = Number(process.env.BENCH_TICKETS ?? 500_000);
const RUNS = 7;
const TARGET_MS = 100;
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
/** pads to a display width, counting a Chinese character as two columns */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));

type ListInput = Input<'desk.tickets.list'>;

export async function ticketsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-t-'));
  const core = await createCore({ file: join(dir, 'bench.sqlite') }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
  await signIn(core.dispatch);
  try {
    let t0 = performance.now();
    const { estateId, houses } = await seedDemo(core.ctx, { houses: 2000, seed: 3 });
    const demoMs = performance.now() - t0;
    t0 = performance.now();
    seedTickets(core.ctx.sqlite, { count: COUNT, estateId });
    const seedMs = performance.now() - t0;
    optimizeDatabase(core.ctx.sqlite);
    console.log(
      `\n工单列表基准：${houses} 户演示数据（${(demoMs / 1000).toFixed(1)} s），${COUNT.toLocaleString()} 张工单，生成 ${(seedMs / 1000).toFixed(1)} s`,
    );

    // search texts drawn from the data, as staff would type them
    const sample = core.ctx.sqlite
      .prepare('select phone_digits, reporter, location from tickets where phone_digits is not null and house_id is not null order by id desc limit 1')
      .get() as {
      phone_digits: string;
      reporter: string;
      location: string;
    };
    const month = cstDate(Date.now() - 40 * 86_400_000).slice(0, 7);
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const deep = Math.max(0, Math.min(400_000, COUNT - 100));
    const cases: [string, ListInput | null][] = [
      ['首页（按受理时间）', { limit: 100 }],
      [`深翻页 offset ${deep.toLocaleString()}`, { offset: deep, limit: 100 }],
      ['按编号排序', { sort: 'no', limit: 100 }],
      ['按到期时间排序（全部）', { sort: 'due', limit: 100 }],
      ['按到期时间 深翻页', { sort: 'due', offset: Math.floor(deep / 2), limit: 100 }],
      ['状态+类型筛选', { status: ['已关闭'], type: ['投诉'], limit: 100 }],
      ['未结工单 按到期', { status: ['已受理', '已派工', '处理中', '挂起'], sort: 'due', limit: 100 }],
      ['已超时（按到期）', { due: 'overdue', sort: 'due', limit: 100 }],
      ['即将到期', { due: 'dueSoon', sort: 'due', limit: 100 }],
      ['类别+楼栋', { category: '工程维修', buildingId: 1, limit: 100 }],
      ['日期范围一个月', { from: `${month}-01`, to: `${month}-${lastDay}`, limit: 100 }],
      ['工单号前缀', { text: 'TS2026', limit: 100 }],
      ['文字「漏水」（常见）', { text: '漏水', limit: 100 }],
      [`电话 ${sample.phone_digits}（罕见）`, { text: sample.phone_digits, limit: 100 }],
      [`房号「${sample.location}」`, { text: sample.location, limit: 100 }],
      ['工作台', null],
    ];
    // per case: the first call (the count included, as when a filter is set) and then the next
    // pages as the list scrolls on (offsets 100, 200, …)
    console.log(`${pad('用例', 30)}${'首次 ms'.padStart(9)}${'翻页中位 ms'.padStart(12)}${'翻页p95'.padStart(9)}${'目标比'.padStart(8)}${'条数'.padStart(10)}`);
    const slow: string[] = [];
    for (const [name, input] of cases) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        if (input === null) {
          t0 = performance.now();
          const r = await core.dispatch('desk.dashboard', {});
          times.push(performance.now() - t0);
          if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        } else {
          // later pages stay inside the result (small results re-read their last page)
          const offset = i === 0 ? (input.offset ?? 0) : Math.max(0, Math.min((input.offset ?? 0) + i * 100, total - 100));
          t0 = performance.now();
          const r = await core.dispatch('desk.tickets.list', { ...input, offset });
          times.push(performance.now() - t0);
          if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
          total = TicketPage.parse(r.value).total;
        }
      }
      const first = times[0];
      const rest = times.slice(1).sort((a, b) => a - b);
      const worst = Math.max(first, pct(rest, 0.5));
      if (worst > TARGET_MS) slow.push(name);
      console.log(
        `${pad(name, 30)}${first.toFixed(1).padStart(9)}${pct(rest, 0.5).toFixed(1).padStart(12)}${pct(rest, 0.95).toFixed(1).padStart(9)}${`${(worst / TARGET_MS).toFixed(2)}×`.padStart(8)}${(input === null ? '' : total.toLocaleString()).padStart(10)}`,
      );
    }
    console.log(
      `（目标：每页 ${TARGET_MS} ms 以内，含总数；目标比取首次与翻页中位数的较大者，< 1 即达标）${slow.length ? `\n未达标：${slow.join('、')}` : ''}`,
    );
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /tickets-bench\.ts$/.test(process.argv[1])) await ticketsBench();
