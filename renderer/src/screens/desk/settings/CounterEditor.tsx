import { Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import type { DeskConfigT } from '../../../../../shared/contract/desk';
import { SaveBar } from './SaveBar';
import { useConfigForm } from './useConfigDraft';

/** keys as the contract names them, so its messages land on these inputs */
interface CounterValues extends Record<string, unknown> {
  counterHours: { open: string; close: string };
  /** in the unit chosen beside it; '' while empty */
  dueSoonMinutes: number | string;
  soonUnit: 'minutes' | 'hours';
  centrePhone: string;
}

function fromConfig(cfg: DeskConfigT): CounterValues {
  const hours = cfg.dueSoonMinutes % 60 === 0;
  return {
    counterHours: { ...cfg.counterHours },
    dueSoonMinutes: hours ? cfg.dueSoonMinutes / 60 : cfg.dueSoonMinutes,
    soonUnit: hours ? 'hours' : 'minutes',
    centrePhone: cfg.centrePhone,
  };
}

/** "08:30:00" from the picker → "08:30"; an empty box stays empty for the contract to refuse */
const hm = (t: string) => t.slice(0, 5);

function toPatch(v: CounterValues) {
  const amount = typeof v.dueSoonMinutes === 'number' ? v.dueSoonMinutes : v.dueSoonMinutes.trim() === '' ? Number.NaN : Number(v.dueSoonMinutes);
  return {
    counterHours: { open: hm(v.counterHours.open), close: hm(v.counterHours.close) },
    dueSoonMinutes: Math.round(v.soonUnit === 'hours' ? amount * 60 : amount),
    centrePhone: v.centrePhone,
  };
}

interface Props {
  cfg: DeskConfigT;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
}

/** 柜台时间 (the working clock), 即将到期提醒, 服务中心电话; checked by the contract's DeskConfig. */
export function CounterEditor({ cfg, onSaved, onDirty }: Props) {
  const { form, busy, formError, errors, dirty, save, reset } = useConfigForm<CounterValues>({
    cfg,
    fromConfig,
    toPatch,
    onSaved,
    onDirty,
    message: '柜台时间与提醒已保存',
  });
  const soonProps = form.getInputProps('dueSoonMinutes');

  return (
    <Card withBorder radius="md" data-testid="desk-settings-counter">
      <Stack gap="lg" maw={620}>
        <div>
          <Title order={5} mb={4}>
            柜台时间
          </Title>
          <Group align="flex-start">
            <TimePicker
              label="上班"
              description="按工作时间计时的起点"
              format="24h"
              withDropdown
              w={170}
              {...form.getInputProps('counterHours.open')}
              data-testid="counter-open"
            />
            <TimePicker
              label="下班"
              description="之后到次日上班不计时"
              format="24h"
              withDropdown
              w={170}
              {...form.getInputProps('counterHours.close')}
              data-testid="counter-close"
            />
          </Group>
        </div>
        <div>
          <Title order={5} mb={4}>
            即将到期提醒
          </Title>
          <Group align="flex-start" gap="xs">
            <NumberInput label="期限前" {...soonProps} decimalScale={form.values.soonUnit === 'hours' ? 2 : 0} w={220} data-testid="counter-soon" />
            <Select
              label="单位"
              data={[
                { value: 'minutes', label: '分钟' },
                { value: 'hours', label: '小时' },
              ]}
              {...form.getInputProps('soonUnit')}
              allowDeselect={false}
              w={100}
              data-testid="counter-soon-unit"
            />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            响应或完成期限前这么久起，工单出现在工作台的「即将到期」，列表里标为即将到期。
          </Text>
        </div>
        <div>
          <Title order={5} mb={4}>
            服务中心电话
          </Title>
          <TextInput
            description="印在受理单和派工单上；留空则用项目资料里的电话"
            {...form.getInputProps('centrePhone')}
            placeholder="如 0755-8888 6666"
            w={300}
            data-testid="counter-phone"
          />
        </div>
      </Stack>
      <SaveBar
        dirty={dirty}
        busy={busy}
        label="保存"
        onSave={() => void save()}
        onReset={reset}
        formError={formError}
        errors={errors}
        note="柜台时间只影响「工作时间」计时的时限；提醒提前量立即作用于工作台和工单列表。"
        testId="counter"
      />
    </Card>
  );
}
