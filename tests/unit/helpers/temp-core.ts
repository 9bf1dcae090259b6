import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/index';

/** A real core over a real database file in a fresh temp folder, with a harness-like save handler. */
export async function tempCore(): Promise<Core & { dir: string; file: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  const file = join(dir, 'frontdesk.sqlite');
  const core = await createCore(
    { file },
    { kind: 'harness' },
    {
      'system.files.save': async ({ fileName }) => ({ saved: true, path: join(dir, fileName) }),
    },
  );
  return {
    ...core,
    dir,
    file,
    cleanup: async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a channel and returns the value, failing the test with the Chinese message otherwise. */
export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`调用失败：${r.error.message}`);
  return r.value;
}
