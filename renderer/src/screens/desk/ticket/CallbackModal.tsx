import { useEffect, useState } from 'react';
import { Alert, Button, Group, Input, Kbd, Modal, Paper, SegmentedControl, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconPhone } from '@tabler/icons-react';
import { CALLBACK_METHODS, SATISFACTION, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { when } from '../shared/format';

type Level = (typeof SATISFACTION)[number];
type Method = (typeof CALLBACK_METHODS)[number];

const LEVEL_COLORS: Record<Level, string> = { 非常满意: 'teal', 满意: 'teal', 一般: 'yellow', 不满意: 'red', 非常不满意: 'red' };

/**
 * 回访: who to call and what was done, then the result. Resolved with a five-point rating, or
 * not resolved, which sends the ticket back to 处理中. Ctrl+Enter saves.
 */
export function CallbackModal({ ticketId, open, onClose, onDone }: { ticketId: number; open: boolean; onClose(): void; onDone(d: TicketDetailT): void }) {
  const [detail, setDetail] = useState<TicketDetailT | null>(null);
  const [method, setMethod] = useState<Method>('电话');
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Level | null>(null);
  const [comment, setComment] = useState('');
  const form = useFormSubmit();

  useEffect(() => {
    if (!open) return;
    setDetail(null);
    setMethod('电话');
    setResolved(null);
    setSatisfaction(null);
    setComment('');
    form.reset();
    let live = true;
    void unwrap(api['desk.tickets.get']({ id: ticketId })).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [open, ticketId]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    const errors: Record<string, string> = {};
    if (resolved === null) errors.resolved = '请选择问题是否解决';
    if (resolved === true && !satisfaction) errors.satisfaction = '请选择满意度';
    if (resolved === false && !comment.trim()) errors.comment = '请写下业主反映的问题，便于重新处理';
    if (Object.keys(errors).length) {
      form.setErrors(errors);
      return;
    }
    const r = await form.submit(() => api['desk.callbacks.record']({ ticketId, method, resolved: resolved === true, satisfaction, comment }));
    if (r) onDone(r);
  };

  const t = detail?.ticket;
  const done = detail ? [...detail.events].reverse().find((e) => e.action === 'complete') : undefined;

  return (
    <Modal opened={open} onClose={onClose} title={`回访 · ${t?.no ?? ''}`} centered size="lg">
      <Stack onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}>
        <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)" data-testid="callback-context">
          {t ? (
            <Stack gap={4}>
              <Group gap="xs">
                <IconPhone size={16} />
                <Text fw={600}>{t.reporter ?? '未留姓名'}</Text>
                <Text fw={600} className="fd-tabular" data-testid="callback-phone">
                  {t.phone ?? '未留电话'}
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
          <SegmentedControl fullWidth value={method} onChange={(v) => setMethod(v as Method)} data={[...CALLBACK_METHODS]} data-testid="callback-method" />
        </Input.Wrapper>
        <Input.Wrapper label="问题是否解决" withAsterisk error={form.err('resolved')}>
          <Group grow>
            <Button
              variant={resolved === true ? 'filled' : 'default'}
              color="teal"
              onClick={() => {
                setResolved(true);
                form.clear('resolved', 'comment');
              }}
              data-testid="callback-resolved-yes"
              data-autofocus
            >
              已解决
            </Button>
            <Button
              variant={resolved === false ? 'filled' : 'default'}
              color="orange"
              onClick={() => {
                setResolved(false);
                form.clear('resolved', 'satisfaction');
              }}
              data-testid="callback-resolved-no"
            >
              未解决（退回重新处理）
            </Button>
          </Group>
        </Input.Wrapper>
        <Input.Wrapper label="满意度" withAsterisk={resolved === true} description={resolved === false ? '未解决时可不评' : undefined} error={form.err('satisfaction')}>
          <SegmentedControl
            fullWidth
            value={satisfaction ?? ''}
            onChange={(v) => {
              setSatisfaction(v as Level);
              form.clear('satisfaction');
            }}
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
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            form.clear('comment');
          }}
          error={form.err('comment')}
          data-testid="callback-comment"
        />
        {resolved === false && (
          <Alert color="orange" variant="light">
            保存后工单将重新打开，回到「处理中」，由原处理部门继续处理；这次回访记入处理过程。
          </Alert>
        )}
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void save()} loading={form.busy} rightSection={<Kbd size="xs">Ctrl+Enter</Kbd>} data-testid="callback-save">
            保存回访
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
