// Builds a second copy of better-sqlite3's native addon for Electron's ABI.
// Node (tests, CLI, harness) loads node_modules/better-sqlite3 as installed;
// the Electron main process loads native/electron/better_sqlite3.node through
// better-sqlite3's `nativeBinding` option. One `npm install` therefore serves both.
// Where Electron's headers or prebuilt binaries cannot be downloaded (offline
// build machines), this prints why and exits 0: tests do not need it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'native', 'electron');
const target = join(out, 'better_sqlite3.node');

if (process.env.FRONTDESK_SKIP_ELECTRON_NATIVE === '1') {
  console.log('[native] FRONTDESK_SKIP_ELECTRON_NATIVE=1: 跳过 Electron 版 better-sqlite3 的构建');
  process.exit(0);
}
let electronVersion;
try {
  electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
} catch {
  console.log('[native] electron 未安装，跳过');
  process.exit(0);
}
const stamp = join(out, `electron-${electronVersion}.stamp`);
if (existsSync(target) && existsSync(stamp)) process.exit(0);

const work = join(root, 'native', 'build-tmp');
rmSync(work, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
});
// npm exports its `nodedir` setting (Node's own headers) to child processes; for Electron that
// would silently build a Node-ABI binary, so it is removed and the result's ABI is checked below.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
const require = createRequire(import.meta.url);
const bin = (pkg, file) => {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    return null;
  }
};
const npmNodeGyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const attempts = [
  // better-sqlite3 publishes prebuilt Electron binaries: fastest when reachable.
  [bin('prebuild-install', 'bin.js'), ['--runtime=electron', `--target=${electronVersion}`]],
  // Otherwise compile against Electron's headers.
  [bin('node-gyp', 'bin/node-gyp.js') ?? npmNodeGyp, ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']],
].filter(([script]) => script && existsSync(script));

/** The ABI a V8 addon was built for, read from its exported register symbol. */
const abiOf = (file) =>
  readFileSync(file)
    .toString('latin1')
    .match(/node_register_module_v(\d+)/)?.[1];
for (const [script, args] of attempts) {
  try {
    execFileSync(process.execPath, [script, ...args], { cwd: work, env, stdio: 'pipe', timeout: 240_000 });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(built) && abiOf(built) !== process.versions.modules) {
      copyFileSync(built, target);
      copyFileSync(built, stamp);
      rmSync(work, { recursive: true, force: true });
      console.log(`[native] 已为 Electron ${electronVersion} 构建 better-sqlite3: ${target}`);
      process.exit(0);
    }
  } catch {
    // try the next way
  }
}
rmSync(work, { recursive: true, force: true });
console.log(
  `[native] 无法为 Electron ${electronVersion} 准备 better-sqlite3（下载 Electron 头文件/预编译包失败，可能处于离线环境）。\n` +
    '[native] 测试、CLI 与 harness 不受影响；要启动桌面应用，请联网后运行: node scripts/native-electron.mjs',
);
