import { useCallback, useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import { showError } from '../app/call';

/** zod path ("person.phone", "phone", "_") → 中文 message, as sent by main in error.fields */
export type FieldErrors = Record<string, string>;

/**
 * Runs a form's call and keeps the server's per-field messages for inline display.
 * A failure also shows the message as a notification, so nothing goes unnoticed.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  /** a refusal that names no input (e.g. "已登记在本户"): shown inside the form, above its buttons */
  const [formError, setFormError] = useState<string | null>(null);

  const submit = useCallback(async <T,>(call: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const r = await call();
      if (r.ok) return r.value;
      const fields = r.error.fields ?? {};
      setErrors(fields);
      if (!Object.keys(fields).some((k) => k !== '_')) setFormError(r.error.message);
      showError(r.error);
      return null;
    } catch {
      setFormError('与后台的连接中断，请重试');
      showError({ code: 'INTERNAL', message: '与后台的连接中断，请重试' });
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  /** the message for a field, looking also under a nesting prefix ("person.phone" for "phone") */
  const err = useCallback(
    (key: string, prefix?: string): string | undefined => errors[key] ?? (prefix ? errors[`${prefix}.${key}`] : undefined),
    [errors],
  );

  /** forget a field's message once the user edits it */
  const clear = useCallback((...keys: string[]) => {
    setErrors((prev) => {
      if (!keys.some((k) => k in prev || Object.keys(prev).some((p) => p.endsWith(`.${k}`)))) return prev;
      const next: FieldErrors = {};
      for (const [k, v] of Object.entries(prev)) if (!keys.some((key) => k === key || k.endsWith(`.${key}`))) next[k] = v;
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, busy, submit, err, clear, reset, setErrors };
}
