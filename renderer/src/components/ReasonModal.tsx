import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import { useFormSubmit } from './useFormSubmit';
import { FormError } from './FormError';

interface ReasonModalProps {
  opened: boolean;
  onClose(): void;
  title: string;
  /** what will happen, in one sentence */
  description: string;
  confirmLabel: string;
  /** sends the reason; the modal shows the server's field messages */
  onSubmit(reason: string): Promise<Result<unknown>>;
  onDone(): void;
}

/** 作废 with a required reason: nothing is deleted, the record keeps why it was voided. */
export function ReasonModal({ opened, onClose, title, description, confirmLabel, onSubmit, onDone }: ReasonModalProps) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, formError, submit, err, clear, reset } = useFormSubmit();

  useEffect(() => {
    if (opened) {
      setReason('');
      setTouched(false);
      reset();
    }
  }, [opened, reset]);

  const missing = touched && reason.trim() === '' ? '请填写作废原因' : undefined;

  async function save() {
    setTouched(true);
    if (reason.trim() === '') return;
    const r = await submit(() => onSubmit(reason.trim()));
    if (r !== null) onDone();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="sm">
        <Alert color="orange" variant="light">
          {description}
        </Alert>
        <Textarea
          label="作废原因"
          withAsterisk
          autosize
          minRows={2}
          maxLength={200}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            clear('reason');
          }}
          error={err('reason') ?? missing}
          data-testid="void-reason"
          data-autofocus
        />
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="red" loading={busy} onClick={save} data-testid="void-confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
