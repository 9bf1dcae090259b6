import type { Dispatch } from '../../electron/core/dispatch';

// Every bench part works as a signed-in member of staff, as the counter does (docs/ACCOUNTS.md): the
// first call on a reference copy creates the administrator, later ones sign in as it.
const BENCH_ADMIN = { username: 'bench', displayName: '前台', password: 'bench-pass' } as const;

export async function signIn(dispatch: Dispatch): Promise<void> {
  const status = await dispatch('auth.status', {});
  if (!status.ok) throw new Error(status.error.message);
  const { needsSetup } = status.value as { needsSetup: boolean };
  const r = needsSetup
    ? await dispatch('auth.setup', BENCH_ADMIN)
    : await dispatch('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
  if (!r.ok) throw new Error(r.error.message);
}
