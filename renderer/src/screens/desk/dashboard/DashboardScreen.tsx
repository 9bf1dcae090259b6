import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Grid, Group, Kbd, SimpleGrid, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import type { DashboardT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap } from '../../../app/call';
import { useNav, type Route } from '../../../app/navigation';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../app/Loading';
import { TicketTable } from '../shared/TicketTable';

const COUNTERS: { status: string; label: string; color: string; route: Route }[] = [
  { status: '已受理', label: '待派工', color: 'blue', route: { name: 'tickets', preset: 'open' } },
  { status: '已派工', label: '已派工', color: 'indigo', route: { name: 'tickets', preset: 'open' } },
  { status: '处理中', label: '处理中', color: 'cyan', route: { name: 'tickets', preset: 'open' } },
  { status: '挂起', label: '挂起', color: 'yellow', route: { name: 'tickets', preset: 'open' } },
];

/** 工作台: what is due soon and what is overdue, always in front of the desk. */
export function DashboardScreen() {
  const [data, setData] = useState<DashboardT | null>(null);
  const go = useNav((s) => s.go);
  const load = useCallback(async () => {
    const d = await unwrap(api['desk.dashboard']({}), { quiet: true });
    if (d) setData(d);
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 60_000);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  if (!data) return <Loading text="正在加载工作台…" />;
  return (
    <>
      <PageHeader
        title="工作台"
        subtitle={
          <Group gap={4}>
            今日受理 {data.today.received} 件，完成 {data.today.completed} 件 · <Kbd size="xs">Ctrl+K</Kbd> 查房号
          </Group>
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => go({ name: 'intake' })} data-testid="dashboard-intake">
            受理登记
          </Button>
        }
      />
      {data.calendarWarning && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="md">
          {data.calendarWarning} <Anchor onClick={() => go({ name: 'deskSettings' })}>去录入</Anchor>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 3, md: 6 }} mb="md">
        {COUNTERS.map((c) => (
          <Counter key={c.status} label={c.label} value={data.counts[c.status] ?? 0} color={c.color} onClick={() => go(c.route)} />
        ))}
        <Counter label="待回访" value={data.awaitingCallback} color="teal" onClick={() => go({ name: 'callbacks' })} testId="dashboard-awaiting-callback" />
        <Counter label="已超时" value={data.overdueTotal} color="red" onClick={() => go({ name: 'tickets', preset: 'overdue' })} testId="dashboard-overdue-count" />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <Card withBorder radius="md">
            <Title order={5} c="red.7" mb="xs">
              已超时
            </Title>
            <TicketTable compact rows={data.overdue} empty="没有超时的工单" />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <Card withBorder radius="md">
            <Title order={5} c="orange.7" mb="xs">
              即将到期
            </Title>
            <TicketTable compact rows={data.dueSoon} empty="没有即将到期的工单" />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Counter({ label, value, color, onClick, testId }: { label: string; value: number; color: string; onClick(): void; testId?: string }) {
  return (
    <UnstyledButton onClick={onClick} data-testid={testId}>
      <Card withBorder radius="md" p="sm">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700} c={value ? `${color}.7` : 'gray.5'} className="fd-tabular">
          {value}
        </Text>
      </Card>
    </UnstyledButton>
  );
}
