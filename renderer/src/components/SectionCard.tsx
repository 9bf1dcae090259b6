import { Badge, Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  icon?: ReactNode;
  count?: number;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A titled card for one part of a screen; dense enough for a desk monitor. */
export function SectionCard({ title, icon, count, actions, children, testId }: SectionCardProps) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          {icon}
          <Title order={4}>{title}</Title>
          {count !== undefined && (
            <Badge variant="light" color="gray" size="sm" circle={count < 10}>
              {count}
            </Badge>
          )}
        </Group>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Card>
  );
}
