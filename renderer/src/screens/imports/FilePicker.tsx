import { Button, FileButton, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';

interface FilePickerProps {
  busy: boolean;
  fileName: string | null;
  onFile(file: File): void;
  /** compact form once a preview is on screen */
  compact?: boolean;
  /** prefix of the test ids (roster-file-input, ledger-file-input…); default roster */
  testIdPrefix?: string;
  /** what to drop, and what the reader copes with; default: the owner roster's */
  prompt?: string;
  hint?: string;
  readingHint?: string;
}

const ROSTER_TEXT = {
  prompt: '把业主名册（.xlsx）拖到这里，或',
  hint: '支持开发商和前物业公司的名册：表头上方的标题行、合并单元格、空行、全角数字、“3栋2单元1502”写在一格都可以识别。导入前会先预览，每一行被拒绝的原因都会列出。',
  readingHint: '识别表头、合并单元格和房号写法，较大的名册需要几秒钟',
};

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: an .xlsx picked with the button or dropped on the area. */
export function FilePicker({
  busy,
  fileName,
  onFile,
  compact,
  testIdPrefix = 'roster',
  prompt = ROSTER_TEXT.prompt,
  hint = ROSTER_TEXT.hint,
  readingHint = ROSTER_TEXT.readingHint,
}: FilePickerProps) {
  const [over, setOver] = useState(false);

  const button = (
    <FileButton
      onChange={(f) => f && onFile(f)}
      accept={ACCEPT}
      disabled={busy}
      inputProps={{ 'data-testid': `${testIdPrefix}-file-input` } as React.ComponentProps<'input'>}
    >
      {(props) => (
        <Button {...props} leftSection={<IconUpload size={16} />} variant={compact ? 'default' : 'filled'} disabled={busy}>
          {compact ? '重新选择文件' : '选择 Excel 文件'}
        </Button>
      )}
    </FileButton>
  );

  if (compact) return button;

  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f && !busy) onFile(f);
      }}
      data-testid={`${testIdPrefix}-drop`}
    >
      <Stack align="center" gap="sm" py="lg">
        {busy ? (
          <>
            <Loader />
            <Text fw={500}>正在读取“{fileName}”…</Text>
            <Text size="sm" c="dimmed">
              {readingHint}
            </Text>
          </>
        ) : (
          <>
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconFileSpreadsheet size={32} />
            </ThemeIcon>
            <Text fw={500}>{prompt}</Text>
            <Group>{button}</Group>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {hint}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
