// Start to first answer (issue 10, docs/PERFORMANCE.md "Start"): the time from spawning the built
// harness (`npm run harness`: scripts/harness.mjs → out/main/harness.js) on a copy of the reference database to its first
// answered contract call over HTTP (auth.status, the window's first call since staff sign in), against a raw node
// process that opens the same file with better-sqlite3 and answers one query over HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, type Timed } from './measure';

const RUNS = 5;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The raw baseline: open the file, prepare one statement, answer it over HTTP (CommonJS: `node -e`). */
const RAW_SERVER = `
const Database = require('better-sqlite3');
const http = require('node:http');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
const estates = db.prepare('select id, name from estates order by id');
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, value: { estates: estates.all() } }));
  });
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => { db.close(); process.exit(0); }));
`;

/** A fresh build of the current sources in a folder under out/ (inside the project, so the built files find node_modules). */
function buildInto(): string {
  mkdirSync(join(root, 'out'), { recursive: true });
  const out = mkdtempSync(join(root, 'out', 'bench-start-'));
  const run = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, FRONTDESK_OUT_DIR: out, FRONTDESK_RENDERER_DIR: join(out, 'renderer') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`构建失败（electron-vite build，退出码 ${run.status}）`);
  return out;
}

/** Spawns a server, waits for the URL it prints, POSTs one call and returns the ms from spawn to the parsed answer. */
async function timeFirstAnswer(args: string[], channel: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const url = await new Promise<string>((found, failed) => {
      let text = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        text += chunk;
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(text);
        if (m) found(m[0]);
      });
      child.once('exit', (code) => failed(new Error(`服务进程在应答前退出（退出码 ${code}）：${text}`)));
    });
    const res = await fetch(`${url}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as { ok: boolean };
    const ms = performance.now() - started;
    if (!body.ok) throw new Error(`首个调用失败：${JSON.stringify(body)}`);
    return ms;
  } finally {
    child.stdout.resume();
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Median of RUNS starts of each, interleaved (app, raw, app, raw …) after one unmeasured start of
 * each, so both find the file in the page cache and load spikes hit both alike.
 */
export async function startBench(file: string): Promise<{ harnessStart: Timed }> {
  const out = buildInto();
  const dataDir = mkdtempSync(join(tmpdir(), 'fd-start-data-'));
  const env = { ...process.env, FRONTDESK_OUT_DIR: out, FRONTDESK_RENDERER_DIR: join(out, 'renderer') };
  // what `npm run harness` runs (without npm itself): the launcher, which finds the build fresh and imports it
  const app = () => timeFirstAnswer([join(root, 'scripts', 'harness.mjs'), '--db', file, '--port', '0', '--data-dir', dataDir], 'auth.status', env);
  const raw = () => timeFirstAnswer(['-e', RAW_SERVER, file], 'raw', env);
  try {
    await app();
    await raw();
    const a: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      a.push(await app());
      r.push(await raw());
    }
    const round = (n: number) => Math.round(n);
    return { harnessStart: { ms: round(median(a)), rawMs: round(median(r)) } };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && /start-bench\.ts$/.test(process.argv[1])) {
  const { referenceCopy } = await import('./reference-db');
  const copy = await referenceCopy();
  try {
    console.log(JSON.stringify(await startBench(copy.file)));
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}
