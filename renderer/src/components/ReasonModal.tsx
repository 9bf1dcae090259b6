import { Alert, Textarea } from '@mantine/core';
import { VoidInput } from '../../../shared/contract/common';
import type { Result } from '../../../shared/contract/result';
import { FormModal } from './form/FormModal';
import { useContractForm } from './form/contractForm';

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

// the contract's own rule for a void reason (required, at most 200 characters)
const ReasonInput = VoidInput.pick({ reason: true });

/** 作废 with a required reason: nothing is deleted, the record keeps why it was voided. */
export function ReasonModal({ opened, ...rest }: ReasonModalProps) {
  return opened ? <ReasonForm {...rest} /> : null;
}

function ReasonForm({ onClose, title, description, confirmLabel, onSubmit, onDone }: Omit<ReasonModalProps, 'opened'>) {
  const form = useContractForm({ schema: ReasonInput, initialValues: { reason: '' } });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={title}
      form={form}
      testId="void"
      submitLabel={confirmLabel}
      submitColor="red"
      submit={(v) => onSubmit(ReasonInput.parse(v).reason)}
      onSaved={onDone}
    >
      <Alert color="orange" variant="light">
        {description}
      </Alert>
      <Textarea label="作废原因" withAsterisk autosize minRows={2} data-testid="void-reason" data-autofocus {...form.getInputProps('reason')} />
    </FormModal>
  );
}
