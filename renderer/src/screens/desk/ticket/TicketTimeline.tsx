import { Group, Spoiler, Stack, Text, Timeline } from '@mantine/core';
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
  edit: 'grape',
  note: 'gray',
  photo: 'gray',
};

type Change = TicketDetailT['events'][number]['changes'][number];

/** one corrected field: 标签：原内容 → 新内容 (long texts fold, so a changed 内容 does not fill the column) */
function ChangeLine({ c }: { c: Change }) {
  const empty = (
    <Text span c="dimmed">
      （空）
    </Text>
  );
  const body = (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="timeline-change">
      <Text span c="dimmed">
        {c.label}：
      </Text>
      {c.from === null ? (
        empty
      ) : (
        <Text span c="dimmed" td="line-through" data-testid="timeline-change-from">
          {c.from}
        </Text>
      )}
      <Text span c="dimmed">
        {' → '}
      </Text>
      {c.to === null ? (
        empty
      ) : (
        <Text span fw={500} data-testid="timeline-change-to">
          {c.to}
        </Text>
      )}
    </Text>
  );
  const long = (c.from?.length ?? 0) + (c.to?.length ?? 0) > 120;
  return long ? (
    <Spoiler maxHeight={66} showLabel="展开" hideLabel="收起">
      {body}
    </Spoiler>
  ) : (
    body
  );
}

/** 处理过程: every step of the ticket, oldest first (who, when in China time, what, from → to, note; a 修改 lists each field before → after). */
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
          {e.changes.length > 0 && (
            <Stack gap={2} mt={2}>
              {e.changes.map((c) => (
                <ChangeLine key={c.field} c={c} />
              ))}
            </Stack>
          )}
          {e.note && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }} c={e.action === 'edit' ? 'dimmed' : undefined}>
              {e.action === 'edit' ? `说明：${e.note}` : e.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
