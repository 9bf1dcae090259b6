import { Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { HistoryEntryT } from '../../../../shared/contract/archives';
import { cstDateTime } from '../../../../shared/domain/time';
import { SectionCard } from '../../components/SectionCard';

/** 历史: tickets, handover, notices and the rest, newest first, filled by later domains. */
export function HistorySection({ history }: { history: HistoryEntryT[] }) {
  const sorted = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard title="历史" icon={<IconHistory size={20} />} count={history.length} testId="history">
      {sorted.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="sm">
          暂无记录，后续的工单、交房、通知会显示在这里
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {sorted.map((h, i) => (
            <Timeline.Item key={`${h.at}-${i}`} title={<Text size="sm" fw={600}>{`${h.kind} · ${h.title}`}</Text>}>
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
