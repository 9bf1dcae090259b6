import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import { CalendarSetInput, type CalendarDayT, type CalendarYear } from '../../../../../shared/contract/desk';
import type { Result } from '../../../../../shared/contract/result';
import { cstParts } from '../../../../../shared/domain/time';
import { api } from '../../../bridge';
import { showSaved, unwrap } from '../../../app/call';
import { useContractForm } from '../../../components/form/contractForm';
import { DateField } from '../../../components/DateField';
import { FormError } from '../../../components/FormError';
import type { z } from 'zod';

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
  // the one-day form, checked by the contract's CalendarSetInput (a date that is not a day is refused by the field)
  const form = useContractForm<{ date: string | null; kind: Kind; name: string }, typeof CalendarSetInput>({
    schema: CalendarSetInput,
    initialValues: { date: null, kind: 'holiday', name: '' },
    toInput: (v) => ({ date: v.date ?? '', kind: v.kind, name: v.kind === 'normal' ? '' : v.name }),
  });
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const kind = form.values.kind;

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
    setFormError(null);
    setBusy(true);
    let res: Result<z.infer<typeof CalendarYear>>;
    try {
      res = await api['desk.calendar.set'](input);
    } catch {
      res = { ok: false, error: { code: 'INTERNAL', message: '与后台的连接中断，请重试' } };
    } finally {
      setBusy(false);
    }
    if (!res.ok) {
      const fields = { ...(res.error.fields ?? {}) };
      delete fields._;
      form.setErrors(fields);
      if (!Object.keys(fields).length) setFormError(res.error.message);
      return false;
    }
    const r = res.value;
    setWarning(r.warning);
    if (r.year === year) setDays(r.days);
    else setYear(r.year); // the date was in another year: show that year
    showSaved(`${input.date} 已${input.kind === 'normal' ? '恢复为正常日期' : `设为${KIND_LABEL[input.kind]}`}`);
    return true;
  };

  const add = form.onSubmit(async (v) => {
    if (await apply({ date: v.date ?? '', kind: v.kind, name: v.kind === 'normal' ? '' : v.name.trim() })) form.setValues({ date: null, name: '' });
  });

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
            <Select
              label="年份"
              w={110}
              data={years.map(String)}
              value={String(year)}
              onChange={(v) => v && setYear(Number(v))}
              allowDeselect={false}
              data-testid="calendar-year"
            />
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
          <form onSubmit={add} noValidate>
            <Group align="flex-start" gap="sm">
              <DateField label="日期" w={170} {...form.getInputProps('date')} data-testid="calendar-date" />
              <Input.Wrapper label="设为">
                <div>
                  <SegmentedControl
                    data={(['holiday', 'workday', 'normal'] as const).map((k) => ({ value: k, label: KIND_LABEL[k] }))}
                    {...form.getInputProps('kind')}
                    data-testid="calendar-kind"
                  />
                </div>
              </Input.Wrapper>
              <TextInput
                label="名称"
                placeholder={kind === 'workday' ? '如 春节调休' : '如 春节'}
                {...form.getInputProps('name')}
                disabled={kind === 'normal'}
                w={180}
                data-testid="calendar-name"
              />
              <Button mt={25} type="submit" loading={busy} data-testid="calendar-save">
                保存
              </Button>
            </Group>
          </form>
          {formError && (
            <div style={{ marginTop: 8 }}>
              <FormError message={formError} />
            </div>
          )}
        </Card>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <DayTable
            title="放假"
            color="red"
            days={holidays}
            empty={`${year} 年还没有录入放假安排`}
            onRestore={(d) => void apply({ date: d.date, kind: 'normal', name: '' })}
            busy={busy}
          />
          <DayTable
            title="调休上班"
            color="blue"
            days={workdays}
            empty={`${year} 年没有调休上班日`}
            onRestore={(d) => void apply({ date: d.date, kind: 'normal', name: '' })}
            busy={busy}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function DayTable({
  title,
  color,
  days,
  empty,
  onRestore,
  busy,
}: {
  title: string;
  color: string;
  days: CalendarDayT[];
  empty: string;
  onRestore(d: CalendarDayT): void;
  busy: boolean;
}) {
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
