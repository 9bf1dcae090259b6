import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { BarChart } from '@mantine/charts';
import { IconFileSpreadsheet, IconFileTypeDocx } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { api } from '../../bridge';
import { unwrap } from '../../app/call';
import { useApp } from '../../stores/app';
import { PageHeader } from '../../components/PageHeader';
import { cstDate } from '../../../../shared/domain/time';
import type { BreakdownRowT, MonthlyReportT, TicketRefT } from '../../../../shared/contract/reports';
import { DrillDownModal, type Drill } from './DrillDownModal';

// 月度投诉统计 (docs/REPORTS.md): the figures of one computation in main, as numbers, charts and
// tables; every number opens the tickets behind it. The workbook and the Word report are built in
// main from the same object.

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** this month in China time, whatever the machine's zone; the picker goes back to any other */
const thisMonth = () => cstDate().slice(0, 7);

function Figure({ label, value, testId, onOpen }: { label: string; value: string; testId: string; onOpen?: () => void }) {
  const body = (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
  return onOpen ? (
    <UnstyledButton onClick={onOpen} aria-label={`${label}：${value}，查看工单`}>
      {body}
    </UnstyledButton>
  ) : (
    body
  );
}

function BreakdownTable({
  title,
  label,
  rows,
  testId,
  onOpen,
}: {
  title: string;
  label: string;
  rows: BreakdownRowT[];
  testId: string;
  onOpen(d: Drill): void;
}) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{label}</Table.Th>
            <Table.Th ta="right">件数</Table.Th>
            <Table.Th ta="right">占比</Table.Th>
            <Table.Th ta="right">上月</Table.Th>
            <Table.Th ta="right">环比</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.name} data-testid={`${testId}-row`}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onOpen({ title: `${title}：${r.name}`, ids: r.ticketIds })}
                  data-testid={`${testId}-count`}
                >
                  {r.count}
                </Button>
              </Table.Td>
              <Table.Td ta="right">{pct(r.share)}</Table.Td>
              <Table.Td ta="right">{r.previousCount}</Table.Td>
              <Table.Td ta="right">{pct(r.change)}</Table.Td>
            </Table.Tr>
          ))}
          {!rows.length && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" size="sm">
                  本月没有投诉
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

const ids = (refs: TicketRefT[]) => refs.map((t) => t.id);

export function MonthlyReportScreen({ estateId: currentEstate }: { estateId: number }) {
  const estates = useApp((s) => s.status?.estates ?? []);
  const [estateId, setEstateId] = useState(currentEstate);
  const [month, setMonth] = useState(thisMonth);
  const [report, setReport] = useState<MonthlyReportT | null>(null);
  const [loading, setLoading] = useState(false);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [saving, setSaving] = useState<'xlsx' | 'docx' | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void unwrap(api['reports.monthly.get']({ estateId, month }), { key: 'monthly-report' }).then((r) => {
      if (!live) return;
      setReport(r);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [estateId, month]);

  const save = async (format: 'xlsx' | 'docx') => {
    setSaving(format);
    const file = await unwrap(api[format === 'xlsx' ? 'reports.monthly.xlsx' : 'reports.monthly.docx']({ estateId, month }));
    if (file) await unwrap(api['system.files.save'](file));
    setSaving(null);
  };

  const r = report;
  return (
    <Stack gap="md">
      <PageHeader
        title="月度投诉统计"
        subtitle="按受理时间（中国时间）统计当月投诉；点击数字查看对应工单"
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={saving === 'xlsx'}
              disabled={!r}
              onClick={() => void save('xlsx')}
              data-testid="report-xlsx"
            >
              导出 Excel
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypeDocx size={16} />}
              loading={saving === 'docx'}
              disabled={!r}
              onClick={() => void save('docx')}
              data-testid="report-docx"
            >
              导出 Word 报告
            </Button>
          </Group>
        }
      />
      <Group gap="md" align="flex-end">
        <Select
          label="项目"
          w={220}
          data={estates.map((e) => ({ value: String(e.id), label: e.name }))}
          value={String(estateId)}
          onChange={(v) => v && setEstateId(Number(v))}
          allowDeselect={false}
          data-testid="report-estate"
        />
        <MonthPickerInput
          label="月份"
          w={180}
          valueFormat="YYYY年M月"
          value={`${month}-01`}
          onChange={(v) => v && setMonth(dayjs(v).format('YYYY-MM'))}
          data-testid="report-month"
        />
        {loading && <Loader size="sm" />}
      </Group>

      {r && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
            <Figure
              label="投诉总数"
              value={String(r.complaints.total)}
              testId="fig-total"
              onOpen={() => setDrill({ title: '本月投诉', ids: r.complaints.ticketIds })}
            />
            <Figure label="环比（上月）" value={`${pct(r.complaints.monthOnMonth)}（${r.complaints.previousMonth}）`} testId="fig-mom" />
            <Figure label="同比（去年同月）" value={`${pct(r.complaints.yearOnYear)}（${r.complaints.sameMonthLastYear}）`} testId="fig-yoy" />
            <Figure label={`每百户投诉（在住 ${r.complaints.occupiedHouseholds} 户）`} value={num(r.complaints.per100Households)} testId="fig-per100" />
            <Figure
              label="响应及时率"
              value={pct(r.timeliness.respondedOnTimeRate)}
              testId="fig-respond"
              onOpen={() => setDrill({ title: '超时工单', ids: ids(r.timeliness.overdue) })}
            />
            <Figure
              label="处理及时率"
              value={pct(r.timeliness.resolvedOnTimeRate)}
              testId="fig-resolve"
              onOpen={() => setDrill({ title: '超时工单', ids: ids(r.timeliness.overdue) })}
            />
            <Figure
              label="平均响应 / 处理（小时）"
              value={`${num(r.timeliness.avgResponseHours)} / ${num(r.timeliness.avgResolutionHours)}`}
              testId="fig-hours"
            />
            <Figure
              label={`结案率（结转 ${r.closure.carriedOver.length} 件）`}
              value={pct(r.closure.closedRate)}
              testId="fig-closed"
              onOpen={() => setDrill({ title: '结转未结', ids: ids(r.closure.carriedOver) })}
            />
            <Figure label={`回访率（${r.callbacks.called}/${r.callbacks.due}）`} value={pct(r.callbacks.rate)} testId="fig-callback" />
            <Figure
              label={`满意率（平均 ${num(r.callbacks.averageScore)} 分）`}
              value={pct(r.callbacks.satisfactionRate)}
              testId="fig-satisfaction"
              onOpen={() => setDrill({ title: '不满意', ids: ids(r.callbacks.dissatisfied) })}
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Card withBorder radius="md" padding="sm">
              <Text fw={600} mb="xs">
                每日投诉
              </Text>
              <BarChart
                h={220}
                data={r.daily.map((d) => ({ 日期: d.date.slice(8), 件数: d.count }))}
                dataKey="日期"
                series={[{ name: '件数', color: 'blue.6' }]}
                yAxisProps={{ allowDecimals: false }}
              />
            </Card>
            <Card withBorder radius="md" padding="sm">
              <Text fw={600} mb="xs">
                投诉分类
              </Text>
              <BarChart
                h={220}
                data={r.byCategory.map((c) => ({ 类别: c.name, 件数: c.count }))}
                dataKey="类别"
                series={[{ name: '件数', color: 'teal.6' }]}
                yAxisProps={{ allowDecimals: false }}
              />
            </Card>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <BreakdownTable title="按类别" label="类别" rows={r.byCategory} testId="by-category" onOpen={setDrill} />
            <BreakdownTable title="按楼栋" label="楼栋" rows={r.byBuilding} testId="by-building" onOpen={setDrill} />
            <BreakdownTable title="按渠道" label="渠道" rows={r.byChannel} testId="by-channel" onOpen={setDrill} />
            <BreakdownTable title="按部门" label="处理部门" rows={r.byDepartment} testId="by-department" onOpen={setDrill} />
          </SimpleGrid>

          <Card withBorder radius="md" padding="sm">
            <Group justify="space-between">
              <Text fw={600}>重复投诉（同一房屋同类 30 天内）</Text>
              <Button variant="subtle" size="compact-sm" onClick={() => setDrill({ title: '重复投诉', ids: ids(r.repeats) })} data-testid="fig-repeats">
                {r.repeats.length} 件
              </Button>
            </Group>
          </Card>
        </>
      )}
      {!r && !loading && <Alert color="gray">暂无数据</Alert>}
      <DrillDownModal drill={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}
