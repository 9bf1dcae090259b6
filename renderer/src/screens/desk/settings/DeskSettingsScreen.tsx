import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Tabs } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DeskConfigT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../app/Loading';
import { useDeskSettingsTab, type DeskSettingsTab } from './settingsTab';
import { CategoriesEditor } from './CategoriesEditor';
import { DepartmentsEditor } from './DepartmentsEditor';
import { SlaEditor } from './SlaEditor';
import { CounterEditor } from './CounterEditor';
import { CalendarEditor } from './CalendarEditor';

const TABS: { value: DeskSettingsTab; label: string }[] = [
  { value: 'categories', label: '类别' },
  { value: 'departments', label: '部门与人员' },
  { value: 'sla', label: '时限' },
  { value: 'counter', label: '柜台时间与提醒' },
  { value: 'calendar', label: '节假日' },
];

/** 工单设置: categories, departments and staff, time targets, counter hours, the holiday calendar. */
export function DeskSettingsScreen() {
  const [cfg, setCfg] = useState<DeskConfigT | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const tab = useDeskSettingsTab((s) => s.tab);
  const setTab = useDeskSettingsTab((s) => s.setTab);
  const [dirty, setDirty] = useState<Partial<Record<DeskSettingsTab, boolean>>>({});

  const load = useCallback(async () => {
    setLoadError(null);
    const r = await api['desk.config.get']({}).catch(() => null);
    if (r?.ok) setCfg(r.value);
    else setLoadError(r ? r.error.message : '与后台的连接中断，请重试');
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  // stable per tab, so editors can report in an effect without looping
  const [reporters] = useState(
    () =>
      Object.fromEntries(TABS.map((t) => [t.value, (d: boolean) => setDirty((prev) => (prev[t.value] === d ? prev : { ...prev, [t.value]: d }))])) as Record<
        DeskSettingsTab,
        (d: boolean) => void
      >,
  );

  if (!cfg) {
    if (loadError)
      return (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="无法读取工单设置">
          {loadError}{' '}
          <Button size="xs" variant="light" color="red" onClick={() => void load()}>
            重试
          </Button>
        </Alert>
      );
    return <Loading text="正在加载设置…" />;
  }

  return (
    <>
      <PageHeader title="工单设置" subtitle="每页分别保存。类别、部门和时限的修改只影响此后受理或派出的工单；已有工单保留原来的内容。" />
      {/* keepMounted: switching tabs keeps what was typed but not yet saved */}
      <Tabs value={tab} onChange={(v) => v && setTab(v as DeskSettingsTab)} keepMounted>
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab
              key={t.value}
              value={t.value}
              data-testid={`desk-settings-tab-${t.value}`}
              rightSection={
                dirty[t.value] ? (
                  <span title="有未保存的修改" style={{ color: 'var(--mantine-color-orange-6)' }}>
                    ●
                  </span>
                ) : null
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="categories">
          <CategoriesEditor cfg={cfg} onSaved={setCfg} onDirty={reporters.categories} />
        </Tabs.Panel>
        <Tabs.Panel value="departments">
          <DepartmentsEditor cfg={cfg} onSaved={setCfg} onDirty={reporters.departments} />
        </Tabs.Panel>
        <Tabs.Panel value="sla">
          <SlaEditor cfg={cfg} onSaved={setCfg} onDirty={reporters.sla} />
        </Tabs.Panel>
        <Tabs.Panel value="counter">
          <CounterEditor cfg={cfg} onSaved={setCfg} onDirty={reporters.counter} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
