import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconFileTypeDocx, IconPlayerStop, IconPrinter } from '@tabler/icons-react';
import { DOCUMENT_KIND_TITLES, type BatchStatusT } from '../../../../shared/contract/documents';
import { api } from '../../bridge';
import type { PrintRequest } from './DocumentPreviewModal';

const POLL_MS = 400;

/**
 * A document for many houses at once (a building's move-in packets, a notice per house): main
 * renders it in the background while this window shows how far it is and can stop it; the result
 * is one print job, one PDF and one Word file (docs/PRINTING.md, "Batches").
 */
export function BatchPrintModal({ request, open, onClose, title }: { request: PrintRequest; open: boolean; onClose(): void; title?: string }) {
  const [status, setStatus] = useState<BatchStatusT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'print' | 'pdf' | 'docx' | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const batchId = useRef<string | null>(null);
  const key = JSON.stringify(request);

  useEffect(() => {
    if (!open) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setStatus(null);
    setError(null);
    setOutcome(null);
    const poll = async (id: string) => {
      const r = await api['documents.batch.status']({ batchId: id }).catch(() => null);
      if (!live) return;
      if (!r) return setError('与后台的连接中断，请重试');
      if (!r.ok) return setError(r.error.message);
      setStatus(r.value);
      if (r.value.state === 'running') timer = setTimeout(() => void poll(id), POLL_MS);
    };
    void api['documents.batch.start']({ request: JSON.parse(key) as PrintRequest })
      .then((r) => {
        if (!live) {
          // closed before it started: stop it at once
          if (r.ok) void api['documents.batch.cancel']({ batchId: r.value.batchId });
          return;
        }
        if (!r.ok) return setError(r.error.message);
        batchId.current = r.value.batchId;
        setStatus(r.value);
        timer = setTimeout(() => void poll(r.value.batchId), POLL_MS);
      })
      .catch(() => live && setError('与后台的连接中断，请重试'));
    return () => {
      live = false;
      clearTimeout(timer);
      // closing the window while it works stops the work
      if (batchId.current) void api['documents.batch.cancel']({ batchId: batchId.current });
      batchId.current = null;
    };
  }, [open, key]);

  const cancel = async () => {
    if (!batchId.current) return;
    const r = await api['documents.batch.cancel']({ batchId: batchId.current });
    if (r.ok) setStatus(r.value);
  };

  const print = async () => {
    if (!status?.result) return;
    setBusy('print');
    setOutcome(null);
    const r = await api['documents.print.print']({ jobId: status.result.jobId }).catch(() => null);
    setBusy(null);
    if (!r) setOutcome({ ok: false, message: '与后台的连接中断，请重试' });
    else if (r.ok) setOutcome({ ok: r.value.printed, message: r.value.message });
    else setOutcome({ ok: false, message: r.error.message });
  };

  const save = async (format: 'pdf' | 'docx') => {
    if (!status) return;
    setBusy(format);
    setOutcome(null);
    const r = await api['documents.batch.save']({ batchId: status.batchId, format }).catch(() => null);
    setBusy(null);
    if (!r) setOutcome({ ok: false, message: '与后台的连接中断，请重试' });
    else if (!r.ok) setOutcome({ ok: false, message: r.error.message });
    else if (r.value.saved) setOutcome({ ok: true, message: `已保存：${r.value.path ?? ''}` });
  };

  const running = status?.state === 'running';
  const done = status?.state === 'done';
  const pct = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <Modal opened={open} onClose={onClose} title={`批量打印 · ${title ?? DOCUMENT_KIND_TITLES[request.document]}`} size={560} centered>
      <Stack gap="md">
        {error ? (
          <Alert color="red" title="无法生成" data-testid="batch-error">
            {error}
          </Alert>
        ) : null}
        {status ? (
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="sm" fw={500} data-testid="batch-phase">
                {status.phase}
              </Text>
              <Text size="sm" c="dimmed" className="fd-tabular" data-testid="batch-count">
                {status.total > 0 ? `${status.done} / ${status.total}` : ''}
              </Text>
            </Group>
            <Progress value={done ? 100 : pct} animated={running} color={status.state === 'failed' ? 'red' : status.state === 'cancelled' ? 'gray' : 'blue'} />
            {status.message ? (
              <Text size="sm" c={status.state === 'failed' ? 'red.8' : status.state === 'done' ? 'teal.8' : 'dimmed'} data-testid="batch-message">
                {status.message}
              </Text>
            ) : null}
          </Stack>
        ) : !error ? (
          <Text size="sm" c="dimmed">
            正在开始…
          </Text>
        ) : null}
        {outcome ? (
          <Text size="sm" c={outcome.ok ? 'teal.8' : 'red.8'} data-testid="batch-outcome" lineClamp={2}>
            {outcome.message}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="sm">
          {running ? (
            <Button variant="default" color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => void cancel()} data-testid="batch-cancel">
              取消
            </Button>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={!done}
            loading={busy === 'pdf'}
            onClick={() => void save('pdf')}
            data-testid="batch-save-pdf"
          >
            保存 PDF
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={16} />}
            disabled={!done}
            loading={busy === 'docx'}
            onClick={() => void save('docx')}
            data-testid="batch-save-word"
          >
            保存 Word
          </Button>
          <Button leftSection={<IconPrinter size={16} />} disabled={!done} loading={busy === 'print'} onClick={() => void print()} data-testid="batch-print">
            打印
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
