import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Grid, Group, Kbd, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { DeskConfigT, TicketActionT, TicketDetailT } from '../../../../../shared/contract/desk';
import { ACTION_LABELS } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { useFormSubmit } from '../../../components/useFormSubmit';

/** What each step asks for before it runs. */
const NEEDS: Partial<Record<TicketActionT, { field: 'note' | 'reason'; required: boolean; label: string; placeholder: string }>> = {
  dispatch: { field: 'note', required: false, label: '派工说明', placeholder: '可不填，如：业主下午在家' },
  reassign: { field: 'note', required: false, label: '转派原因', placeholder: '可不填，如：属于环境部处理范围' },
  complete: { field: 'note', required: false, label: '处理情况', placeholder: '如：已更换水龙头，业主确认' },
  close: { field: 'note', required: false, label: '说明', placeholder: '可不填' },
  sendBack: { field: 'note', required: true, label: '退回原因', placeholder: '如：不属于本部门处理范围' },
  hold: { field: 'note', required: true, label: '挂起原因', placeholder: '如：等待业主提供材料' },
  reopen: { field: 'note', required: true, label: '重开原因', placeholder: '如：业主反映问题复发' },
  void: { field: 'reason', required: true, label: '作废原因', placeholder: '如：重复登记' },
};

/** one line on what the step does, where it is not obvious */
const EXPLAIN: Partial<Record<TicketActionT, string>> = {
  sendBack: '退回后工单回到「已受理」，需要重新派工。',
  hold: '挂起期间不计时，恢复后继续计时。',
  reopen: '重开后工单回到处理中，需重新完成和回访。',
  close: '关闭后工单归档，如有问题可重开。',
};

/** A lifecycle step that needs a person, a note or a reason; Ctrl+Enter confirms. */
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
  const assigneeRef = useRef<HTMLInputElement>(null);

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
  const t = detail.ticket;

  const run = async () => {
    if (need?.required && !text.trim()) {
      form.setErrors({ [need.field]: `请填写${need.label}` });
      return;
    }
    if (withPeople && !department) {
      form.setErrors({ department: '请选择处理部门' });
      return;
    }
    const r = await form.submit(() =>
      api['desk.tickets.transition']({
        id: t.id,
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
    <Modal opened onClose={onClose} title={`${ACTION_LABELS[action]} · ${t.no}`} centered size="lg">
      <Stack onKeyDown={getHotkeyHandler([['mod+Enter', () => void run()]])}>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {t.location} · {t.category}
          {t.subcategory ? ` / ${t.subcategory}` : ''} · {t.description}
        </Text>
        {action === 'reassign' && t.department && (
          <Text size="sm">
            当前：{t.department}
            {t.assignee ? ` · ${t.assignee}` : ''}
          </Text>
        )}
        {withPeople && (
          <Grid gap="md">
            <Grid.Col span={6}>
              <Select
                label="处理部门"
                withAsterisk
                searchable
                selectFirstOptionOnChange
                placeholder="输入或选择"
                data={config?.departments.map((d) => d.name) ?? []}
                value={department}
                onChange={(v) => {
                  setDepartment(v);
                  setAssignee(null);
                  form.clear('department', 'assignee');
                  // next the person: their list opens at once
                  if (v && config?.departments.find((d) => d.name === v)?.staff.length) setTimeout(() => assigneeRef.current?.focus(), 0);
                }}
                error={form.err('department')}
                nothingFoundMessage="没有这个部门"
                data-testid="dispatch-department"
                data-autofocus
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <Select
                ref={assigneeRef}
                label="处理人"
                searchable
                clearable
                selectFirstOptionOnChange
                placeholder={!department ? '先选部门' : staff.length ? '可不填' : '该部门未设置人员'}
                data={staff}
                value={assignee}
                onChange={(v) => {
                  setAssignee(v);
                  form.clear('assignee');
                }}
                disabled={!staff.length}
                error={form.err('assignee')}
                nothingFoundMessage="没有这个人"
                data-testid="dispatch-assignee"
              />
            </Grid.Col>
          </Grid>
        )}
        {need && (
          <Textarea
            label={need.label}
            withAsterisk={need.required}
            placeholder={need.placeholder}
            autosize
            minRows={2}
            maxRows={6}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              form.clear(need.field);
            }}
            error={form.err(need.field)}
            data-autofocus={!withPeople || undefined}
            data-testid="action-note"
          />
        )}
        {EXPLAIN[action] && <Text size="sm" c="dimmed">{EXPLAIN[action]}</Text>}
        {action === 'void' && <Alert color="red">作废后工单不能再处理，但会一直保留在记录中，作废原因写入处理过程。</Alert>}
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color={action === 'void' ? 'red' : undefined} onClick={() => void run()} loading={form.busy} rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>} data-testid="action-confirm">
            {action === 'void' ? '确认作废' : `确认${ACTION_LABELS[action]}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
