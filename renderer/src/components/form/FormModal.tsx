import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type MantineColor, type ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Result } from '../../../../shared/contract/result';
import { clearMessages } from '../../app/call';
import { useNav, type LeaveGuard } from '../../app/navigation';
import { FormError } from '../FormError';

export interface FormModalProps<V extends Record<string, unknown>, R> {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  form: UseFormReturnType<V>;
  /** sends the values to main; field messages in the answer appear next to their fields */
  submit: (values: V) => Promise<Result<R>>;
  onSaved: (value: R) => void;
  submitLabel?: string;
  /** the save button's colour, e.g. orange for 确认迁出, red for 作废 */
  submitColor?: MantineColor;
  /** prefix of the data-testid of the save and cancel buttons ("building" → building-save) */
  testId?: string;
  /** extra buttons left of 取消 */
  extraActions?: ReactNode;
  children: ReactNode;
}

/** whether the form holds a value at this path ("person.phone"), i.e. has an input to show its message by */
function hasPath(values: unknown, path: string): boolean {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in cur)) return false;
    cur = (cur as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * The one modal every form uses (docs/ARCHITECTURE.md, "Forms and messages"): validates with the
 * contract's schema (contractForm.ts), sends, shows main's refusals next to their fields, and keeps a
 * refusal naming no field of the form above the buttons (never as a toast) until the values change.
 * Ctrl+Enter saves from anywhere in the form; closing with typed changes asks first.
 */
export function FormModal<V extends Record<string, unknown>, R>(props: FormModalProps<V, R>) {
  const { opened, onClose, title, size = 'md', form, submit, onSaved, submitLabel = '保存', submitColor, testId, extraActions, children } = props;
  const [busy, setBusy] = useState(false);
  // the refusal and the values it answered: once the user changes anything it no longer applies
  const [refusal, setRefusal] = useState<{ message: string; values: V } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const sending = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  // a confirmation left from the last action must not sit over this dialog's buttons
  useEffect(() => {
    if (opened) clearMessages();
  }, [opened]);

  // Leaving the screen (F2, a Ctrl+K pick) with typed changes asks here first, through the
  // navigation's leave guard (docs/ARCHITECTURE.md, "Drafts and the leave guard"); the screen's own
  // guard, if any, still decides once this form is clean, and is put back when the dialog goes.
  const dirty = useRef(false);
  useEffect(() => {
    dirty.current = form.isDirty();
  });
  const held = useNav((st) => st.held);
  useEffect(() => {
    if (!opened) return;
    const previous = useNav.getState().guard;
    const guard: LeaveGuard = (to) => !dirty.current && (previous ? previous(to) : true);
    useNav.getState().setGuard(guard);
    return () => {
      const nav = useNav.getState();
      if (nav.guard !== guard) return;
      if (previous) nav.setGuard(previous);
      else nav.clearGuard(guard);
    };
  }, [opened]);
  const asking = confirmDiscard || (held !== null && form.isDirty());

  const close = () => {
    setRefusal(null);
    setConfirmDiscard(false);
    onClose();
  };
  const requestClose = () => {
    if (busy) return;
    if (form.isDirty()) setConfirmDiscard(true);
    else close();
  };

  /** puts the cursor in the first field the form refused, so the fix starts where the message is */
  const focusFirst = (keys: string[]) => {
    const root = formRef.current;
    if (!root) return;
    for (const k of keys) {
      const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(k)}"]`);
      if (el) {
        el.focus();
        return;
      }
    }
  };

  const onSubmit = form.onSubmit(
    async (values) => {
      if (sending.current) return; // Enter pressed twice: one call
      sending.current = true;
      setBusy(true);
      setRefusal(null);
      let r: Result<R>;
      try {
        r = await submit(values);
      } catch {
        r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
      } finally {
        sending.current = false;
        setBusy(false);
      }
      if (r.ok) {
        form.resetDirty();
        setConfirmDiscard(false);
        onSaved(r.value);
        return;
      }
      const current = form.getValues();
      const byField: Record<string, string> = {};
      let general: string | null = null;
      for (const [k, message] of Object.entries(r.error.fields ?? {})) {
        if (k !== '_' && hasPath(current, k)) byField[k] = message;
        else general ??= message;
      }
      form.setErrors(byField);
      // a refusal that names no field of this form must still be seen: keep it by the buttons
      if (general || Object.keys(byField).length === 0) setRefusal({ message: general ?? r.error.message, values: form.values });
      focusFirst(Object.keys(byField));
    },
    (errors) => focusFirst(Object.keys(errors)),
  );

  return (
    <Modal opened={opened} onClose={requestClose} title={title} size={size} closeOnClickOutside={!form.isDirty()}>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
      >
        <Stack gap="sm">
          {children}
          <FormError message={refusal && refusal.values === form.values ? refusal.message : null} />
          {asking ? (
            <Group justify="space-between" mt="sm" data-testid="form-discard-confirm">
              <Text size="sm" c="orange.8">
                有未保存的修改，确定放弃？
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  onClick={() => {
                    setConfirmDiscard(false);
                    if (held) useNav.getState().stay();
                  }}
                  data-autofocus
                >
                  继续编辑
                </Button>
                <Button
                  color="red"
                  variant="light"
                  onClick={() => {
                    if (held) {
                      // the move the user asked for goes ahead; the screen (and this dialog) go with it
                      setConfirmDiscard(false);
                      useNav.getState().proceed();
                    } else close();
                  }}
                  data-testid="form-discard"
                >
                  放弃修改
                </Button>
              </Group>
            </Group>
          ) : (
            <Group justify="flex-end" mt="sm">
              {extraActions}
              <Button variant="default" onClick={requestClose} data-testid={testId ? `${testId}-cancel` : undefined}>
                取消
              </Button>
              <Button type="submit" color={submitColor} loading={busy} data-testid={testId ? `${testId}-save` : undefined}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
