import { Anchor, Badge, Group, Text, Timeline } from '@mantine/core';
import { useNav } from '../../app/navigation';
import { IconHistory } from '@tabler/icons-react';
import type { HistoryEntryT } from '../../../../shared/contract/archives';
import { cstDateTime } from '../../../../shared/domain/time';
import { SectionCard } from '../../components/SectionCard';

// HistoryEntry.kind is a code chosen by the domain that wrote the entry; unknown codes show no tag.
const KIND_LABELS: Record<string, { label: string; color: string }> = {
  archive: { label: '档案', color: 'gray' },
  ticket: { label: '工单', color: 'blue' },
  callback: { label: '回访', color: 'teal' },
  handover: { label: '交房', color: 'green' },
  renovation: { label: '装修', color: 'orange' },
  moveOutPass: { label: '放行', color: 'grape' },
  notice: { label: '通知', color: 'indigo' },
  fee: { label: '收费', color: 'yellow' },
  communication: { label: '沟通', color: 'cyan' },
};

/** 历史: tickets, handover, notices and the rest, newest first, filled by later domains. */
export function HistorySection({ history }: { history: HistoryEntryT[] }) {
  const sorted = [...history].sort((a, b) => b.at.localeCompare(a.at));
  const go = useNav((s) => s.go);
  return (
    <SectionCard title="历史" icon={<IconHistory size={20} />} count={history.length} testId="history">
      {sorted.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="sm">
          暂无记录，后续的工单、交房、通知会显示在这里
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {sorted.map((h, i) => (
            <Timeline.Item
              key={`${h.at}-${i}`}
              color={KIND_LABELS[h.kind]?.color ?? 'gray'}
              title={
                <Group gap={6} wrap="nowrap">
                  {KIND_LABELS[h.kind] && (
                    <Badge size="xs" variant="light" color={KIND_LABELS[h.kind].color}>
                      {KIND_LABELS[h.kind].label}
                    </Badge>
                  )}
                  {h.kind === 'ticket' && h.ref ? (
                    <Anchor size="sm" fw={600} onClick={() => go({ name: 'ticket', ticketId: h.ref! })}>
                      {h.title}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {h.title}
                    </Text>
                  )}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {cstDateTime(h.at)}
                {h.staff ? ` · ${h.staff}` : ''}
              </Text>
              {h.detail && (
                <Text size="sm" mt={2}>
                  {h.detail}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}
