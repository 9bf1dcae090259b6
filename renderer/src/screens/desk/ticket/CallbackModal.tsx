import { useEffect, useState } from 'react';
import { Alert, Button, Group, Input, Modal, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { CALLBACK_METHODS, SATISFACTION, type TicketDetailT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { useFormSubmit } from '../../../components/useFormSubmit';

type Level = (typeof SATISFACTION)[number];

/** 回访: resolved with a five-point rating, or not resolved (the ticket goes back to 处理中). */
export function CallbackModal({ ticketId, no, opened, onClose, onDone }: { ticketId: number; no: string; opened: boolean; onClose(): void; onDone(d: TicketDetailT): void }) {
  const [method, setMethod] = useState<(typeof CALLBACK_METHODS)[number]>('电话');
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Level | null>(null);
  const [comment, setComment] = useState('');
  const form = useFormSubmit();

  useEffect(() => {
    if (!opened) return;
    setMethod('电话');
    setResolved(null);
    setSatisfaction(null);
    setComment('');
    form.reset();
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    if (resolved === null) {
      form.setErrors({ resolved: '请选择是否解决' });
      return;
    }
    const r = await form.submit(() => api['desk.callbacks.record']({ ticketId, method, resolved, satisfaction, comment }));
    if (r) onDone(r);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`回访 · ${no}`} centered size="lg">
      <Stack>
        <Input.Wrapper label="回访方式">
          <SegmentedControl fullWidth value={method} onChange={(v) => setMethod(v as typeof method)} data={[...CALLBACK_METHODS]} />
        </Input.Wrapper>
        <Input.Wrapper label="问题是否解决" withAsterisk error={form.err('resolved')}>
          <Group grow>
            <Button variant={resolved === true ? 'filled' : 'default'} color="teal" onClick={() => setResolved(true)} data-testid="callback-resolved-yes">
              已解决
            </Button>
            <Button variant={resolved === false ? 'filled' : 'default'} color="orange" onClick={() => setResolved(false)} data-testid="callback-resolved-no">
              未解决（重新处理）
            </Button>
          </Group>
        </Input.Wrapper>
        <Input.Wrapper label="满意度" withAsterisk={resolved === true} error={form.err('satisfaction')}>
          <Group grow gap={6}>
            {SATISFACTION.map((s) => (
              <Button
                key={s}
                size="sm"
                variant={satisfaction === s ? 'filled' : 'default'}
                color={s.includes('不') ? 'red' : s === '一般' ? 'yellow' : 'teal'}
                onClick={() => setSatisfaction(s)}
                data-testid={`callback-satisfaction-${s}`}
              >
                {s}
              </Button>
            ))}
          </Group>
        </Input.Wrapper>
        <Textarea label="回访意见" withAsterisk={resolved === false} placeholder="业主的原话或反馈" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={form.err('comment')} />
        {resolved === false && <Alert color="orange">未解决的工单会重新回到「处理中」，并在时间线上记下这次回访。</Alert>}
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void save()} loading={form.busy} data-testid="callback-save">
            保存回访
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
