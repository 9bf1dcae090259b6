import { useRef } from 'react';
import { Alert, Grid, Select, Text, Textarea } from '@mantine/core';
import type { DeskConfigT, TicketActionT, TicketDetailT } from '../../../../../shared/contract/desk';
import { ACTION_LABELS, TransitionInput } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { FormModal } from '../../../components/form/FormModal';
import { useContractForm } from '../../../components/form/contractForm';

/** What each step asks for before it runs (main refuses the same: core/desk/tickets.ts). */
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

interface ActionValues extends Record<string, unknown> {
  department: string | null;
  assignee: string | null;
  note: string;
  reason: string;
}

/**
 * A lifecycle step that needs a person, a note or a reason, on the shared FormModal (the
 * contract's TransitionInput as the resolver; Ctrl+Enter confirms). Mounted only while a step is chosen.
 */
export function ActionModal({
  action,
  detail,
  config,
  onClose,
  onDone,
}: {
  action: TicketActionT;
  detail: TicketDetailT;
  config: DeskConfigT | null;
  onClose(): void;
  onDone(d: TicketDetailT): void;
}) {
  const t = detail.ticket;
  const need = NEEDS[action];
  const withPeople = action === 'dispatch' || action === 'reassign';
  const toInput = (v: ActionValues) => ({
    id: t.id,
    action,
    department: withPeople ? v.department : null,
    assignee: withPeople ? v.assignee : null,
    note: need?.field === 'note' ? v.note : null,
    reason: need?.field === 'reason' ? v.reason : null,
  });
  const form = useContractForm<ActionValues, typeof TransitionInput>({
    schema: TransitionInput,
    initialValues: { department: action === 'reassign' ? t.department : null, assignee: null, note: '', reason: '' },
    toInput,
    also: (v) => {
      const errors: Record<string, string> = {};
      if (need?.required && !v[need.field].trim()) errors[need.field] = `请填写${need.label}`;
      if (withPeople && !v.department) errors.department = '请选择处理部门';
      if (action === 'reassign' && v.department === t.department && (v.assignee ?? null) === t.assignee) errors.assignee = '转派对象与当前相同';
      return errors;
    },
  });
  const assigneeRef = useRef<HTMLInputElement>(null);
  const staff = config?.departments.find((d) => d.name === form.values.department)?.staff ?? [];

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`${ACTION_LABELS[action]} · ${t.no}`}
      size="lg"
      form={form}
      submit={(v) => api['desk.tickets.transition'](toInput(v))}
      onSaved={onDone}
      submitLabel={action === 'void' ? '确认作废' : `确认${ACTION_LABELS[action]}`}
      submitColor={action === 'void' ? 'red' : undefined}
      testId="action"
    >
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
              nothingFoundMessage="没有这个部门"
              {...form.getInputProps('department')}
              onChange={(v) => {
                form.setValues({ department: v, assignee: null });
                // next the person: their list opens at once
                if (v && config?.departments.find((d) => d.name === v)?.staff.length) setTimeout(() => assigneeRef.current?.focus(), 0);
              }}
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
              placeholder={!form.values.department ? '先选部门' : staff.length ? '可不填' : '该部门未设置人员'}
              data={staff}
              disabled={!staff.length}
              nothingFoundMessage="没有这个人"
              {...form.getInputProps('assignee')}
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
          {...form.getInputProps(need.field)}
          data-autofocus={!withPeople || undefined}
          data-testid="action-note"
        />
      )}
      {EXPLAIN[action] && (
        <Text size="sm" c="dimmed">
          {EXPLAIN[action]}
        </Text>
      )}
      {action === 'void' && <Alert color="red">作废后工单不能再处理，但会一直保留在记录中，作废原因写入处理过程。</Alert>}
      <Text size="xs" c="dimmed">
        Ctrl+Enter 确认
      </Text>
    </FormModal>
  );
}
