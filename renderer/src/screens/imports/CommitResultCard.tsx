import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconCircleCheck, IconDownload, IconFileImport } from '@tabler/icons-react';
import type { RosterCommitResultT } from '../../../../shared/contract/imports';
import { useNav } from '../../app/navigation';

interface CommitResultCardProps {
  result: RosterCommitResultT;
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
export function CommitResultCard({ result, fileName, exporting, onExport, onAnother }: CommitResultCardProps) {
  const go = useNav((s) => s.go);
  return (
    <Card withBorder radius="md" padding="xl" data-testid="roster-result">
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
        <SimpleGrid cols={5} spacing="xl" w="100%" maw={720}>
          <Stat label="已导入行" value={result.accepted} color="green.8" />
          <Stat label="新增房屋" value={result.created.houses} />
          <Stat label="新增人员" value={result.created.people} />
          <Stat label="拒绝行" value={result.rejected.length} color={result.rejected.length ? 'red.7' : undefined} />
          <Stat label="警告" value={result.warnings.length} color={result.warnings.length ? 'orange.8' : undefined} />
        </SimpleGrid>
        <Group>
          <Button leftSection={<IconBuildingCommunity size={16} />} onClick={() => go({ name: 'buildings' })} data-testid="roster-open-map">
            打开楼栋图
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
