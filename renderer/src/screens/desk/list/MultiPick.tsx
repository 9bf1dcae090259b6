import { Button, Checkbox, CloseButton, Group, Input, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import classes from './TicketList.module.css';

interface MultiPickProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T[];
  onChange(value: T[]): void;
  width: number;
  testId?: string;
}

/**
 * A multiple choice that stays one line high in a filter bar: "全部", "处理中", "已受理 等4项",
 * with the choices as check boxes in a drop-down.
 */
export function MultiPick<T extends string>({ label, options, value, onChange, width, testId }: MultiPickProps<T>) {
  const summary = value.length === 0 ? '全部' : value.length === 1 ? value[0] : `${value[0]} 等${value.length}项`;
  return (
    <Input.Wrapper label={label} w={width}>
      <Popover position="bottom-start" shadow="md" withinPortal>
        <Popover.Target>
          <UnstyledButton className={classes.pick} data-testid={testId} aria-label={`${label}：${summary}`}>
            <Text size="sm" c={value.length ? undefined : 'dimmed'} truncate>
              {summary}
            </Text>
            {value.length ? (
              <CloseButton
                size="sm"
                component="span"
                aria-label={`清除${label}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onChange([]);
                }}
              />
            ) : (
              <IconChevronDown size={14} color="var(--mantine-color-gray-6)" />
            )}
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Checkbox.Group value={value} onChange={(v) => onChange(options.filter((o) => v.includes(o)))}>
            <Stack gap={6}>
              {options.map((o) => (
                <Checkbox key={o} value={o} label={o} size="sm" />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="space-between" mt="xs" gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => onChange([...options])}>
              全选
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange([])}>
              清除
            </Button>
          </Group>
        </Popover.Dropdown>
      </Popover>
    </Input.Wrapper>
  );
}
