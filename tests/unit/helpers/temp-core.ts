import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/core/index';

/** The administrator tempCore signs in: named like the default staff name, so lines read 前台 as before accounts (docs/ACCOUNTS.md). */
export const TEST_ADMIN = { username: 'admin', displayName: '前台', password: 'admin-pass' } as const;

/**
 * A real core over a real database file in a fresh temp folder, with a harness-like save handler,
 * signed in as TEST_ADMIN (`signIn: false`: nobody yet, for the first-run and sign-in tests).
 */
export async function tempCore(opts: { signIn?: boolean } = {}): Promise<Core & { dir: string; file: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-test-'));
  const file = join(dir, 'frontdesk.sqlite');
  const core = await createCore(
    { file },
    { kind: 'harness' },
    {
      'system.files.save': async ({ fileName }) => ({ saved: true, path: join(dir, fileName) }),
    },
  );
  if (opts.signIn !== false) await signInTestAdmin(core.dispatch);
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

/**
 * Signs a core in as TEST_ADMIN: creates the administrator on a database with no account yet, signs
 * in on one that has it (a database reopened, or made by the command line). Calls are refused until then.
 */
export async function signInTestAdmin(dispatch: Core['dispatch']): Promise<void> {
  const status = (await must(dispatch('auth.status', {}) as never)) as { needsSetup: boolean };
  if (status.needsSetup) await must(dispatch('auth.setup', TEST_ADMIN) as never);
  else await must(dispatch('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }) as never);
}

/** Calls a channel and returns the value, failing the test with the Chinese message otherwise. */
export async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`调用失败：${r.error.message}`);
  return r.value;
}

/** Signs the core in as a new user of this role (created by the signed-in administrator): for tests of what each role sees. */
export async function signInAs(dispatch: Core['dispatch'], role: 'clerk' | 'supervisor' | 'admin', displayName = `${role}用户`): Promise<void> {
  const username = `${role}${Math.floor(Math.random() * 1e6)}`;
  const password = `${role}-pass`;
  await must(dispatch('users.create', { username, displayName, role, password }) as never);
  await must(dispatch('auth.logout', {}) as never);
  await must(dispatch('auth.login', { username, password }) as never);
}
