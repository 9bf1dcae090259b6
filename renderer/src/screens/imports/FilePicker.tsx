import { Button, FileButton, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';

interface FilePickerProps {
  busy: boolean;
  fileName: string | null;
  onFile(file: File): void;
  /** compact form once a preview is on screen */
  compact?: boolean;
}

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: an .xlsx picked with the button or dropped on the area. */
export function FilePicker({ busy, fileName, onFile, compact }: FilePickerProps) {
  const [over, setOver] = useState(false);

  const button = (
    <FileButton onChange={(f) => f && onFile(f)} accept={ACCEPT} disabled={busy} inputProps={{ 'data-testid': 'roster-file-input' } as React.ComponentProps<'input'>}>
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
      data-testid="roster-drop"
    >
      <Stack align="center" gap="sm" py="lg">
        {busy ? (
          <>
            <Loader />
            <Text fw={500}>正在读取“{fileName}”…</Text>
            <Text size="sm" c="dimmed">
              识别表头、合并单元格和房号写法，较大的名册需要几秒钟
            </Text>
          </>
        ) : (
          <>
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconFileSpreadsheet size={32} />
            </ThemeIcon>
            <Text fw={500}>把业主名册（.xlsx）拖到这里，或</Text>
            <Group>{button}</Group>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              支持开发商和前物业公司的名册：表头上方的标题行、合并单元格、空行、全角数字、“3栋2单元1502”写在一格都可以识别。
              导入前会先预览，每一行被拒绝的原因都会列出。
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
