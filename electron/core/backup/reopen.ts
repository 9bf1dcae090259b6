import type { CoreContext } from '../context';
import type { Dispatch } from '../dispatch';
import { UserError, conflict } from '../errors';

/** what createCore opens (structurally its Core; named here so this file does not import core/index.ts) */
interface OpenedCore {
  ctx: CoreContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** closes the database, runs `work` on the closed file, opens it again; answers the new context */
type Reopen = (work: () => Promise<void>) => Promise<CoreContext>;
const hooks = new WeakMap<CoreContext, Reopen>();

/** The reopen of the core this context belongs to; null for a core opened without reopenable (nothing to reopen). */
export function reopenOf(ctx: CoreContext): Reopen | null {
  return hooks.get(ctx) ?? null;
}

/**
 * A core that can close and reopen its database in place: what a restore needs (the database file
 * is replaced while nothing has it open). The shells keep their one `dispatch` and `close`; calls
 * that arrive during a reopen wait for it, calls already running finish before the database closes.
 * `open` is the whole createCore (database, migrations, handlers, shell handlers), run again.
 * Only a channel handler may call the reopen: it waits for every call but its own.
 */
export async function reopenable(open: () => Promise<OpenedCore>): Promise<OpenedCore> {
  let current = await open();
  let gate: Promise<void> | null = null;
  let inflight = 0;
  let settled: (() => void) | null = null;

  const reopen: Reopen = async (work) => {
    if (gate) throw conflict('正在恢复数据，请稍候再试');
    let release = (): void => undefined;
    gate = new Promise<void>((r) => (release = r));
    try {
      // the calls already under way finish first; one of them is the caller
      while (inflight > 1) await new Promise<void>((r) => (settled = r));
      await current.close();
      // the database opens again whatever the work did (a refused restore leaves it as it was)
      const done = await work().then(
        () => null,
        (err: unknown) => ({ err }),
      );
      try {
        current = await open();
      } catch (err) {
        throw new UserError('FILE', `数据库未能重新打开：${err instanceof Error ? err.message : String(err)}。请重新启动程序`);
      }
      hooks.set(current.ctx, reopen);
      if (done) throw done.err;
      return current.ctx;
    } finally {
      gate = null;
      release();
    }
  };
  hooks.set(current.ctx, reopen);

  return {
    get ctx() {
      return current.ctx;
    },
    dispatch: async (channel, raw) => {
      while (gate) await gate;
      inflight++;
      try {
        return await current.dispatch(channel, raw);
      } finally {
        inflight--;
        settled?.();
        settled = null;
      }
    },
    close: async () => {
      while (gate) await gate;
      await current.close();
    },
  };
}
