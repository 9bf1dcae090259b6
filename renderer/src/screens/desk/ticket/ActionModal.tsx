import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import type { DeskConfigT, TicketActionT, TicketDetailT } from '../../../../../shared/contract/desk';
import { ACTION_LABELS } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { useFormSubmit } from '../../../components/useFormSubmit';

/** What each step asks for before it runs. */
const NEEDS: Partial<Record<TicketActionT, { field: 'note' | 'reason'; required: boolean; label: string; placeholder: string }>> = {
  complete: { field: 'note', required: false, label: '处理情况', placeholder: '如：已更换水龙头，业主确认' },
  close: { field: 'note', required: false, label: '说明', placeholder: '可不填' },
  sendBack: { field: 'note', required: true, label: '退回原因', placeholder: '如：不属于本部门处理范围' },
  hold: { field: 'note', required: true, label: '挂起原因', placeholder: '如：等待业主提供材料；挂起期间不计时' },
  reopen: { field: 'note', required: true, label: '重开原因', placeholder: '如：业主反映问题复发' },
  void: { field: 'reason', required: true, label: '作废原因', placeholder: '如：重复登记' },
  dispatch: { field: 'note', required: false, label: '派工说明', placeholder: '可不填' },
  reassign: { field: 'note', required: false, label: '转派说明', placeholder: '可不填' },
};

export function ActionModal({
  action,
  detail,
  config,
  onClose,
  onDone,
}: {
  action: TicketActionT | null;
  detail: TicketDetailT;
  config: DeskConfigT | null;
  onClose(): void;
  onDone(d: TicketDetailT): void;
}) {
  const [department, setDepartment] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [text, setText] = useState('');
  const form = useFormSubmit();

  useEffect(() => {
    setDepartment(action === 'reassign' ? detail.ticket.department : null);
    setAssignee(null);
    setText('');
    form.reset();
  }, [action]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!action) return null;
  const need = NEEDS[action];
  const withPeople = action === 'dispatch' || action === 'reassign';
  const staff = config?.departments.find((d) => d.name === department)?.staff ?? [];

  const run = async () => {
    const r = await form.submit(() =>
      api['desk.tickets.transition']({
        id: detail.ticket.id,
        action,
        department: withPeople ? department : null,
        assignee: withPeople ? assignee : null,
        note: need?.field === 'note' ? text : null,
        reason: need?.field === 'reason' ? text : null,
      }),
    );
    if (r) onDone(r);
  };

  return (
    <Modal opened onClose={onClose} title={`${ACTION_LABELS[action]} · ${detail.ticket.no}`} centered>
      <Stack>
        {withPeople && (
          <>
            <Select
              label="处理部门"
              withAsterisk
              searchable
              selectFirstOptionOnChange
              data={config?.departments.map((d) => d.name) ?? []}
              value={department}
              onChange={(v) => {
                setDepartment(v);
                setAssignee(null);
              }}
              error={form.err('department')}
              data-testid="dispatch-department"
              data-autofocus
            />
            <Select
              label="处理人"
              searchable
              clearable
              selectFirstOptionOnChange
              data={staff}
              value={assignee}
              onChange={setAssignee}
              disabled={!staff.length}
              error={form.err('assignee')}
              data-testid="dispatch-assignee"
            />
          </>
        )}
        {need && (
          <Textarea
            label={need.label}
            withAsterisk={need.required}
            placeholder={need.placeholder}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={form.err(need.field)}
            data-autofocus={!withPeople}
          />
        )}
        {action === 'void' && <Alert color="red">作废后工单不能再处理，但会一直保留在记录中。</Alert>}
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color={action === 'void' ? 'red' : undefined} onClick={() => void run()} loading={form.busy} data-testid="action-confirm">
            {ACTION_LABELS[action]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
