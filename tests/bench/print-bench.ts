// Printing through the harness: figures, not a test. `npx tsx tests/bench/print-bench.ts` alone, or
// after the other figures by `npm run bench` (tests/bench/run.ts). Preview (render the HTML with the
// embedded font subset + Chromium PDF) and print (the kept job's bytes saved) of the 受理单 and the
// 派工单, over HTTP like the renderer, with the print browser warm. Target: < 1 s each (docs/PRINTING.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../../electron/harness/server';
import type { Channel, Input, Output } from '../../shared/contract';
import { signIn } from './sign-in';

const RUNS = Number(process.env.BENCH_PRINT_RUNS ?? 12);
const TARGET_MS = 1000;
/** pads to a display width, counting a Chinese character as two columns */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];

async function post<C extends Channel>(h: Harness, channel: C, input: Input<C>): Promise<Output<C>> {
  const res = await fetch(`${h.url}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const r = (await res.json()) as { ok: true; value: Output<C> } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** "第1处…第2处…": a description of n characters with many distinct characters, as a real one has */
const numberedText = (n: number) => {
  let s = '';
  for (let i = 1; s.length < n; i++) s += `第${i}处墙面渗水发霉，楼上装修后`;
  return s.slice(0, n);
};

/** Prints the table; returns the 受理单 preview p95 (the slip staff print after every intake) as `printSlip`. */
export async function printBench(): Promise<{ printSlip: { p95Ms: number } }> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-p-'));
  const h = await startHarness({ dbFile: join(dir, 'bench.sqlite'), port: 0, dataDir: dir });
  try {
    await signIn(h.dispatch);
    const call = async <C extends Channel>(channel: C, input: Input<C>) => {
      const r = await h.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as Output<C>;
    };
    const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
    const b = await call('archives.buildings.create', { estateId, name: '3', floors: 18 });
    const house = await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
    await call('system.settings.update', { staffName: '李静' });
    const ticket = async (description: string) => {
      const t = await call('desk.tickets.create', {
        type: '报修',
        channel: '来访',
        houseId: house.id,
        category: '工程维修',
        urgency: '一般',
        reporter: '王芳',
        phone: '13800001111',
        description,
      });
      await call('desk.tickets.transition', {
        id: t.ticket.id,
        action: 'dispatch',
        department: '工程部',
        assignee: '李师傅',
        note: '业主下午在家，先电话联系',
      });
      return t.ticket.id;
    };
    // a new ticket per run, each with a character of its own: every preview cuts a new font subset,
    // as a new slip at the counter does
    const MARKS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬';
    const tickets = async (base: string) => {
      const ids: number[] = [];
      for (let i = 0; i < RUNS; i++) ids.push(await ticket(`${base}（${MARKS[i % MARKS.length]}）`));
      return ids;
    };
    const short = await tickets('卫生间顶棚漏水，楼上装修后渗水，请尽快上门查看');
    const long = await tickets(numberedText(490));

    // the first preview after start pays for launching Chromium and loading the font files
    let t0 = performance.now();
    await post(h, 'documents.print.preview', { document: 'acceptanceSlip', ticketId: await ticket('首次预览') });
    const firstMs = performance.now() - t0;

    console.log(`\n打印基准：经 harness 的 HTTP 接口，打印浏览器已预热，每项 ${RUNS} 次（首次预览含启动 ${firstMs.toFixed(0)} ms）`);
    console.log(`  ${pad('', 24)} 预览 p50   预览 p95   打印 p50   打印 p95（毫秒）`);
    const cases = [
      ['受理单', 'acceptanceSlip', short],
      ['受理单（内容 500 字）', 'acceptanceSlip', long],
      ['派工单', 'workOrder', short],
      ['派工单（内容 500 字）', 'workOrder', long],
    ] as const;
    let worst = 0;
    let slipP95 = 0;
    for (const [label, document, ids] of cases) {
      const previews: number[] = [];
      const prints: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        t0 = performance.now();
        const preview = await post(h, 'documents.print.preview', { document, ticketId: ids[i] });
        previews.push(performance.now() - t0);
        t0 = performance.now();
        await post(h, 'documents.print.print', { jobId: preview.jobId });
        prints.push(performance.now() - t0);
      }
      previews.sort((a, b) => a - b);
      prints.sort((a, b) => a - b);
      worst = Math.max(worst, pct(previews, 0.95), pct(prints, 0.95));
      if (label === '受理单') slipP95 = pct(previews, 0.95);
      const f = (n: number) => n.toFixed(0).padStart(9);
      console.log(`  ${pad(label, 24)}${f(pct(previews, 0.5))}  ${f(pct(previews, 0.95))}  ${f(pct(prints, 0.5))}  ${f(pct(prints, 0.95))}`);
    }
    console.log(`  目标 ${TARGET_MS} ms：最慢的 p95 为 ${worst.toFixed(0)} ms，比值 ${(worst / TARGET_MS).toFixed(3)}`);
    return { printSlip: { p95Ms: Math.round(slipP95 * 1000) / 1000 } };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// run alone: npx tsx tests/bench/print-bench.ts
if (process.argv[1] && /print-bench\.ts$/.test(process.argv[1])) {
  printBench().catch((err: unknown) => {
    console.error(`打印基准运行失败：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
