import { Center, Group, Loader, Text } from '@mantine/core';

/** A quiet "loading" line for a screen or a panel. */
export function Loading({ text = '正在加载…', h = 240 }: { text?: string; h?: number | string }) {
  return (
    <Center h={h}>
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {text}
        </Text>
      </Group>
    </Center>
  );
}
