import { Text, Textarea } from '@mantine/core';
import { TicketNoteInput, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { FormModal } from '../../../components/form/FormModal';
import { useContractForm } from '../../../components/form/contractForm';

/** 添加备注: a note on the timeline (a follow-up call, what the owner added at the counter). Mounted only while open. */
export function TicketNoteModal({ detail, onClose, onSaved }: { detail: TicketDetailT; onClose(): void; onSaved(d: TicketDetailT): void }) {
  const t = detail.ticket;
  const form = useContractForm<{ note: string }, typeof TicketNoteInput>({
    schema: TicketNoteInput,
    initialValues: { note: '' },
    toInput: (v) => ({ id: t.id, note: v.note }),
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={`添加备注 · ${t.no}`}
      form={form}
      submit={(v) => api['desk.tickets.addNote']({ id: t.id, note: v.note })}
      onSaved={onSaved}
      submitLabel="保存备注"
      testId="ticket-note"
    >
      <Textarea
        label="备注"
        withAsterisk
        autosize
        minRows={3}
        maxRows={8}
        placeholder="如：业主来电，下午三点后在家"
        data-autofocus
        {...form.getInputProps('note')}
        data-testid="ticket-note-text"
      />
      <Text size="xs" c="dimmed">
        备注写入处理过程，署名和时间自动记录，保存后不能删除。
      </Text>
    </FormModal>
  );
}
