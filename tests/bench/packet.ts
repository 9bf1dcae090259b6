// 入住资料包 through the harness print engine: figures, not a test. `npx tsx tests/bench/packet.ts`
// alone (BENCH_PACKET_OUT=<dir> keeps the PDF and .docx to look at), or from tests/bench/run.ts.
// A temp estate with one 300-house building, every house with an owner; times one house's preview
// (HTML + Chromium PDF) and the whole building as a background batch: one PDF and one .docx.
// Targets (PRODUCT.md §4 brief): one house < 1 s, 300 houses < 30 s.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../../electron/harness/server';
import type { Channel, Input, Output } from '../../shared/contract';
import { signIn } from './sign-in';

const HOUSES = 300;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国';

export async function benchPacket(): Promise<{ onePreviewMs: number; building300Ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-packet-'));
  const h = await startHarness({ dbFile: join(dir, 'bench.sqlite'), port: 0, dataDir: dir });
  try {
    await signIn(h.dispatch);
    const call = async <C extends Channel>(channel: C, input: Input<C>) => {
      const r = await h.dispatch(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as Output<C>;
    };
    const { estateId } = await call('system.setup', { estateName: '翠湖花园', phone: '0755-8888 6666', demo: false });
    await call('system.settings.update', { companyName: '深圳市安居物业服务有限公司', showLogo: process.env.BENCH_PACKET_LOGO !== '0' });
    const b = await call('archives.buildings.create', { estateId, name: '3', floors: 30 });
    const ids: number[] = [];
    for (let i = 0; i < HOUSES; i++) {
      const unit = (i % 2) + 1;
      const floor = Math.floor(i / 10) + 1;
      const room = `${floor}${String((i % 5) + 1).padStart(2, '0')}`;
      const house = await call('archives.houses.create', {
        buildingId: b.id,
        unitName: String(unit),
        roomNo: `${room}${Math.floor(i / 5) % 2 ? 'B' : 'A'}`,
        floor,
        buildingArea: 89.5 + (i % 4) * 10,
        type: '住宅',
        status: '已售未交付',
      });
      const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 3) % GIVEN.length];
      await call('archives.people.attach', {
        houseId: house.id,
        role: 'owner',
        person: { name, phone: `138${String(10000000 + i).slice(-8)}` },
        allowDuplicate: true,
      });
      ids.push(house.id);
    }

    // warm: the print browser starts and the font files load once per process
    await call('documents.print.preview', { document: 'moveInPacket', houseIds: [ids[1]] });
    const t0 = performance.now();
    const one = await call('documents.print.preview', { document: 'moveInPacket', houseIds: [ids[0]], date: '2026-12-20', place: '3栋一楼大堂' });
    const onePreviewMs = performance.now() - t0;

    const t1 = performance.now();
    let status = await call('documents.batch.start', { request: { document: 'moveInPacket', houseIds: ids, date: '2026-12-20', place: '3栋一楼大堂' } });
    // when each phase began (准备资料 / 生成 PDF / 生成 Word), for the figures printed when run alone
    const phases: Array<[string, number]> = [[status.phase, 0]];
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      status = await call('documents.batch.status', { batchId: status.batchId });
      if (status.phase !== phases[phases.length - 1][0]) phases.push([status.phase, performance.now() - t1]);
    }
    const building300Ms = performance.now() - t1;
    if (status.state !== 'done' || !status.result) throw new Error(`批量未完成：${status.state} ${status.message ?? ''}`);

    const out = process.env.BENCH_PACKET_OUT;
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'one.pdf'), Buffer.from(one.pdfBase64, 'base64'));
      for (const format of ['pdf', 'docx'] as const) {
        const saved = await call('documents.batch.save', { batchId: status.batchId, format });
        if (saved.path) copyFileSync(saved.path, join(out, `building.${format}`));
      }
    }
    if (one.pages !== 9 || status.result.pages !== HOUSES * 9) throw new Error(`页数不对：单户 ${one.pages} 页，整栋 ${status.result.pages} 页`);
    if (process.env.BENCH_PACKET_PHASES) console.log(phases.map(([p, ms]) => `${p} @${(ms / 1000).toFixed(1)}s`).join(' → '));
    return { onePreviewMs, building300Ms };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('packet.ts')) {
  benchPacket().then(
    ({ onePreviewMs, building300Ms }) => {
      console.log(`入住资料包 单户预览（HTML + PDF）  ${onePreviewMs.toFixed(0).padStart(6)} ms   目标 < 1000 ms`);
      console.log(`入住资料包 ${HOUSES} 户批量（PDF + Word）${building300Ms.toFixed(0).padStart(6)} ms   目标 < 30000 ms`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
