import { type z } from 'zod';
import { contract, type Channel, type Output, type ParsedInput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/contract/result';
import { UserError } from './errors';
import './zod-locale';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlerGroup<P extends string> = { [C in Channel as C extends `${P}${string}` ? C : never]: Handler<C> };

/** Turns a zod failure into one Chinese sentence plus per-field messages for inline display. */
export function zodToFields(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  const first = Object.values(fields)[0] ?? '输入有误';
  return { message: `输入有误：${first}`, fields };
}

export type Dispatch = (channel: string, raw: unknown) => Promise<Result<unknown>>;

type AnyHandler = (input: unknown) => Promise<unknown>;

/**
 * Every channel starting with `prefix`, answered by handlers built on the group's first call: their
 * modules (and the libraries those pull in) load then, not at start (docs/PERFORMANCE.md, "Start").
 * A failed load is tried again on the next call.
 */
export function lazyGroup<P extends string>(prefix: P, load: () => Promise<HandlerGroup<P>>): HandlerGroup<P> {
  const channels = Object.keys(contract).filter((c) => c.startsWith(prefix)) as Channel[];
  return lazyHandlers(channels, load as unknown as () => Promise<Handlers>) as unknown as HandlerGroup<P>;
}

/** The same for a list of channels (the harness's print channels). */
export function lazyHandlers<C extends Channel>(channels: readonly C[], load: () => Promise<Pick<Handlers, C>>): Pick<Handlers, C> {
  let loading: Promise<Record<string, AnyHandler>> | null = null;
  const group: Record<string, AnyHandler> = {};
  for (const channel of channels) {
    group[channel] = async (input) => {
      loading ??= load().then(
        (handlers) => handlers as unknown as Record<string, AnyHandler>,
        (err: unknown) => {
          loading = null;
          throw err;
        },
      );
      return (await loading)[channel](input);
    };
  }
  return group as unknown as Pick<Handlers, C>;
}

/** Decides before anything else whether the signed-in user may make this call (core/accounts/gate.ts); null: go on. */
export type Gate = (channel: Channel, raw: unknown) => AppError | null;

/**
 * One entry for every call, from IPC and from the harness alike: checks the channel exists and
 * that the user may call it, validates the input with the contract's zod schema, runs the handler
 * and wraps the answer. Nothing thrown inside ever crosses the boundary raw.
 */
export function createDispatcher(handlers: Handlers, log: (msg: string, err: unknown) => void = console.error, gate?: Gate): Dispatch {
  return async (channel, raw) => {
    if (!Object.hasOwn(contract, channel)) return { ok: false, error: { code: 'NOT_FOUND', message: `未知的调用：${channel}` } };
    const c = channel as Channel;
    const refused = gate?.(c, raw);
    if (refused) return { ok: false, error: refused };
    const parsed = contract[c].input.safeParse(raw ?? {});
    if (!parsed.success) {
      const { message, fields } = zodToFields(parsed.error);
      return { ok: false, error: { code: 'VALIDATION', message, fields } };
    }
    try {
      const handler = handlers[c] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof UserError)
        return { ok: false, error: err.fields ? { code: err.code, message: err.message, fields: err.fields } : { code: err.code, message: err.message } };
      log(`[${channel}]`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '操作未完成：程序内部错误，数据未改动。请重试，或联系管理员查看日志。' } };
    }
  };
}
