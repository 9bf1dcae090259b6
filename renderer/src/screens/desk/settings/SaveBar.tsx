import type { ReactNode } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { FormError } from '../../../components/FormError';

interface SaveBarProps {
  dirty: boolean;
  busy: boolean;
  label: string;
  onSave(): void;
  onReset(): void;
  /** the form's own refusal (no field named) */
  formError: string | null;
  /** per-field messages, summarised here since some may sit on a part not in view */
  errors: Record<string, string>;
  note?: ReactNode;
  testId: string;
}

/** The foot of each settings tab: what saving means, unsaved changes, undo and save. */
export function SaveBar({ dirty, busy, label, onSave, onReset, formError, errors, note, testId }: SaveBarProps) {
  const fieldMessages = Object.entries(errors).filter(([k]) => k !== '_');
  // the messages themselves sit by their fields; here only how many, since some may be out of view
  const message = formError ?? errors._ ?? (fieldMessages.length ? `有 ${fieldMessages.length} 处需要更正，见标红的输入框` : null);
  return (
    <>
      {message && (
        <div style={{ marginTop: 12 }}>
          <FormError message={message} />
        </div>
      )}
      <Group justify="space-between" mt="md" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" maw={620}>
          {note}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {dirty && (
            <Badge color="orange" variant="light" data-testid={`${testId}-dirty`}>
              有未保存的修改
            </Badge>
          )}
          <Button variant="default" onClick={onReset} disabled={!dirty || busy}>
            撤销修改
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={onSave} loading={busy} disabled={!dirty} data-testid={`${testId}-save`}>
            {label}
          </Button>
        </Group>
      </Group>
    </>
  );
}
