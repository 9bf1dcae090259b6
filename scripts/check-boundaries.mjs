// npm run lint:boundaries — keeps the layers apart:
//   electron/core/**  must not import 'electron' (it runs under plain Node: tests, CLI, harness);
//   renderer/**       must not import Node built-ins, Node-only libraries, 'electron' or anything under electron/;
//   shared/**         must not import from electron/ or renderer/;
//   electron/preload/** must not import Node built-ins or electron/core (a sandboxed preload can require only 'electron');
//   nothing reachable by relative imports from electron/core, electron/harness or electron/cli (plain Node
//   programs) may import 'electron' — requiring that package outside Electron tries to download its binary.
// Prints file:line for every violation and exits 1 if there is any.
// `--root DIR` checks another tree (used by this script's own test).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? resolve(process.argv[rootArg + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const NODE_ONLY_PACKAGES = ['better-sqlite3', 'exceljs', 'docx', 'kysely', 'electron'];
const builtins = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

// import x from 'y' / import 'y' / export … from 'y' / import('y') / require('y'); a multi-line
// import statement ends on a line with `from 'y'`, which the first pattern catches.
const PATTERNS = [
  /\bfrom\s*['"]([^'"]+)['"]/g,
  /^\s*import\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** [line number, specifier] for every import in the file, skipping comment lines. */
function importsOf(text) {
  const found = [];
  let inBlockComment = false;
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (inBlockComment) {
      if (trimmed.includes('*/')) inBlockComment = false;
      return;
    }
    if (trimmed.startsWith('/*')) {
      if (!trimmed.includes('*/')) inBlockComment = true;
      return;
    }
    if (trimmed.startsWith('//') || trimmed.startsWith('*')) return;
    for (const re of PATTERNS) for (const m of line.matchAll(re)) found.push([i + 1, m[1]]);
  });
  return found;
}

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const isRelative = (spec) => spec.startsWith('.') || spec.startsWith('/');
/** The top folder of the repository a relative import lands in ('electron', 'renderer', 'shared', …). */
function landsIn(file, spec) {
  const target = relative(root, resolve(dirname(file), spec));
  return target.startsWith('..') ? null : target.split(sep)[0];
}

const rules = [
  {
    dir: join('electron', 'core'),
    check: (file, spec) => (packageName(spec) === 'electron' ? "electron/core 不能导入 'electron'（核心须能在纯 Node 下运行）" : null),
  },
  {
    dir: 'renderer',
    check: (file, spec) => {
      if (spec.startsWith('node:') || (!isRelative(spec) && builtins.has(packageName(spec)))) return `renderer 不能导入 Node 内置模块 '${spec}'`;
      if (NODE_ONLY_PACKAGES.includes(packageName(spec))) return `renderer 不能导入仅限主进程的库 '${spec}'`;
      if (isRelative(spec) && landsIn(file, spec) === 'electron') return `renderer 不能导入 electron/ 下的代码 '${spec}'（请经由 shared/contract）`;
      return null;
    },
  },
  {
    dir: 'shared',
    check: (file, spec) => {
      const lands = isRelative(spec) ? landsIn(file, spec) : null;
      if (lands === 'electron' || lands === 'renderer') return `shared 不能导入 ${lands}/ 下的代码 '${spec}'`;
      if (packageName(spec) === 'electron') return "shared 不能导入 'electron'";
      return null;
    },
  },
  {
    dir: join('electron', 'preload'),
    check: (file, spec) => {
      if (spec.startsWith('node:') || (!isRelative(spec) && builtins.has(packageName(spec)))) return `preload 不能导入 Node 内置模块 '${spec}'（沙箱中的 preload 只能 require('electron')）`;
      if (NODE_ONLY_PACKAGES.filter((p) => p !== 'electron').includes(packageName(spec))) return `preload 不能导入仅限主进程的库 '${spec}'`;
      if (isRelative(spec) && relative(root, resolve(dirname(file), spec)).startsWith(join('electron', 'core'))) return `preload 不能导入 electron/core '${spec}'`;
      return null;
    },
  },
];

const violations = [];
let checked = 0;
for (const rule of rules) {
  for (const file of walk(join(root, rule.dir))) {
    checked++;
    for (const [line, spec] of importsOf(readFileSync(file, 'utf8'))) {
      const problem = rule.check(file, spec);
      if (problem) violations.push(`${relative(root, file)}:${line}: ${problem}`);
    }
  }
}

// Plain-Node programs: follow relative imports and refuse 'electron' anywhere along the way.
const NODE_ROOTS = [join('electron', 'core'), join('electron', 'harness'), join('electron', 'cli')];
function resolveSource(from, spec) {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(js|mjs|cjs)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${base}.js`, `${base}.mjs`, join(base, 'index.ts'), join(base, 'index.js')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
const seen = new Map(); // file → the import chain that reached it
const queue = [];
for (const dir of NODE_ROOTS) for (const file of walk(join(root, dir))) if (!seen.has(file)) (seen.set(file, [file]), queue.push(file));
while (queue.length) {
  const file = queue.shift();
  for (const [line, spec] of importsOf(readFileSync(file, 'utf8'))) {
    if (packageName(spec) === 'electron' && !file.startsWith(join(root, 'electron', 'core') + sep)) {
      const chain = seen.get(file).map((f) => relative(root, f)).join(' → ');
      violations.push(`${relative(root, file)}:${line}: 纯 Node 程序不能导入 'electron'（导入链：${chain}）`);
    }
    if (!isRelative(spec)) continue;
    const target = resolveSource(file, spec);
    if (target && !seen.has(target)) {
      seen.set(target, [...seen.get(file), target]);
      queue.push(target);
    }
  }
}

if (violations.length) {
  console.error(`边界检查失败 / boundary check failed (${violations.length}):`);
  for (const v of violations) console.error(`  ${v}`);
  process.exit(1);
}
console.log(`边界检查通过 / boundaries OK（${checked} 个文件）`);
