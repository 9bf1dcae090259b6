import { useCallback, useEffect, useState } from 'react';
import type { DeskConfigT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { showSaved } from '../../../app/call';
import { useFormSubmit } from '../../../components/useFormSubmit';
import type { FieldErrors } from './validate';

/**
 * An editable copy of one part of the desk configuration. It follows the saved value when that
 * changes (after its own save), and not when another tab saves: unsaved edits survive tab switches.
 */
export function useConfigDraft<T>(saved: T, onDirty: (dirty: boolean) => void) {
  const savedJson = JSON.stringify(saved);
  const [draft, setDraft] = useState<T>(saved);
  // Adjusted during render, not in an effect: Mantine's kept-mounted tab panels re-run effects
  // when a tab is shown again, which would throw away unsaved edits.
  const [base, setBase] = useState(savedJson);
  if (base !== savedJson) {
    setBase(savedJson);
    setDraft(JSON.parse(savedJson) as T);
  }
  const dirty = JSON.stringify(draft) !== savedJson;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const reset = useCallback(() => setDraft(JSON.parse(savedJson) as T), [savedJson]);
  return { draft, setDraft, dirty, reset };
}

/**
 * Saves a patch of the configuration: the client's own checks first (shown inline, nothing sent),
 * then the server's answer, whose error.fields land on the same inputs.
 */
export function useConfigSave(onSaved: (cfg: DeskConfigT) => void) {
  const form = useFormSubmit();
  const save = useCallback(
    async (patch: Partial<DeskConfigT>, clientErrors: FieldErrors, message: string) => {
      if (Object.keys(clientErrors).length) {
        form.setErrors(clientErrors);
        return false;
      }
      const r = await form.submit(() => api['desk.config.update'](patch));
      if (!r) return false;
      onSaved(r);
      showSaved(message);
      return true;
    },
    [form, onSaved],
  );
  return { ...form, save };
}
