// npm run harness -- --db FILE [--port N] [--data-dir DIR]
// Runs the harness from built JavaScript (out/main/harness.js, built by electron-vite with the app), so
// no TypeScript compiler runs at start (docs/PERFORMANCE.md, "Start"). When the build is missing or
// older than the sources it comes from, it is built first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// FRONTDESK_OUT_DIR: a build elsewhere (electron.vite.config.ts)
const outDir = process.env.FRONTDESK_OUT_DIR ? resolve(process.env.FRONTDESK_OUT_DIR) : join(root, 'out');
const built = join(outDir, 'main', 'harness.js');

/** The newest modification time of the files the harness is built from. */
function newestSource() {
  let newest = statSync(join(root, 'electron.vite.config.ts')).mtimeMs;
  for (const folder of ['electron', 'shared', 'resources']) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

if (!existsSync(built) || statSync(built).mtimeMs < newestSource()) {
  console.log(existsSync(built) ? '源代码已修改，正在重新构建……' : '尚未构建，正在构建……');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const run = spawnSync(bin, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) {
    console.error(`构建失败（electron-vite build，退出码 ${run.status ?? run.signal}），请先修正上面的错误。`);
    process.exit(1);
  }
}

await import(pathToFileURL(built).href);
