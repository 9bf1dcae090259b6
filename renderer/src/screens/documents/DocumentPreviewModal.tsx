import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconDeviceFloppy, IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import type { z } from 'zod';
import type { Output } from '../../../../shared/contract';
import type { Result } from '../../../../shared/contract/result';
import { DOCUMENT_KIND_TITLES, type DocumentRequest } from '../../../../shared/contract/documents';
import { api } from '../../bridge';
import { unwrap } from '../../app/call';
import classes from './PrintPreview.module.css';

type PageSize = 'A4' | 'A5';
/** what to print, as the contract takes it (the paper size is chosen in the window) */
export type PrintRequest = z.input<typeof DocumentRequest>;

// paper and the printer's margins (the documents' @page rule, electron/core/documents/html.ts: 12 mm top/bottom, 14 mm left/right), in CSS px
const MM = 96 / 25.4;
const PAPER: Record<PageSize, { w: number; h: number }> = { A4: { w: 210 * MM, h: 297 * MM }, A5: { w: 148 * MM, h: 210 * MM } };
const MARGIN = { x: 14 * MM, y: 12 * MM };

/**
 * Shows what will be printed, as a sheet of paper on a grey desk: the same HTML the shell turned
 * into the PDF, in a sandboxed frame (no scripts, no network). The preview renders once and comes
 * back with a job id: 打印 prints that job (Electron: the print dialog for the page already rendered;
 * the harness writes the PDF), 另存为 PDF saves the same bytes, 另存为 Word an editable copy main builds
 * from the same facts (docs/PRINTING.md).
 * Focus starts on 打印, so Enter prints; pressed before the PDF is ready, it prints when it is.
 */
export function DocumentPreviewModal({ request, open, onClose, title }: { request: PrintRequest; open: boolean; onClose(): void; title?: string }) {
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  // the slips come in A4 and A5; the other documents are laid out for A4
  const sizable = request.document === 'acceptanceSlip' || request.document === 'workOrder';
  const size: PageSize = sizable ? pageSize : 'A4';
  // a new object each render from the caller must not render the document again
  const key = JSON.stringify(request);
  const [preview, setPreview] = useState<Output<'documents.print.preview'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** bumped to render again (a job that expired while the window stood open) */
  const [renderNo, setRenderNo] = useState(0);
  const [printing, setPrinting] = useState(false);
  /** 打印 was pressed before the preview was ready */
  const printWhenReady = useRef(false);
  const [waiting, setWaiting] = useState(false);
  const [savingPdf, setSavingPdf] = useState(false);
  const [savingWord, setSavingWord] = useState(false);
  // outcomes show inside the window, next to its buttons, never over them
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const desk = useElementSize();
  const printRef = useRef<HTMLButtonElement>(null);

  const print = useCallback(async (jobId: string) => {
    setPrinting(true);
    setOutcome(null);
    let r: Result<Output<'documents.print.print'>>;
    try {
      r = await api['documents.print.print']({ jobId });
    } catch {
      r = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
    }
    setPrinting(false);
    if (r.ok) setOutcome({ ok: r.value.printed, message: r.value.message });
    else {
      setOutcome({ ok: false, message: r.error.message });
      // the kept job expired: render again so the next 打印 works
      if (r.error.code === 'NOT_FOUND') setRenderNo((n) => n + 1);
    }
  }, []);

  // 打印 is disabled while it works (and so loses the focus): give the focus back when it is done, so Enter prints again
  const busy = printing || waiting;
  useEffect(() => {
    if (!busy) printRef.current?.focus();
  }, [busy]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPreview(null);
    setError(null);
    const req = JSON.parse(key) as PrintRequest;
    api['documents.print.preview'](req.document === 'acceptanceSlip' || req.document === 'workOrder' ? { ...req, pageSize: size } : req).then(
      (r) => {
        if (!live) return;
        if (r.ok) setPreview(r.value);
        else setError(r.error.message);
        // 打印 pressed while the PDF was being made: print it now (or give up with the error)
        if (printWhenReady.current) {
          printWhenReady.current = false;
          setWaiting(false);
          if (r.ok) void print(r.value.jobId);
        }
      },
      () => {
        if (!live) return;
        setError('与后台的连接中断，请重试');
        printWhenReady.current = false;
        setWaiting(false);
      },
    );
    return () => {
      live = false;
    };
  }, [open, key, size, renderNo, print]);

  const onPrint = () => {
    if (preview) void print(preview.jobId);
    else if (!error) {
      printWhenReady.current = true;
      setWaiting(true);
    }
  };

  const savePdf = async () => {
    if (!preview) return;
    setSavingPdf(true);
    setOutcome(null);
    // main saves the job it rendered (the same bytes as the preview) and logs it
    const r = await unwrap(api['documents.print.save']({ jobId: preview.jobId }));
    setSavingPdf(false);
    if (r?.saved) setOutcome({ ok: true, message: `已保存：${r.path ?? preview.fileName}` });
  };

  // the Word copy does not wait for the preview: main builds it from the ticket, not from the PDF
  const saveWord = async () => {
    setSavingWord(true);
    setOutcome(null);
    const file = await unwrap(api['documents.word.save'](JSON.parse(key) as PrintRequest));
    const r = file ? await unwrap(api['system.files.save'](file)) : null;
    setSavingWord(false);
    if (file && r?.saved) setOutcome({ ok: true, message: `已保存：${r.path ?? file.fileName}` });
  };

  const paper = PAPER[size];
  // the sheet fits the width of the desk (never larger than life)
  const scale = desk.width > 0 ? Math.min(1, (desk.width - 48) / paper.w) : 1;
  const pages = Math.max(1, preview?.pages ?? 1);
  const contentH = (paper.h - 2 * MARGIN.y) * pages;

  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={`打印预览 · ${title ?? DOCUMENT_KIND_TITLES[request.document]}`}
      size={920}
      centered
      classNames={{ body: classes.body }}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          {sizable ? (
            <SegmentedControl
              value={pageSize}
              onChange={(v) => setPageSize(v as PageSize)}
              data={[
                { value: 'A4', label: 'A4 纸' },
                { value: 'A5', label: 'A5 纸' },
              ]}
              aria-label="纸张"
              data-testid="print-page-size"
            />
          ) : (
            <span />
          )}
          <Text size="sm" c="dimmed" data-testid="print-preview-pages">
            {preview ? `共 ${preview.pages} 页 · ${size}` : ''}
          </Text>
        </Group>
        <div ref={desk.ref} className={classes.desk}>
          {error && (
            <Alert color="red" title="无法生成预览">
              {error}
            </Alert>
          )}
          {!preview && !error && (
            <Group justify="center" gap="xs" mt={80} data-testid="print-preview-loading">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                正在生成 PDF…
              </Text>
            </Group>
          )}
          {preview && (
            // the layout box takes the scaled size; the sheet inside is drawn at full size and scaled
            <div style={{ width: paper.w * scale, height: (contentH + 2 * MARGIN.y) * scale, margin: '0 auto' }}>
              <div className={classes.sheet} style={{ width: paper.w, padding: `${MARGIN.y}px ${MARGIN.x}px`, transform: `scale(${scale})` }}>
                <iframe
                  title="打印预览"
                  sandbox=""
                  srcDoc={preview.html}
                  className={classes.frame}
                  style={{ height: contentH }}
                  data-testid="print-preview-frame"
                />
              </div>
            </div>
          )}
        </div>
        <Group justify="space-between">
          {outcome ? (
            <Text size="sm" c={outcome.ok ? 'teal.8' : 'red.8'} data-testid="print-outcome" style={{ flex: 1, minWidth: 0 }} lineClamp={2}>
              {outcome.message}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {preview ? '按 Enter 打印' : '正在生成 PDF；现在按 Enter，生成后即打印'}
            </Text>
          )}
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void savePdf()}
              loading={savingPdf}
              disabled={!preview}
              data-testid="print-save-pdf"
            >
              另存为 PDF
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypeDocx size={16} />}
              onClick={() => void saveWord()}
              loading={savingWord}
              data-testid="print-save-word"
            >
              另存为 Word
            </Button>
            <Button
              leftSection={<IconPrinter size={16} />}
              onClick={onPrint}
              loading={busy}
              disabled={!!error}
              data-testid="print-print"
              ref={printRef}
              data-autofocus
            >
              打印
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
