import { useCallback, useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, Kbd, SimpleGrid, Stack, Text, ThemeIcon, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconCalendarExclamation, IconCircleCheck, IconClockExclamation, IconPlus, IconRefresh } from '@tabler/icons-react';
import type { DashboardT, TicketStatusT } from '../../../../../shared/contract/desk';
import { cstDate, cstParts, cstDateTime } from '../../../../../shared/domain/time';
import { api } from '../../../bridge';
import { useNav, type Route } from '../../../app/navigation';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../app/Loading';
import { useListIntent } from '../list/listIntent';
import { useDeskSettingsTab } from '../settings/settingsTab';
import { DueList } from './DueList';
import { dueInText, lateText } from './deadlines';
import classes from './Dashboard.module.css';

const REFRESH_MS = 60_000;
/** desk.dashboard sends at most this many due-soon tickets and does not count the rest */
const DASHBOARD_LIST_CAP = 50;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** the running statuses, each a counter that opens the list filtered to it */
const STATUS_COUNTERS: { status: TicketStatusT; label: string; hint: string; color: string }[] = [
  { status: '已受理', label: '已受理', hint: '待派工', color: 'blue' },
  { status: '已派工', label: '已派工', hint: '待处理', color: 'indigo' },
  { status: '处理中', label: '处理中', hint: '正在处理', color: 'cyan' },
  { status: '挂起', label: '挂起', hint: '暂停计时', color: 'yellow' },
];

/** 工作台: what is overdue and what is due soon, always in front of the desk. */
export function DashboardScreen() {
  const [data, setData] = useState<DashboardT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadedAt, setLoadedAt] = useState<number>(0);
  const [busy, setBusy] = useState(false);
  const [dueSoonMinutes, setDueSoonMinutes] = useState<number | null>(null);
  const go = useNav((s) => s.go);
  const setListStatus = useListIntent((s) => s.set);
  const setSettingsTab = useDeskSettingsTab((s) => s.setTab);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setBusy(true);
    try {
      const r = await api['desk.dashboard']({});
      if (mine !== seq.current) return; // a newer refresh is on its way
      if (r.ok) {
        setData(r.value);
        setError(null);
        setLoadedAt(Date.now());
      } else setError(r.error.message);
    } catch {
      if (mine === seq.current) setError('与后台的连接中断，稍后自动重试');
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load();
    api['desk.config.get']({}).then(
      (r) => r.ok && setDueSoonMinutes(r.value.dueSoonMinutes),
      () => undefined, // only the wording of an empty list depends on it
    );
    // the desk glances at this screen all day: keep it current, and fresh when the window returns
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    const onFocus = () => void load();
    const onVisible = () => document.visibilityState === 'visible' && void load();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  if (!data) {
    if (error)
      return (
        <Alert color="red" title="工作台暂时无法显示" icon={<IconAlertTriangle size={18} />}>
          <Group justify="space-between">
            <Text size="sm">{error}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void load()} loading={busy}>
              重试
            </Button>
          </Group>
        </Alert>
      );
    return <Loading text="正在加载工作台…" />;
  }

  const today = cstParts(Date.now());
  const openList = (route: Route, status: TicketStatusT[] | null = null) => {
    setListStatus(status);
    go(route);
  };
  const soonWindow = dueSoonMinutes === null ? '' : dueSoonMinutes % 60 === 0 ? `${dueSoonMinutes / 60} 小时` : `${dueSoonMinutes} 分钟`;

  return (
    <div className={classes.screen}>
      <PageHeader
        title="工作台"
        subtitle={
          <Group gap={6}>
            <span>
              {today.year}年{today.month}月{today.day}日 星期{WEEKDAYS[today.weekday]}
            </span>
            <span>·</span>
            <span data-testid="dashboard-updated">更新于 {cstDateTime(loadedAt).slice(11)}</span>
            <Tooltip label="立即刷新（每分钟自动刷新）">
              <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => void load()} loading={busy} aria-label="刷新">
                <IconRefresh size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        }
        actions={
          <Stack gap={4} align="flex-end">
            <Button size="md" leftSection={<IconPlus size={18} />} onClick={() => go({ name: 'intake' })} data-testid="dashboard-intake">
              受理登记
            </Button>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">K</Kbd> 查房号、姓名、电话
            </Text>
          </Stack>
        }
      />

      {error && (
        <Alert color="red" mb="sm" icon={<IconAlertTriangle size={18} />} data-testid="dashboard-error">
          刷新失败：{error}（显示的是 {cstDateTime(loadedAt).slice(11)} 的数据）
        </Alert>
      )}
      {data.calendarWarning && (
        <Alert color="yellow" mb="md" icon={<IconCalendarExclamation size={18} />} title="节假日安排未录入" data-testid="dashboard-calendar-warning">
          {data.calendarWarning}{' '}
          <Anchor
            component="button"
            size="sm"
            fw={600}
            onClick={() => {
              setSettingsTab('calendar');
              go({ name: 'deskSettings' });
            }}
          >
            去工单设置录入 →
          </Anchor>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 4, lg: 8 }} spacing="sm" mb="md">
        {STATUS_COUNTERS.map((c) => (
          <Counter
            key={c.status}
            label={c.label}
            hint={c.hint}
            value={data.counts[c.status] ?? 0}
            color={c.color}
            onClick={() => openList({ name: 'tickets', preset: 'open' }, [c.status])}
            testId={`dashboard-count-${c.status}`}
          />
        ))}
        <Counter
          label="待回访"
          hint={`已完成 ${(data.counts['已完成'] ?? 0).toLocaleString('zh-CN')} 件`}
          value={data.awaitingCallback}
          color="teal"
          onClick={() => go({ name: 'callbacks' })}
          testId="dashboard-awaiting-callback"
        />
        <Counter
          label="已超时"
          hint="未结且超过期限"
          value={data.overdueTotal}
          color="red"
          onClick={() => openList({ name: 'tickets', preset: 'overdue' })}
          testId="dashboard-overdue-count"
        />
        <Counter
          label="今日受理"
          hint={cstDate().slice(5).replace('-', '月') + '日'}
          value={data.today.received}
          color="desk"
          onClick={() => openList({ name: 'tickets' })}
          testId="dashboard-today-received"
        />
        <Counter label="今日完成" hint="今天标记完成" value={data.today.completed} color="green" testId="dashboard-today-completed" />
      </SimpleGrid>

      <div className={classes.lists}>
        <DueList
          title="已超时"
          color="red"
          icon={<IconClockExclamation size={20} color="var(--mantine-color-red-7)" />}
          rows={data.overdue}
          total={data.overdueTotal}
          deadline={lateText}
          onShowAll={() => openList({ name: 'tickets', preset: 'overdue' })}
          testId="dashboard-overdue"
          empty={
            <>
              <ThemeIcon color="green" variant="light" size={40} radius="xl">
                <IconCircleCheck size={24} />
              </ThemeIcon>
              <Text fw={500}>暂无超时工单</Text>
              <Text size="sm" c="dimmed">
                所有未结工单都在时限内
              </Text>
            </>
          }
        />
        <DueList
          title="即将到期"
          color="orange"
          icon={<IconAlarm size={20} color="var(--mantine-color-orange-7)" />}
          rows={data.dueSoon}
          total={data.dueSoon.length}
          more={data.dueSoon.length >= DASHBOARD_LIST_CAP}
          deadline={(r) => dueInText(r, Date.now())}
          onShowAll={() => openList({ name: 'tickets', preset: 'dueSoon' })}
          testId="dashboard-due-soon"
          empty={
            <>
              <ThemeIcon color="gray" variant="light" size={40} radius="xl">
                <IconAlarm size={24} />
              </ThemeIcon>
              <Text fw={500}>暂无即将到期的工单</Text>
              <Text size="sm" c="dimmed">
                {soonWindow ? `未来 ${soonWindow}内没有到期的响应或完成时限` : '近期没有到期的响应或完成时限'}
              </Text>
            </>
          }
        />
      </div>
    </div>
  );
}

interface CounterProps {
  label: string;
  hint: string;
  value: number;
  color: string;
  onClick?(): void;
  testId: string;
}

function Counter({ label, hint, value, color, onClick, testId }: CounterProps) {
  const body = (
    <>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={30} fw={700} lh={1.2} c={value ? `${color}.7` : 'gray.5'} className="fd-tabular" data-testid={`${testId}-value`}>
        {value.toLocaleString('zh-CN')}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {hint}
      </Text>
    </>
  );
  if (!onClick)
    return (
      <div className={classes.counterStatic} data-testid={testId}>
        {body}
      </div>
    );
  return (
    <UnstyledButton className={classes.counter} onClick={onClick} data-testid={testId}>
      {body}
    </UnstyledButton>
  );
}
