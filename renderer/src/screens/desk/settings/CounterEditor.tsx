import { Card, Group, Input, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { DeskConfigT } from '../../../../../shared/contract/desk';
import { SaveBar } from './SaveBar';
import { useConfigDraft, useConfigSave } from './useConfigDraft';
import type { FieldErrors } from './validate';

interface CounterDraft {
  open: string;
  close: string;
  soon: number | string;
  soonUnit: 'minutes' | 'hours';
  phone: string;
}

function toDraft(cfg: DeskConfigT): CounterDraft {
  const hours = cfg.dueSoonMinutes % 60 === 0;
  return {
    open: cfg.counterHours.open,
    close: cfg.counterHours.close,
    soon: hours ? cfg.dueSoonMinutes / 60 : cfg.dueSoonMinutes,
    soonUnit: hours ? 'hours' : 'minutes',
    phone: cfg.centrePhone,
  };
}

interface Props {
  cfg: DeskConfigT;
  onSaved(cfg: DeskConfigT): void;
  onDirty(dirty: boolean): void;
}

/** 柜台时间 (the working clock), 即将到期提醒, 服务中心电话. */
export function CounterEditor({ cfg, onSaved, onDirty }: Props) {
  const { draft, setDraft, dirty, reset } = useConfigDraft<CounterDraft>(toDraft(cfg), onDirty);
  const form = useConfigSave(onSaved);
  const set = (patch: Partial<CounterDraft>, ...keys: string[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clear(...keys);
  };

  const save = () => {
    const errors: FieldErrors = {};
    const hm = /^([01]\d|2[0-3]):[0-5]\d$/;
    if (!hm.test(draft.open)) errors['counterHours.open'] = '请填写上班时间，如 08:30';
    if (!hm.test(draft.close)) errors['counterHours.close'] = '请填写下班时间，如 17:30';
    else if (hm.test(draft.open) && draft.close <= draft.open) errors['counterHours.close'] = '下班时间必须晚于上班时间';
    const amount = Number(draft.soon);
    const minutes = Math.round(draft.soonUnit === 'hours' ? amount * 60 : amount);
    if (draft.soon === '' || !Number.isFinite(amount)) errors.dueSoonMinutes = '请填写提醒提前量';
    else if (minutes < 5) errors.dueSoonMinutes = '至少提前 5 分钟';
    else if (minutes > 7 * 24 * 60) errors.dueSoonMinutes = '最多提前 7 天（168 小时）';
    const phone = draft.phone.trim();
    if (phone.length > 40) errors.centrePhone = '电话不超过40字';
    void form.save({ counterHours: { open: draft.open, close: draft.close }, dueSoonMinutes: minutes, centrePhone: phone }, errors, '柜台时间与提醒已保存');
  };

  return (
    <Card withBorder radius="md" data-testid="desk-settings-counter">
      <Stack gap="lg" maw={620}>
        <div>
          <Title order={5} mb={4}>
            柜台时间
          </Title>
          <Group align="flex-start">
            <Input.Wrapper label="上班" error={form.err('counterHours.open')} description="按工作时间计时的起点">
              <Input type="time" value={draft.open} onChange={(e) => set({ open: e.currentTarget.value }, 'counterHours.open')} w={150} error={!!form.err('counterHours.open')} data-testid="counter-open" />
            </Input.Wrapper>
            <Input.Wrapper label="下班" error={form.err('counterHours.close')} description="之后到次日上班不计时">
              <Input type="time" value={draft.close} onChange={(e) => set({ close: e.currentTarget.value }, 'counterHours.close')} w={150} error={!!form.err('counterHours.close')} data-testid="counter-close" />
            </Input.Wrapper>
          </Group>
        </div>
        <div>
          <Title order={5} mb={4}>
            即将到期提醒
          </Title>
          <Group align="flex-start" gap="xs">
            <NumberInput
              label="期限前"
              value={draft.soon}
              onChange={(v) => set({ soon: v }, 'dueSoonMinutes')}
              min={0}
              decimalScale={draft.soonUnit === 'hours' ? 2 : 0}
              error={form.err('dueSoonMinutes')}
              w={220}
              data-testid="counter-soon"
            />
            <Select
              label="单位"
              data={[
                { value: 'minutes', label: '分钟' },
                { value: 'hours', label: '小时' },
              ]}
              value={draft.soonUnit}
              onChange={(v) => set({ soonUnit: v === 'minutes' ? 'minutes' : 'hours' }, 'dueSoonMinutes')}
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
            value={draft.phone}
            onChange={(e) => set({ phone: e.currentTarget.value }, 'centrePhone')}
            error={form.err('centrePhone')}
            placeholder="如 0755-8888 6666"
            maxLength={40}
            w={300}
            data-testid="counter-phone"
          />
        </div>
      </Stack>
      <SaveBar
        dirty={dirty}
        busy={form.busy}
        label="保存"
        onSave={save}
        onReset={() => {
          reset();
          form.reset();
        }}
        formError={form.formError}
        errors={form.errors}
        note="柜台时间只影响「工作时间」计时的时限；提醒提前量立即作用于工作台和工单列表。"
        testId="counter"
      />
    </Card>
  );
}
