import { useCallback, useEffect, useState } from 'react';
import { DeskConfigPatch, type DeskConfigT } from '../../../../../shared/contract/desk';
import type { Result } from '../../../../../shared/contract/result';
import { api } from '../../../bridge';
import { showSaved } from '../../../app/call';
import { useContractForm } from '../../../components/form/contractForm';

export type FieldErrors = Record<string, string>;

interface ConfigFormOptions<V extends Record<string, unknown>> {
  /** this tab's part of the saved configuration, as the form holds it */
  fromConfig(cfg: DeskConfigT): V;
  cfg: DeskConfigT;
  /** the form's values → the patch desk.config.update takes (texts typed, the schema says what is wrong) */
  toPatch(values: V): unknown;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
  /** what the confirmation says */
  message: string;
}

/**
 * One tab of 工单设置 as a @mantine/form with the contract's DeskConfigPatch as its resolver, so a
 * value main would refuse (SLA hours ≤ 0, a repeated name, 下班 before 上班) is refused next to its
 * field before sending, with main's own words; main's answer lands on the same fields. The form
 * holds its unsaved edits while other tabs save (they change other parts of the configuration).
 */
export function useConfigForm<V extends Record<string, unknown>>({ fromConfig, cfg, toPatch, onSaved, onDirty, message }: ConfigFormOptions<V>) {
  const form = useContractForm<V, typeof DeskConfigPatch>({ schema: DeskConfigPatch, initialValues: fromConfig(cfg), toInput: toPatch });
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const dirty = form.isDirty();
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const save = useCallback(async () => {
    setFormError(null);
    if (form.validate().hasErrors) return;
    // the schema's output: names trimmed as they will be stored
    const patch = DeskConfigPatch.parse(toPatch(form.getValues()));
    setBusy(true);
    let r: Result<DeskConfigT>;
    try {
      r = await api['desk.config.update'](patch);
    } catch {
      r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
    } finally {
      setBusy(false);
    }
    if (!r.ok) {
      const fields = { ...(r.error.fields ?? {}) };
      const general = fields._;
      delete fields._;
      form.setErrors(fields);
      if (general || !Object.keys(fields).length) setFormError(general ?? r.error.message);
      return;
    }
    const next = fromConfig(r.value);
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
    onSaved(r.value);
    showSaved(message);
  }, [form, toPatch, fromConfig, onSaved, message]);

  const reset = useCallback(() => {
    form.reset();
    setFormError(null);
  }, [form]);

  const errors: FieldErrors = {};
  for (const [k, v] of Object.entries(form.errors)) if (v) errors[k] = String(v);
  return { form, busy, formError, errors, dirty, save, reset };
}
