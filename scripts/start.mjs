// npm start — builds the app and opens the desktop window.
// 1. electron-vite build  2. Electron's better-sqlite3 (native/electron)  3. Electron's binary  4. launch.
// The Electron binary is downloaded by node_modules/electron on first use; where that cannot happen
// (offline machine) this says so in plain words and points to the browser harness instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronPkg = join(root, 'node_modules', 'electron');
const nativeAddon = join(root, 'native', 'electron', 'better_sqlite3.node');
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

const harnessHint =
  '\n也可以先在浏览器里试用界面（无需 Electron）：\n' +
  '    npm run build\n' +
  '    npm run harness -- --db ./.data/试用.sqlite --port 5180\n' +
  '然后用浏览器打开 http://127.0.0.1:5180';

function step(title) {
  console.log(`\n[start] ${title}`);
}

/** Where node_modules/electron keeps its downloaded binary; null while it is not downloaded. */
function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(file) ? file : null;
  }
  const pathFile = join(electronPkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const file = join(electronPkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(file) ? file : null;
}

// 1. build main, preload and renderer into out/
step('构建程序（electron-vite build）……');
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('\n[start] 构建失败，请查看上面的错误信息。');
  process.exit(build.status || 1);
}

// 2. better-sqlite3 compiled for Electron's ABI
if (!existsSync(nativeAddon)) {
  step('准备 Electron 版数据库组件（scripts/native-electron.mjs）……');
  spawnSync(process.execPath, [join(root, 'scripts', 'native-electron.mjs')], { cwd: root, stdio: 'inherit' });
  if (!existsSync(nativeAddon)) {
    console.warn(
      '[start] 注意：Electron 版 better-sqlite3 仍未就绪（需要联网下载 Electron 头文件）。' +
        '程序会尝试默认方式加载；若失败，会弹窗提示运行 node scripts/native-electron.mjs。',
    );
  }
}

// 3. the Electron binary itself (node_modules/electron downloads it on first use)
let binary = electronBinary();
if (!binary) {
  if (!existsSync(join(electronPkg, 'install.js'))) {
    console.error('[start] 未安装 electron 依赖，请先运行 npm install。' + harnessHint);
    process.exit(1);
  }
  step('首次启动：下载 Electron 程序（需要联网，约 100 MB）……');
  const download = spawnSync(process.execPath, [join(electronPkg, 'install.js')], {
    cwd: electronPkg,
    stdio: 'inherit',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  binary = electronBinary();
  if (download.status !== 0 || !binary) {
    console.error(
      '\n[start] 无法下载 Electron 程序，桌面窗口无法打开。\n' +
        '原因通常是这台电脑无法访问 Electron 的下载地址（离线或网络受限）。\n' +
        '解决办法：\n' +
        '  - 在能联网的环境下重新运行 npm start（或 npx install-electron）；\n' +
        '  - 如需走镜像，可设置环境变量 ELECTRON_MIRROR 后重试。' +
        harnessHint,
    );
    process.exit(1);
  }
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('[start] 注意：没有检测到图形界面（DISPLAY 未设置），窗口可能无法显示。无桌面的服务器上可用 xvfb-run npm start。');
}

// 4. launch; Ctrl+C closes the app
step('启动 FrontDesk……');
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (err) => {
  console.error(`[start] 无法启动 Electron：${err.message}` + harnessHint);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
