import { ActionIcon, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNav } from '../app/navigation';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** badges next to the title */
  badges?: ReactNode;
  /** buttons on the right */
  actions?: ReactNode;
  titleTestId?: string;
}

/** The title bar every screen starts with: back arrow, title, badges, subtitle, actions. */
export function PageHeader({ title, subtitle, badges, actions, titleTestId }: PageHeaderProps) {
  const canGoBack = useNav((s) => s.history.length > 0);
  const back = useNav((s) => s.back);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        {canGoBack && (
          <Tooltip label="返回">
            <ActionIcon variant="subtle" color="gray" size="lg" onClick={back} aria-label="返回" mt={2}>
              <IconArrowLeft size={20} />
            </ActionIcon>
          </Tooltip>
        )}
        <Stack gap={2}>
          <Group gap="sm" align="center">
            <Title order={2} data-testid={titleTestId}>
              {title}
            </Title>
            {badges}
          </Group>
          {subtitle && (
            <Text size="sm" c="dimmed" component="div">
              {subtitle}
            </Text>
          )}
        </Stack>
      </Group>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
