import { useEffect, useState } from 'react';
import { Alert, Box, Button, Group, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';

export type PrintableDocument = 'acceptanceSlip' | 'workOrder';
const TITLES: Record<PrintableDocument, string> = { acceptanceSlip: '受理单', workOrder: '派工单' };

interface Preview {
  html: string;
  pages: number;
  pdfBase64: string;
  fileName: string;
}

/**
 * Shows what will be printed (the same HTML Chromium turns into the PDF), then prints it through
 * the shell: Electron's system print dialog, or a PDF file in the test harness.
 */
export function PrintPreviewModal({ document, ticketId, opened, onClose }: { document: PrintableDocument; ticketId: number; opened: boolean; onClose(): void }) {
  const [pageSize, setPageSize] = useState<'A4' | 'A5'>('A4');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    setPreview(null);
    setError(null);
    void api['documents.print.preview']({ document, ticketId, pageSize }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [opened, document, ticketId, pageSize]);

  const print = async () => {
    setPrinting(true);
    const r = await unwrap(api['documents.print.print']({ document, ticketId, pageSize }));
    setPrinting(false);
    if (r) notifications.show({ color: r.printed ? 'teal' : 'yellow', message: r.message, autoClose: 5000 });
  };

  const savePdf = async () => {
    if (!preview) return;
    const r = await unwrap(api['system.files.save']({ fileName: preview.fileName, dataBase64: preview.pdfBase64 }));
    if (r?.saved) notifications.show({ color: 'teal', message: `已保存：${r.path ?? preview.fileName}` });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`打印预览 · ${TITLES[document]}`} size={880} centered>
      <Stack gap="sm">
        <Group justify="space-between">
          <SegmentedControl value={pageSize} onChange={(v) => setPageSize(v as 'A4' | 'A5')} data={[{ value: 'A4', label: 'A4 纸' }, { value: 'A5', label: 'A5 纸' }]} />
          <Text size="sm" c="dimmed" data-testid="print-preview-pages">
            {preview ? `共 ${preview.pages} 页` : ''}
          </Text>
        </Group>
        <Box bg="gray.2" p="md" style={{ borderRadius: 6, height: '62vh', overflow: 'auto' }}>
          {error && <Alert color="red">{error}</Alert>}
          {!preview && !error && (
            <Group justify="center" mt="xl">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                正在生成…
              </Text>
            </Group>
          )}
          {preview && (
            <Box bg="white" mx="auto" style={{ width: pageSize === 'A4' ? 794 : 560, boxShadow: '0 2px 10px rgba(0,0,0,.15)' }}>
              {/* no scripts, no network: the document is shown exactly as it prints */}
              <iframe title="打印预览" sandbox="" srcDoc={preview.html} data-testid="print-preview-frame" style={{ width: '100%', height: pageSize === 'A4' ? 1123 * preview.pages : 794 * preview.pages, border: 0, display: 'block' }} />
            </Box>
          )}
        </Box>
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void savePdf()} disabled={!preview} data-testid="print-save-pdf">
            另存为 PDF
          </Button>
          <Button leftSection={<IconPrinter size={16} />} onClick={() => void print()} loading={printing} disabled={!preview} data-testid="print-print">
            打印
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
