import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Result } from '../../../../shared/contract/result';
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
  /** prefix of the data-testid of the save and cancel buttons ("building" → building-save) */
  testId?: string;
  /** extra buttons left of 取消 */
  extraActions?: ReactNode;
  children: ReactNode;
}

/**
 * The one modal every form uses: validates with the contract's schema (see contractForm.ts),
 * sends, shows main's refusals next to their fields (a refusal naming no field stays above the
 * buttons, never as a toast), and asks before throwing away typed changes.
 */
export function FormModal<V extends Record<string, unknown>, R>(props: FormModalProps<V, R>) {
  const { opened, onClose, title, size = 'md', form, submit, onSaved, submitLabel = '保存', testId, extraActions, children } = props;
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  const close = () => {
    setFormError(null);
    setConfirmDiscard(false);
    onClose();
  };
  const requestClose = () => {
    if (busy) return;
    if (form.isDirty()) setConfirmDiscard(true);
    else close();
  };

  const onSubmit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    let r: Result<R>;
    try {
      r = await submit(values as V);
    } catch {
      r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
    }
    setBusy(false);
    if (r.ok) {
      form.resetDirty();
      setConfirmDiscard(false);
      onSaved(r.value);
      return;
    }
    const fields = { ...(r.error.fields ?? {}) };
    const general = fields._;
    delete fields._;
    form.setErrors(fields);
    // a refusal that names no field of this form must still be seen: keep it by the buttons
    const shown = Object.keys(fields).some((k) => form.getInputProps(k).error !== undefined);
    if (general || !shown) setFormError(general ?? r.error.message);
  });

  return (
    <Modal opened={opened} onClose={requestClose} title={title} size={size} closeOnClickOutside={!form.isDirty()}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {children}
          <FormError message={formError} />
          {confirmDiscard ? (
            <Group justify="space-between" mt="sm" data-testid="form-discard-confirm">
              <Text size="sm" c="orange.8">
                有未保存的修改，确定放弃？
              </Text>
              <Group gap="xs">
                <Button variant="default" onClick={() => setConfirmDiscard(false)} data-autofocus>
                  继续编辑
                </Button>
                <Button color="red" variant="light" onClick={close} data-testid="form-discard">
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
              <Button type="submit" loading={busy} data-testid={testId ? `${testId}-save` : undefined}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
