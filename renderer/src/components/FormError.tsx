import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The form's own refusal, kept in view next to the buttons (a toast alone is easy to miss). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} p="xs" data-testid="form-error">
      {message}
    </Alert>
  );
}
