import { notifications } from '@mantine/notifications';
import type { AppError, Result } from '../../../shared/contract/result';

/** Unwraps a result; on failure shows the Chinese message as a red notification and returns null. */
export async function unwrap<T>(p: Promise<Result<T>>, opts: { quiet?: boolean } = {}): Promise<T | null> {
  let r: Result<T>;
  try {
    r = await p;
  } catch {
    r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
  }
  if (r.ok) return r.value;
  if (!opts.quiet) showError(r.error);
  return null;
}

export function showError(error: AppError) {
  notifications.show({ color: 'red', title: '未完成', message: error.message, autoClose: 6000 });
}

export function showSaved(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 2500 });
}

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/**
 * For forms: on a validation failure with field messages, returns them for inline display
 * (keys are zod paths such as "roomNo"); any other failure is shown as a notification.
 */
export async function submitForm<T>(p: Promise<Result<T>>): Promise<FormOutcome<T>> {
  let r: Result<T>;
  try {
    r = await p;
  } catch {
    r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
  }
  if (r.ok) return { ok: true, value: r.value };
  const fields = r.error.fields ?? {};
  // a message no field shows (e.g. a duplicate room) must still reach the user
  if (Object.keys(fields).length === 0 || fields._) showError(r.error);
  return { ok: false, fields };
}
