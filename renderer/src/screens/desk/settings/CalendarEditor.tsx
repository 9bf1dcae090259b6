import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import type { CalendarDayT } from '../../../../../shared/contract/desk';
import { cstParts } from '../../../../../shared/domain/time';
import { api } from '../../../bridge';
import { showSaved, unwrap } from '../../../app/call';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { FormError } from '../../../components/FormError';

type Kind = 'holiday' | 'workday' | 'normal';
const KIND_LABEL: Record<Kind, string> = { holiday: '放假', workday: '调休上班', normal: '恢复正常' };
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** the years whose arrangements come with the program (the State Council's notices) */
const OFFICIAL_YEARS = '2025、2026';

const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/**
 * 节假日: the public holidays and make-up working days the working-hours clock follows. The
 * State Council publishes the next year's arrangement late each year; until it is entered here
 * the dashboard warns.
 */
export function CalendarEditor() {
  const thisYear = cstParts(Date.now()).year;
  const [year, setYear] = useState(thisYear);
  const [days, setDays] = useState<CalendarDayT[] | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [name, setName] = useState('');
  const form = useFormSubmit();

  const load = useCallback(async (y: number) => {
    setDays(null);
    const r = await unwrap(api['desk.calendar.get']({ year: y }));
    if (r) {
      setDays(r.days);
      setWarning(r.warning);
    }
  }, []);
  useEffect(() => {
    void load(year);
  }, [year, load]);

  const apply = async (input: { date: string; kind: Kind; name: string }): Promise<boolean> => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) {
      form.setErrors({ date: '请选择日期' });
      return false;
    }
    const r = await form.submit(() => api['desk.calendar.set'](input));
    if (!r) return false;
    setWarning(r.warning);
    if (r.year === year) setDays(r.days);
    else setYear(r.year); // the date was in another year: show that year
    showSaved(`${input.date} 已${input.kind === 'normal' ? '恢复为正常日期' : `设为${KIND_LABEL[input.kind]}`}`);
    return true;
  };

  const add = async () => {
    if (await apply({ date, kind, name: name.trim() })) {
      setDate('');
      setName('');
    }
  };

  const holidays = days?.filter((d) => d.kind === 'holiday') ?? [];
  const workdays = days?.filter((d) => d.kind === 'workday') ?? [];
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <Card withBorder radius="md" data-testid="desk-settings-calendar">
      <Stack gap="md" maw={900}>
        {warning && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="calendar-warning">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{warning}</Text>
              {year !== thisYear + 1 && (
                <Button size="xs" variant="light" color="yellow" onClick={() => setYear(thisYear + 1)} style={{ flexShrink: 0 }}>
                  录入 {thisYear + 1} 年
                </Button>
              )}
            </Group>
          </Alert>
        )}
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end" gap="sm">
            <Select label="年份" w={110} data={years.map(String)} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} data-testid="calendar-year" />
            <Text size="sm" c="dimmed" pb={6}>
              {days === null ? '正在读取…' : `放假 ${holidays.length} 天，调休上班 ${workdays.length} 天`}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" maw={440} ta="right">
            {OFFICIAL_YEARS} 年已按国务院办公厅发布的节假日安排通知预置。以后各年请在通知发布后（通常每年 11 月前后）在此录入。
          </Text>
        </Group>

        <Card withBorder radius="sm" bg="gray.0" p="sm">
          <Title order={6} mb={6}>
            设定某一天
          </Title>
          <Group align="flex-start" gap="sm">
            <Input.Wrapper label="日期" error={form.err('date')}>
              <Input
                type="date"
                value={date}
                onChange={(e) => {
                  setDate(e.currentTarget.value);
                  form.clear('date');
                }}
                w={170}
                error={!!form.err('date')}
                data-testid="calendar-date"
              />
            </Input.Wrapper>
            <Input.Wrapper label="设为">
              <div>
                <SegmentedControl
                  value={kind}
                  onChange={(v) => setKind(v === 'workday' ? 'workday' : v === 'normal' ? 'normal' : 'holiday')}
                  data={(['holiday', 'workday', 'normal'] as const).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
                  data-testid="calendar-kind"
                />
              </div>
            </Input.Wrapper>
            <TextInput
              label="名称"
              placeholder={kind === 'workday' ? '如 春节调休' : '如 春节'}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                form.clear('name');
              }}
              error={form.err('name')}
              disabled={kind === 'normal'}
              maxLength={20}
              w={180}
              data-testid="calendar-name"
            />
            <Button mt={25} onClick={() => void add()} disabled={!date} loading={form.busy} data-testid="calendar-save">
              保存
            </Button>
          </Group>
          {form.formError && (
            <div style={{ marginTop: 8 }}>
              <FormError message={form.formError} />
            </div>
          )}
        </Card>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DayTable title="放假" color="red" days={holidays} empty={`${year} 年还没有录入放假安排`} onRestore={(d) => void apply({ date: d.date, kind: 'normal', name: '' })} busy={form.busy} />
          <DayTable title="调休上班" color="blue" days={workdays} empty={`${year} 年没有调休上班日`} onRestore={(d) => void apply({ date: d.date, kind: 'normal', name: '' })} busy={form.busy} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function DayTable({ title, color, days, empty, onRestore, busy }: { title: string; color: string; days: CalendarDayT[]; empty: string; onRestore(d: CalendarDayT): void; busy: boolean }) {
  return (
    <div>
      <Group gap={6} mb={4}>
        <Badge color={color} variant="light">
          {title}
        </Badge>
        <Text size="xs" c="dimmed">
          {days.length} 天
        </Text>
      </Group>
      <Table verticalSpacing={3} striped withRowBorders={false} data-testid={`calendar-${color === 'red' ? 'holidays' : 'workdays'}`}>
        <Table.Tbody>
          {days.map((d) => (
            <Table.Tr key={d.date}>
              <Table.Td w={110} className="fd-tabular">
                {d.date}
              </Table.Td>
              <Table.Td w={56} c="dimmed">
                周{weekday(d.date)}
              </Table.Td>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td w={40}>
                <Tooltip label="恢复为正常日期（周一至五上班，周末休息）">
                  <Button variant="subtle" color="gray" size="compact-xs" onClick={() => onRestore(d)} disabled={busy} aria-label={`${d.date} 恢复正常`}>
                    <IconArrowBackUp size={14} />
                  </Button>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
          {days.length === 0 && (
            <Table.Tr>
              <Table.Td c="dimmed" colSpan={4}>
                {empty}
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
