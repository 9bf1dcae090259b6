import type { ReactNode } from 'react';
import { Box, Paper, Text, Title } from '@mantine/core';

/** One card of the settings screen. */
export function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="sm">
      <Title order={4}>{title}</Title>
      {description ? (
        <Text size="sm" c="dimmed" mt={2}>
          {description}
        </Text>
      ) : null}
      <Box mt="md">{children}</Box>
    </Paper>
  );
}
