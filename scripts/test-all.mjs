// npm test — every check, in order, stopping at the first failure:
// type-check, layer boundaries, unit tests, build, browser and desktop tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const steps = [
  { name: '类型检查 / typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: '分层边界 / boundaries', cmd: process.execPath, args: [join(root, 'scripts', 'check-boundaries.mjs')] },
  { name: '单元测试 / unit tests (vitest)', cmd: bin('vitest'), args: ['run'] },
  { name: '构建 / build (electron-vite)', cmd: bin('electron-vite'), args: ['build'] },
  {
    name: '界面测试 / e2e + electron (playwright)',
    cmd: bin('playwright'),
    args: ['test'],
    before: () => {
      if (existsSync(chromium)) return null;
      return (
        `未找到 Chromium：${chromium}。请安装：apt-get install chromium fonts-noto-cjk（或设置 CHROMIUM_PATH）。\n` +
        `Chromium not found at ${chromium}. Install it: apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH).`
      );
    },
  },
];

const results = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function summary() {
  console.log('\n──── 测试汇总 / summary ────');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(36)} ${r.time}${r.note ? `  ${r.note}` : ''}`);
  for (const s of steps.slice(results.length)) console.log(`  - ${s.name.padEnd(36)} 未运行 / not run`);
}

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const problem = step.before?.();
  if (problem) {
    console.error(problem);
    results.push({ name: step.name, ok: false, time: '-', note: '环境缺失 / missing prerequisite' });
    summary();
    process.exit(1);
  }
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, time: seconds(Date.now() - started), note: run.error ? run.error.message : '' });
  if (!ok) {
    console.error(`\n✘ 失败于「${step.name}」，后续步骤未运行。/ Failed at "${step.name}"; later steps were not run.`);
    summary();
    process.exit(run.status || 1);
  }
}
summary();
console.log('\n全部通过 / all checks passed');
