import { Group, Text, Timeline } from '@mantine/core';
import type { TicketDetailT } from '../../../../../shared/contract/desk';
import { when } from '../shared/format';

// a colour per kind of step, so a reopen or a void stands out in a long history
const COLORS: Record<string, string> = {
  create: 'blue',
  import: 'gray',
  dispatch: 'indigo',
  reassign: 'indigo',
  start: 'cyan',
  complete: 'teal',
  callback: 'green',
  close: 'gray',
  sendBack: 'orange',
  hold: 'yellow',
  resume: 'yellow',
  reopen: 'orange',
  void: 'red',
};

/** 处理过程: every step of the ticket, oldest first (who, when in China time, what, from → to, note). */
export function TicketTimeline({ events }: { events: TicketDetailT['events'] }) {
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
      {events.map((e) => (
        <Timeline.Item key={e.id} title={e.label} color={COLORS[e.action] ?? 'blue'} data-testid="timeline-event">
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed" className="fd-tabular">
              {when(e.at)}
            </Text>
            <Text size="xs" c="dimmed">
              · {e.actor}
            </Text>
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <Text size="xs" c="dimmed">
                · {e.fromStatus} → {e.toStatus}
              </Text>
            )}
          </Group>
          {e.note && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
              {e.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
