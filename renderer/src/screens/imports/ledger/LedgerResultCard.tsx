import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileImport, IconListDetails } from '@tabler/icons-react';
import type { LedgerCommitResultT } from '../../../../../shared/contract/desk';
import { useNav } from '../../../app/navigation';

interface LedgerResultCardProps {
  result: LedgerCommitResultT;
  fileName: string | null;
  exporting: boolean;
  onExport(): void;
  onAnother(): void;
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Stack gap={0} align="center">
      <Text size="28px" fw={700} c={color} className="fd-tabular">
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** What the commit did, and where to go next. */
export function LedgerResultCard({ result, fileName, exporting, onExport, onAnother }: LedgerResultCardProps) {
  const go = useNav((s) => s.go);
  return (
    <Card withBorder radius="md" padding="xl" data-testid="ledger-summary">
      <Stack gap="lg" align="center">
        <Group gap="sm">
          <ThemeIcon color="green" size={40} radius="xl" variant="light">
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <div>
            <Title order={3}>导入完成</Title>
            {fileName && (
              <Text size="sm" c="dimmed">
                {fileName}
              </Text>
            )}
          </div>
        </Group>
        <Text>
          新建工单 {result.created.tickets} 张；接受 {result.accepted} 行，拒绝 {result.rejected.length} 行，提示 {result.warnings.length} 条。
        </Text>
        <SimpleGrid cols={4} spacing="xl" w="100%" maw={600}>
          <Stat label="新建工单" value={result.created.tickets} color="green.8" />
          <Stat label="已接受行" value={result.accepted} />
          <Stat label="拒绝行" value={result.rejected.length} color={result.rejected.length ? 'red.7' : undefined} />
          <Stat label="提示" value={result.warnings.length} color={result.warnings.length ? 'orange.8' : undefined} />
        </SimpleGrid>
        <Group>
          <Button leftSection={<IconListDetails size={16} />} onClick={() => go({ name: 'tickets' })} data-testid="ledger-open-tickets">
            查看工单列表
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={onExport}>
            导出报告 (.xlsx)
          </Button>
          <Button variant="subtle" leftSection={<IconFileImport size={16} />} onClick={onAnother}>
            导入另一个文件
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
