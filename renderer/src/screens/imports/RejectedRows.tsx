import { Badge, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconCircleX } from '@tabler/icons-react';
import type { z } from 'zod';
import type { RowMessage } from '../../../../shared/contract/imports';

type RowMessageT = z.infer<typeof RowMessage>;

/** 被拒绝的行: each row that will not be imported, with its Excel row number and why. */
export function RejectedRows({
  rejected,
  note = '这些行不会导入；可在原表中修正后重新导入',
  testIdPrefix = 'roster',
}: {
  rejected: RowMessageT[];
  note?: string;
  testIdPrefix?: string;
}) {
  if (rejected.length === 0) return null;
  const sorted = [...rejected].sort((a, b) => a.row - b.row);
  return (
    <Card withBorder radius="md" padding="md" data-testid={`${testIdPrefix}-rejected`}>
      <Group gap={8} mb="xs">
        <IconCircleX size={20} color="var(--mantine-color-red-7)" />
        <Title order={4}>被拒绝的行</Title>
        <Badge color="red" variant="light">
          {rejected.length}
        </Badge>
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      </Group>
      <ScrollArea.Autosize mah={240} type="auto">
        <Stack gap={2}>
          {sorted.map((r, i) => (
            <Group key={`${r.row}-${i}`} gap="sm" wrap="nowrap" align="flex-start" data-testid={`${testIdPrefix}-rejected-row`}>
              <Text size="sm" fw={600} w={76} className="fd-tabular" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
                第 {r.row} 行
              </Text>
              <Text size="sm" c="red.8">
                {r.reason}
              </Text>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Card>
  );
}
