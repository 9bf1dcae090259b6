import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Input, NumberInput, Select, Stack, Table, Tabs, Text, TextInput, TagsInput, ActionIcon, Badge } from '@mantine/core';
import { IconPlus, IconTrash, IconAlertTriangle } from '@tabler/icons-react';
import type { DeskConfigT, SlaTargetT, CalendarDayT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { unwrap, showSaved } from '../../../app/call';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../app/Loading';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { cstParts } from '../../../../../shared/domain/time';

const hours = (min: number | null) => (min === null ? '' : Math.round((min / 60) * 100) / 100);

/** 工单设置: categories, departments and staff, time targets, counter hours, the holiday calendar. */
export function DeskSettingsScreen() {
  const [cfg, setCfg] = useState<DeskConfigT | null>(null);
  const form = useFormSubmit();
  useEffect(() => {
    void unwrap(api['desk.config.get']({})).then(setCfg);
  }, []);
  if (!cfg) return <Loading text="正在加载设置…" />;

  const save = async (patch: Partial<DeskConfigT>) => {
    const r = await form.submit(() => api['desk.config.update'](patch));
    if (r) {
      setCfg(r);
      showSaved('设置已保存（只影响此后受理的工单）');
    }
  };

  return (
    <>
      <PageHeader title="工单设置" subtitle="修改后只影响此后受理的工单；已受理的工单保留受理时的时限" />
      {form.formError && (
        <Alert color="red" mb="sm">
          {form.formError}
        </Alert>
      )}
      <Tabs defaultValue="sla" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sla">时限</Tabs.Tab>
          <Tabs.Tab value="departments">部门与人员</Tabs.Tab>
          <Tabs.Tab value="categories">类别</Tabs.Tab>
          <Tabs.Tab value="counter">柜台时间与提醒</Tabs.Tab>
          <Tabs.Tab value="calendar">节假日</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sla">
          <SlaEditor cfg={cfg} onSave={(sla) => void save({ sla })} busy={form.busy} />
        </Tabs.Panel>
        <Tabs.Panel value="departments">
          <DepartmentsEditor cfg={cfg} onSave={(departments) => void save({ departments })} busy={form.busy} />
        </Tabs.Panel>
        <Tabs.Panel value="categories">
          <CategoriesEditor cfg={cfg} onSave={(categories) => void save({ categories })} busy={form.busy} />
        </Tabs.Panel>
        <Tabs.Panel value="counter">
          <CounterEditor cfg={cfg} onSave={(p) => void save(p)} busy={form.busy} err={form.err} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function SlaEditor({ cfg, onSave, busy }: { cfg: DeskConfigT; onSave(s: SlaTargetT[]): void; busy: boolean }) {
  const [rows, setRows] = useState(cfg.sla);
  const set = (i: number, patch: Partial<SlaTargetT>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const toMinutes = (v: string | number) => (v === '' ? null : Math.max(1, Math.round(Number(v) * 60)));
  return (
    <Card withBorder radius="md">
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>类型</Table.Th>
            <Table.Th>紧急程度</Table.Th>
            <Table.Th>响应时限（小时）</Table.Th>
            <Table.Th>完成时限（小时）</Table.Th>
            <Table.Th>计时方式</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={`${r.type}-${r.urgency}`}>
              <Table.Td>{r.type}</Table.Td>
              <Table.Td>{r.urgency}</Table.Td>
              <Table.Td>
                <NumberInput size="xs" w={120} min={0.1} step={0.5} decimalScale={2} placeholder="无时限" value={hours(r.respondMinutes)} onChange={(v) => set(i, { respondMinutes: toMinutes(v) })} />
              </Table.Td>
              <Table.Td>
                <NumberInput size="xs" w={120} min={0.1} step={1} decimalScale={2} placeholder="无时限" value={hours(r.resolveMinutes)} onChange={(v) => set(i, { resolveMinutes: toMinutes(v) })} />
              </Table.Td>
              <Table.Td>
                <Select size="xs" w={130} data={[{ value: 'calendar', label: '日历时间' }, { value: 'working', label: '工作时间' }]} value={r.clock} onChange={(v) => v && set(i, { clock: v as SlaTargetT['clock'] })} allowDeselect={false} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        0.5 小时 = 30 分钟；留空表示无时限。工作时间只计柜台时间内的工作日（含调休上班日），挂起期间不计时。
      </Text>
      <Group justify="flex-end" mt="sm">
        <Button onClick={() => onSave(rows)} loading={busy}>
          保存时限
        </Button>
      </Group>
    </Card>
  );
}

function DepartmentsEditor({ cfg, onSave, busy }: { cfg: DeskConfigT; onSave(d: DeskConfigT['departments']): void; busy: boolean }) {
  const [rows, setRows] = useState(cfg.departments);
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        {rows.map((d, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput label={i === 0 ? '部门' : undefined} w={160} value={d.name} onChange={(e) => { const name = e.currentTarget.value; setRows((r) => r.map((x, j) => (j === i ? { ...x, name } : x))); }} />
            <TagsInput label={i === 0 ? '人员（回车添加）' : undefined} style={{ flex: 1 }} value={d.staff} onChange={(staff) => setRows((r) => r.map((x, j) => (j === i ? { ...x, staff } : x)))} />
            <ActionIcon variant="subtle" color="red" onClick={() => setRows((r) => r.filter((_, j) => j !== i))} aria-label="移除部门" mb={4}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" mt="xs">
          <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setRows((r) => [...r, { name: '', staff: [] }])}>
            添加部门
          </Button>
          <Button onClick={() => onSave(rows.filter((d) => d.name.trim()).map((d) => ({ ...d, name: d.name.trim() })))} loading={busy}>
            保存部门
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          移除部门或人员只影响以后的派工，已派出的工单保持原样。
        </Text>
      </Stack>
    </Card>
  );
}

function CategoriesEditor({ cfg, onSave, busy }: { cfg: DeskConfigT; onSave(c: DeskConfigT['categories']): void; busy: boolean }) {
  const [rows, setRows] = useState(cfg.categories);
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        {rows.map((c, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput label={i === 0 ? '类别' : undefined} w={160} value={c.name} onChange={(e) => { const name = e.currentTarget.value; setRows((r) => r.map((x, j) => (j === i ? { ...x, name } : x))); }} />
            <TagsInput label={i === 0 ? '子类别（回车添加）' : undefined} style={{ flex: 1 }} value={c.children} onChange={(children) => setRows((r) => r.map((x, j) => (j === i ? { ...x, children } : x)))} />
            <ActionIcon variant="subtle" color="red" onClick={() => setRows((r) => r.filter((_, j) => j !== i))} aria-label="移除类别" mb={4}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" mt="xs">
          <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => setRows((r) => [...r, { name: '', children: [] }])}>
            添加类别
          </Button>
          <Button onClick={() => onSave(rows.filter((c) => c.name.trim()).map((c) => ({ ...c, name: c.name.trim() })))} loading={busy}>
            保存类别
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          移除的类别只是不再出现在受理登记的选项里；历史工单和统计保留原类别。
        </Text>
      </Stack>
    </Card>
  );
}

function CounterEditor({ cfg, onSave, busy, err }: { cfg: DeskConfigT; onSave(p: Partial<DeskConfigT>): void; busy: boolean; err(k: string): string | undefined }) {
  const [open, setOpen] = useState(cfg.counterHours.open);
  const [close, setClose] = useState(cfg.counterHours.close);
  const [soon, setSoon] = useState<number | string>(cfg.dueSoonMinutes / 60);
  const [phone, setPhone] = useState(cfg.centrePhone);
  return (
    <Card withBorder radius="md" maw={560}>
      <Stack>
        <Group>
          <Input.Wrapper label="上班时间" error={err('counterHours.open')}>
            <Input type="time" value={open} onChange={(e) => setOpen(e.currentTarget.value)} w={140} />
          </Input.Wrapper>
          <Input.Wrapper label="下班时间" error={err('counterHours.close')}>
            <Input type="time" value={close} onChange={(e) => setClose(e.currentTarget.value)} w={140} />
          </Input.Wrapper>
        </Group>
        <NumberInput label="即将到期提醒（小时）" description="期限前多少小时起，工单出现在工作台的「即将到期」" min={0.1} max={168} step={0.5} decimalScale={2} value={soon} onChange={setSoon} w={260} />
        <TextInput label="服务中心电话" description="印在受理单和派工单上" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} w={260} />
        <Group justify="flex-end">
          <Button onClick={() => onSave({ counterHours: { open, close }, dueSoonMinutes: Math.max(5, Math.round(Number(soon) * 60)), centrePhone: phone.trim() })} loading={busy}>
            保存
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CalendarEditor() {
  const thisYear = cstParts(Date.now()).year;
  const [year, setYear] = useState(thisYear);
  const [days, setDays] = useState<CalendarDayT[]>([]);
  const [warning, setWarning] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'holiday' | 'workday' | 'normal'>('holiday');
  const [name, setName] = useState('');
  const form = useFormSubmit();
  useEffect(() => {
    void unwrap(api['desk.calendar.get']({ year })).then((r) => {
      if (r) {
        setDays(r.days);
        setWarning(r.warning);
      }
    });
  }, [year]);
  const add = async () => {
    const r = await form.submit(() => api['desk.calendar.set']({ date, kind, name }));
    if (r) {
      if (r.year === year) setDays(r.days);
      setWarning(r.warning);
      setDate('');
      setName('');
      showSaved('节假日已更新');
    }
  };
  return (
    <Card withBorder radius="md" maw={760}>
      <Stack>
        {warning && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
            {warning}
          </Alert>
        )}
        <Group>
          <Select label="年份" w={120} data={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map(String)} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />
          <Text size="xs" c="dimmed" mt="lg">
            2025、2026 年按国务院办公厅节假日安排通知预置；以后的年份请在通知发布后录入。
          </Text>
        </Group>
        <Group align="flex-end">
          <Input.Wrapper label="日期" error={form.err('date')}>
            <Input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} w={160} />
          </Input.Wrapper>
          <Select label="设为" w={140} data={[{ value: 'holiday', label: '放假' }, { value: 'workday', label: '调休上班' }, { value: 'normal', label: '恢复正常' }]} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
          <TextInput label="名称" placeholder="如 春节" w={160} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button onClick={() => void add()} disabled={!date} loading={form.busy}>
            保存
          </Button>
        </Group>
        <Table verticalSpacing={2}>
          <Table.Tbody>
            {days.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td w={130}>{d.date}</Table.Td>
                <Table.Td w={110}>
                  <Badge color={d.kind === 'holiday' ? 'red' : 'blue'} variant="light">
                    {d.kind === 'holiday' ? '放假' : '调休上班'}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.name}</Table.Td>
              </Table.Tr>
            ))}
            {days.length === 0 && (
              <Table.Tr>
                <Table.Td c="dimmed">{year} 年还没有录入节假日</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
