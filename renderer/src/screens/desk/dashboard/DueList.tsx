import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { TicketRowT } from '../../../../../shared/contract/desk';
import { cstDateTime } from '../../../../../shared/domain/time';
import { useNav } from '../../../app/navigation';
import { TicketTypeBadge } from '../shared/badges';
import type { DeadlineText } from './deadlines';
import classes from './Dashboard.module.css';

interface DueListProps {
  title: string;
  color: 'red' | 'orange';
  icon: ReactNode;
  rows: TicketRowT[];
  /** all matching tickets (the list shows the most urgent) */
  total: number;
  /** the server sent a capped list and did not count the rest */
  more?: boolean;
  deadline(row: TicketRowT): DeadlineText;
  empty: ReactNode;
  onShowAll(): void;
  testId: string;
}

/** One of the dashboard's two lists: the most urgent tickets first, each a click away. */
export function DueList({ title, color, icon, rows, total, more, deadline, empty, onShowAll, testId }: DueListProps) {
  const go = useNav((s) => s.go);
  return (
    <Card withBorder radius="md" p={0} className={classes.listCard} data-testid={testId}>
      <Group justify="space-between" px="md" py="sm" className={classes.listHead} wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          {icon}
          <Title order={4} c={`${color}.8`}>
            {title}
          </Title>
          <Badge color={color} variant={total ? 'filled' : 'light'} size="md" className="fd-tabular">
            {total.toLocaleString('zh-CN')}
            {more ? '+' : ''}
          </Badge>
        </Group>
        {total > 0 && (
          <Anchor size="sm" onClick={onShowAll} component="button">
            {total > rows.length || more ? `最紧急的 ${rows.length} 件 · 查看全部` : '在列表中查看'}
          </Anchor>
        )}
      </Group>
      {rows.length === 0 ? (
        <Stack align="center" justify="center" gap={4} className={classes.empty}>
          {empty}
        </Stack>
      ) : (
        <ScrollArea className={classes.listBody} type="auto" offsetScrollbars>
          {rows.map((r) => {
            const d = deadline(r);
            const open = () => go({ name: 'ticket', ticketId: r.id });
            return (
              <div
                key={r.id}
                className={classes.row}
                role="button"
                tabIndex={0}
                onClick={open}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') open();
                }}
                data-testid={`${testId}-row`}
              >
                <div className={classes.rowMain}>
                  <Group gap={8} wrap="nowrap">
                    <Text size="sm" ff="monospace" className={classes.no}>
                      {r.no}
                    </Text>
                    <TicketTypeBadge type={r.type} urgent={r.urgency === '紧急'} />
                    <Text size="sm" fw={600} truncate title={r.location}>
                      {r.location}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" truncate title={r.summary}>
                    {r.category}
                    {r.subcategory ? `/${r.subcategory}` : ''} · {r.department ? `${r.department}${r.assignee ? ` ${r.assignee}` : ''}` : '未派工'} · {r.status}
                  </Text>
                </div>
                <Tooltip label={d.at ? `${d.which}期限 ${cstDateTime(d.at)}` : '无期限'} withArrow position="left">
                  <div className={classes.rowDue}>
                    <Text size="sm" fw={700} c={`${color}.8`} className="fd-tabular">
                      {d.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.which}
                      {d.at ? ` ${cstDateTime(d.at).slice(5)}` : ''}
                    </Text>
                  </div>
                </Tooltip>
              </div>
            );
          })}
        </ScrollArea>
      )}
    </Card>
  );
}
