// What both crash tests share: the seed, temp files, running the child (crash-child.ts) and killing it,
// and looking at the file it left.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, onTestFailed } from 'vitest';
import type { Core } from '../../../electron/core/index';
import { migrations } from '../../../electron/core/db/migrations';
import { open } from './crash-child';

const root = resolve(__dirname, '../../..');
const CHILD = join(__dirname, 'crash-child.ts');

/** One seed per run, random unless CRASH_SEED replays one. */
export const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Call first in a test: prints the seed if the test fails. */
export const seeded = (name: string) => onTestFailed(() => console.error(`${name}: seed ${SEED}; CRASH_SEED=${SEED} replays this run`));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
export function tempFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'));
  dirs.push(dir);
  return { dir, file: join(dir, 'frontdesk.sqlite') };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/**
 * Runs the child; `onLine` sees each complete stdout line as it arrives and may call `kill`. `killAfter`
 * kills that many ms after the spawn. A child that neither finishes nor is killed within 60 s is killed
 * and shows as a hang (its stderr says so).
 */
export function runChild(args: string[], onLine: (line: string, kill: (afterMs: number) => void) => void, killAfter?: number): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const timers: NodeJS.Timeout[] = [];
    const kill = (afterMs: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), afterMs));
    if (killAfter !== undefined) kill(killAfter);
    let stderr = '';
    const hang = setTimeout(() => {
      stderr += '\n[test] the child hung for 60 s';
      child.kill('SIGKILL');
    }, 60_000);
    const lines: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        lines.push(line);
        onLine(line, kill);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      clearTimeout(hang);
      done({ code, signal, lines, stderr });
    });
  });
}

/** the JSON after a line's tag */
export const payload = <T>(line: string, tag: string): T => JSON.parse(line.slice(tag.length + 1)) as T;

/**
 * Reads the file as the crash left it, after checking it is sound. Read-only, so closing it neither
 * checkpoints nor removes the WAL: the next child recovers from exactly what the kill left behind.
 */
export function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), `seed ${SEED}: integrity_check`).toBe('ok');
    expect(db.pragma('foreign_key_check'), `seed ${SEED}: foreign_key_check`).toEqual([]);
    return read(db);
  } finally {
    db.close();
  }
}

/** Opens through the app's core and signs in: migrations run (none pending), the version is the latest, and the file is sound. */
export async function openCore(file: string): Promise<Core> {
  const core = await open(file);
  expect(Number(core.ctx.sqlite.pragma('user_version', { simple: true }))).toBe(Object.keys(migrations).length);
  expect(core.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  return core;
}
