import { useEffect, useState } from 'react';
import { Alert, Button, Group, Input, Paper, SegmentedControl, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { CALLBACK_METHODS, CallbackInput, SATISFACTION, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { FormModal } from '../../../components/form/FormModal';
import { MaskedNumber } from '../../../components/MaskedNumber';
import { useContractForm } from '../../../components/form/contractForm';
import { when } from '../shared/format';

type Level = (typeof SATISFACTION)[number];
type Method = (typeof CALLBACK_METHODS)[number];

const LEVEL_COLORS: Record<Level, string> = { 非常满意: 'teal', 满意: 'teal', 一般: 'yellow', 不满意: 'red', 非常不满意: 'red' };

interface CallbackValues extends Record<string, unknown> {
  method: Method;
  /** null until the desk says */
  resolved: boolean | null;
  satisfaction: Level | null;
  comment: string;
}

/**
 * 回访: who to call and what was done, then the result. Resolved with a five-point rating, or not
 * resolved, which sends the ticket back to 处理中. On the shared FormModal with the contract's
 * CallbackInput as the resolver (and main's own rules: a rating when resolved, a comment when not).
 * Ctrl+Enter saves. Mounted only while open.
 */
export function CallbackModal({ ticketId, onClose, onDone }: { ticketId: number; onClose(): void; onDone(d: TicketDetailT): void }) {
  const [detail, setDetail] = useState<TicketDetailT | null>(null);
  const toInput = (v: CallbackValues) => ({ ticketId, method: v.method, resolved: v.resolved === true, satisfaction: v.satisfaction, comment: v.comment });
  const form = useContractForm<CallbackValues, typeof CallbackInput>({
    schema: CallbackInput,
    initialValues: { method: '电话', resolved: null, satisfaction: null, comment: '' },
    toInput,
    also: (v) => {
      const errors: Record<string, string> = {};
      if (v.resolved === null) errors.resolved = '请选择问题是否解决';
      if (v.resolved === true && !v.satisfaction) errors.satisfaction = '请选择满意度';
      if (v.resolved === false && !v.comment.trim()) errors.comment = '请写下业主反映的问题，便于重新处理';
      return errors;
    },
  });

  useEffect(() => {
    let live = true;
    void unwrap(api['desk.tickets.get']({ id: ticketId })).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [ticketId]);

  const t = detail?.ticket;
  const done = detail ? [...detail.events].reverse().find((e) => e.action === 'complete') : undefined;
  const { resolved, satisfaction } = form.values;
  const setResolved = (r: boolean) => form.setValues(r ? { resolved: true } : { resolved: false, satisfaction: null });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={`回访 · ${t?.no ?? ''}`}
      size="lg"
      form={form}
      submit={(v) => api['desk.callbacks.record'](toInput(v))}
      onSaved={onDone}
      submitLabel="保存回访"
      testId="callback"
    >
      <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)" data-testid="callback-context">
        {t ? (
          <Stack gap={4}>
            <Group gap="xs">
              <IconPhone size={16} />
              <Text fw={600}>{t.reporter ?? '未留姓名'}</Text>
              {/* the caller needs the number: masked until 显示, which is audited (docs/PRIVACY.md) */}
              <Text span fw={600} className="fd-tabular" data-testid="callback-phone">
                {t.phone ? <MaskedNumber masked={t.phone} reveal={{ subject: 'ticket', id: t.id, field: 'phone' }} label="联系电话" /> : '未留电话'}
              </Text>
              <Text size="sm" c="dimmed">
                {t.location}
              </Text>
            </Group>
            <Text size="sm" lineClamp={2}>
              {t.type} · {t.category}
              {t.subcategory ? ` / ${t.subcategory}` : ''}：{t.description}
            </Text>
            {done && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {when(done.at)} {t.department ?? ''}
                {t.assignee ? ` ${t.assignee}` : ''} 完成{done.note ? `：${done.note}` : ''}
              </Text>
            )}
          </Stack>
        ) : (
          <Stack gap={6}>
            <Skeleton h={14} w="60%" />
            <Skeleton h={14} />
          </Stack>
        )}
      </Paper>
      <Input.Wrapper label="回访方式">
        <SegmentedControl fullWidth data={[...CALLBACK_METHODS]} {...form.getInputProps('method')} data-testid="callback-method" />
      </Input.Wrapper>
      <Input.Wrapper label="问题是否解决" withAsterisk error={form.errors.resolved}>
        <Group grow>
          <Button
            variant={resolved === true ? 'filled' : 'default'}
            color="teal"
            onClick={() => setResolved(true)}
            data-testid="callback-resolved-yes"
            data-autofocus
          >
            已解决
          </Button>
          <Button variant={resolved === false ? 'filled' : 'default'} color="orange" onClick={() => setResolved(false)} data-testid="callback-resolved-no">
            未解决（退回重新处理）
          </Button>
        </Group>
      </Input.Wrapper>
      <Input.Wrapper
        label="满意度"
        withAsterisk={resolved === true}
        description={resolved === false ? '未解决时可不评' : undefined}
        error={form.errors.satisfaction}
      >
        <SegmentedControl
          fullWidth
          value={satisfaction ?? ''}
          onChange={(v) => form.setFieldValue('satisfaction', v as Level)}
          color={satisfaction ? LEVEL_COLORS[satisfaction] : undefined}
          data={SATISFACTION.map((s) => ({ value: s, label: <span data-testid={`callback-satisfaction-${s}`}>{s}</span> }))}
          aria-label="满意度"
        />
      </Input.Wrapper>
      <Textarea
        label="回访意见"
        withAsterisk={resolved === false}
        placeholder={resolved === false ? '业主说哪里还没解决' : '业主的原话或建议，可不填'}
        autosize
        minRows={2}
        maxRows={6}
        {...form.getInputProps('comment')}
        data-testid="callback-comment"
      />
      {resolved === false && (
        <Alert color="orange" variant="light">
          保存后工单将重新打开，回到「处理中」，由原处理部门继续处理；这次回访记入处理过程。
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        Ctrl+Enter 保存
      </Text>
    </FormModal>
  );
}
