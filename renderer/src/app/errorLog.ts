// Errors in the window go to the log file main keeps in the user-data folder (system.log.write), so
// the admin behind 查看日志 sees what the receptionist saw. Reporting never throws and never loops.
import { api } from '../bridge';

/** A burst of errors (a render loop) is cut after this many reports a minute. */
const MAX_PER_MINUTE = 20;
let windowStart = 0;
let sentInWindow = 0;

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack && err.stack.includes(err.message) ? err.stack : `${err.name}: ${err.message}\n${err.stack ?? ''}`;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return typeof err === 'string' ? err : '未知错误';
}

/** Sends one entry to the log; failures are ignored (a report must not cause another error). */
export function reportToLog(level: 'error' | 'warn', message: string, detail?: string): void {
  const now = Date.now();
  if (now - windowStart > 60_000) {
    windowStart = now;
    sentInWindow = 0;
  }
  if (++sentInWindow > MAX_PER_MINUTE) return;
  const where = `${window.location.hash || window.location.pathname}`;
  api['system.log.write']({ level, source: 'renderer', message, detail: [detail, `页面：${where}`].filter(Boolean).join('\n') }).catch(() => {
    // the transport is down: nothing more to do from here
  });
}

/** Errors no component caught: a failed promise, a throw in an event handler. Returns the cleanup. */
export function reportUncaughtErrors(): () => void {
  const onError = (e: ErrorEvent) =>
    reportToLog('error', `未处理的错误：${e.message}`, e.error ? describeError(e.error) : `${e.filename}:${e.lineno}:${e.colno}`);
  const onRejection = (e: PromiseRejectionEvent) => reportToLog('error', `未处理的异步错误：${messageOf(e.reason)}`, describeError(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
