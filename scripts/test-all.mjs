// npm test — every check, in order: types, lint, formatting, layers, dead code, unit tests, build,
// browser and desktop tests. A failed check does not hide the others: every step runs unless a step
// it needs failed (the browser tests need the build), and the summary names each failure with the
// command that reproduces or fixes it. Exits 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// TypeScript 7 (native) checks types; the `typescript` package is 6.0 only because typescript-eslint
// and dependency-cruiser need its JavaScript API (package.json).
const tsc7 = join(root, 'node_modules', '@typescript', 'native', 'bin', 'tsc');

const steps = [
  { id: 'typecheck', name: '类型检查 / typecheck (tsc 7)', cmd: process.execPath, args: [tsc7, '-p', 'tsconfig.json', '--noEmit'], again: 'npm run typecheck' },
  { id: 'lint', name: '代码检查 / lint (eslint)', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'], again: 'npm run lint', fix: 'npm run lint:fix' },
  {
    id: 'format',
    name: '格式 / format (prettier)',
    cmd: bin('prettier'),
    args: ['--check', '.', '--log-level', 'warn'],
    again: 'npm run format:check',
    fix: 'npm run format',
  },
  {
    id: 'layers',
    name: '分层依赖 / layers (dependency-cruiser)',
    cmd: bin('depcruise'),
    args: ['electron', 'shared', 'renderer/src', '--config', '.dependency-cruiser.cjs'],
    again: 'npm run lint:deps',
  },
  { id: 'knip', name: '无用代码 / unused code (knip)', cmd: bin('knip'), args: ['--no-progress'], again: 'npm run knip' },
  { id: 'unit', name: '单元测试 / unit tests (vitest)', cmd: bin('vitest'), args: ['run'], again: 'npm run test:unit' },
  { id: 'build', name: '构建 / build (electron-vite)', cmd: bin('electron-vite'), args: ['build'], again: 'npm run build' },
  {
    id: 'e2e',
    name: '界面测试 / e2e + electron (playwright)',
    cmd: bin('playwright'),
    args: ['test'],
    again: 'npm run test:e2e',
    needs: ['build'],
    before: () => {
      if (existsSync(chromium)) return null;
      return (
        `未找到 Chromium：${chromium}。请安装：apt-get install chromium fonts-noto-cjk poppler-utils（或设置 CHROMIUM_PATH）。\n` +
        `Chromium not found at ${chromium}. Install it: apt-get install chromium fonts-noto-cjk poppler-utils (or set CHROMIUM_PATH).`
      );
    },
  },
];

const WIDTH = 40;
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const results = new Map(); // id → { ok, time, note }

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const blockedBy = (step.needs ?? []).filter((id) => !results.get(id)?.ok);
  if (blockedBy.length) {
    const note = `未运行：${blockedBy.join(', ')} 失败 / not run: ${blockedBy.join(', ')} failed`;
    console.log(`  ${note}`);
    results.set(step.id, { ok: false, skipped: true, time: '-', note });
    continue;
  }
  const problem = step.before?.();
  if (problem) {
    console.error(problem);
    results.set(step.id, { ok: false, time: '-', note: '环境缺失 / missing prerequisite' });
    continue;
  }
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = run.status === 0;
  results.set(step.id, {
    ok,
    time: seconds(Date.now() - started),
    note: run.error ? run.error.message : ok ? '' : `退出码 / exit code ${run.status ?? run.signal}`,
  });
  if (!ok) console.error(`\n✘ 「${step.name}」失败 / failed — 重跑 / rerun: ${step.again}${step.fix ? `；修复 / fix: ${step.fix}` : ''}`);
}

console.log('\n──── 测试汇总 / summary ────');
for (const step of steps) {
  const r = results.get(step.id);
  const mark = r.ok ? '✔' : r.skipped ? '-' : '✘';
  console.log(`  ${mark} ${step.name.padEnd(WIDTH)} ${r.time.padStart(7)}${r.note ? `  ${r.note}` : ''}`);
}
const failed = steps.filter((s) => !results.get(s.id).ok && !results.get(s.id).skipped);
if (failed.length) {
  console.error(`\n✘ ${failed.length} 项检查失败 / ${failed.length} check(s) failed:`);
  for (const s of failed) console.error(`  ${s.name}: ${s.again}${s.fix ? `  (修复 / fix: ${s.fix})` : ''}`);
  process.exit(1);
}
console.log('\n全部通过 / all checks passed');
