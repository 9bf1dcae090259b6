import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import type { Output } from '../../../../../shared/contract';
import { PRINT_DOCUMENTS } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import classes from './PrintPreview.module.css';

export type PrintableDocument = (typeof PRINT_DOCUMENTS)[number];
type PageSize = 'A4' | 'A5';

/** what each document is called on screen; later documents add their line */
export const DOCUMENT_TITLES: Record<PrintableDocument, string> = { acceptanceSlip: '受理单', workOrder: '派工单' };

// paper and the printer's margins (the documents' @page rule: 12 mm top/bottom, 14 mm left/right), in CSS px
const MM = 96 / 25.4;
const PAPER: Record<PageSize, { w: number; h: number }> = { A4: { w: 210 * MM, h: 297 * MM }, A5: { w: 148 * MM, h: 210 * MM } };
const MARGIN = { x: 14 * MM, y: 12 * MM };

/**
 * Shows what will be printed, as a sheet of paper on a grey desk: the same HTML the shell turns
 * into the PDF, in a sandboxed frame (no scripts, no network). 打印 goes through the shell
 * (Electron's print dialog; the harness writes the PDF), 另存为 PDF saves the rendered file.
 */
export function PrintPreviewModal({ document, ticketId, open, onClose }: { document: PrintableDocument; ticketId: number; open: boolean; onClose(): void }) {
  const [pageSize, setPageSize] = useState<PageSize>('A4');
  // notices go to the top so they never cover this window's own buttons
  const [preview, setPreview] = useState<Output<'documents.print.preview'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [savingPdf, setSavingPdf] = useState(false);
  const desk = useElementSize();
  const printRef = useRef<HTMLButtonElement>(null);
  /** bumped when the opening animation ends: the focus trap has placed the cursor by then */
  const [entered, setEntered] = useState(0);

  // Enter prints, as soon as there is something to print (again after the window has opened)
  useEffect(() => {
    if (preview) printRef.current?.focus();
  }, [entered, preview]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPreview(null);
    setError(null);
    api['documents.print.preview']({ document, ticketId, pageSize }).then(
      (r) => {
        if (!live) return;
        if (r.ok) setPreview(r.value);
        else setError(r.error.message);
      },
      () => live && setError('与后台的连接中断，请重试'),
    );
    return () => {
      live = false;
    };
  }, [open, document, ticketId, pageSize]);

  const print = async () => {
    setPrinting(true);
    const r = await unwrap(api['documents.print.print']({ document, ticketId, pageSize }));
    setPrinting(false);
    if (r) notifications.show({ color: r.printed ? 'teal' : 'yellow', message: r.message, autoClose: 5000, position: 'top-center' });
  };

  const savePdf = async () => {
    if (!preview) return;
    setSavingPdf(true);
    const r = await unwrap(api['system.files.save']({ fileName: preview.fileName, dataBase64: preview.pdfBase64 }));
    setSavingPdf(false);
    if (r?.saved) notifications.show({ color: 'teal', message: `已保存：${r.path ?? preview.fileName}`, autoClose: 5000, position: 'top-center' });
  };

  const paper = PAPER[pageSize];
  // the sheet fits the width of the desk (never larger than life)
  const scale = desk.width > 0 ? Math.min(1, (desk.width - 48) / paper.w) : 1;
  const pages = Math.max(1, preview?.pages ?? 1);
  const contentH = (paper.h - 2 * MARGIN.y) * pages;

  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={`打印预览 · ${DOCUMENT_TITLES[document]}`}
      size={920}
      centered
      classNames={{ body: classes.body }}
      onEnterTransitionEnd={() => setEntered((n) => n + 1)}
    >
      <Stack gap="sm">
        <Group justify="space-between">
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
          <Text size="sm" c="dimmed" data-testid="print-preview-pages">
            {preview ? `共 ${preview.pages} 页 · ${pageSize}` : ''}
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
                <iframe title="打印预览" sandbox="" srcDoc={preview.html} className={classes.frame} style={{ height: contentH }} data-testid="print-preview-frame" />
              </div>
            </div>
          )}
        </div>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            预览按{pageSize}纸排版，实际分页以打印为准
          </Text>
          <Group gap="sm">
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void savePdf()} loading={savingPdf} disabled={!preview} data-testid="print-save-pdf">
              另存为 PDF
            </Button>
            <Button leftSection={<IconPrinter size={16} />} onClick={() => void print()} loading={printing} disabled={!preview} data-testid="print-print" ref={printRef}>
              打印
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
