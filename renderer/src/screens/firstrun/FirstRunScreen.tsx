import { useState } from 'react';
import { Box, Button, Group, Loader, LoadingOverlay, NumberInput, Paper, Radio, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconDatabase, IconFileSpreadsheet, IconHeadset, IconSparkles } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { SETUP_DEMO_HOUSES, SetupInput } from '../../../../shared/contract/system';
import { api } from '../../bridge';
import { submitForm } from '../../app/call';
import { parseInput, useContractForm } from '../../components/form/contractForm';
import { useNav } from '../../app/navigation';
import { useApp } from '../../stores/app';
import classes from './FirstRunScreen.module.css';

type Start = 'demo' | 'roster' | 'blank';

const STARTS: { value: Start; title: string; text: string; icon: typeof IconSparkles }[] = [
  { value: 'demo', title: '生成演示数据', text: '自动生成楼栋、房屋、业主和车辆，适合培训和试用。', icon: IconSparkles },
  { value: 'roster', title: '从 Excel 导入业主名册', text: '使用开发商或前物业提供的名册，下一步选择文件并核对。', icon: IconFileSpreadsheet },
  { value: 'blank', title: '空白开始', text: '只建立项目，楼栋和房屋之后逐一录入。', icon: IconDatabase },
];

interface SetupValues extends Record<string, unknown> {
  estateName: string;
  phone: string;
  address: string;
  start: Start;
  houses: number | string;
}

/** the number box's value: '' → not given, a number → itself, other text stays text so the schema refuses it */
const count = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? undefined : Number.isFinite(Number(v)) ? Number(v) : v);

const toSetupInput = (v: SetupValues) => {
  const demo = v.start === 'demo';
  return { estateName: v.estateName, phone: v.phone, address: v.address, demo, houses: demo ? count(v.houses) : undefined };
};

/** Welcome on the very first start: name the estate and choose how its archive begins. */
export function FirstRunScreen() {
  const refresh = useApp((s) => s.refresh);
  const setEstate = useApp((s) => s.setEstate);
  const replace = useNav((s) => s.replace);
  const [busy, setBusy] = useState(false);

  // SetupInput is what main parses: a count over the limit is refused with the limit, never cut down
  const form = useContractForm({
    schema: SetupInput,
    initialValues: { estateName: '', phone: '', address: '', start: 'demo', houses: 600 } as SetupValues,
    toInput: toSetupInput,
  });
  const start = form.values.start;

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    // valid by now (the resolver ran): parsing gives the typed input with the number as a number
    const r = await submitForm(api['system.setup'](parseInput(SetupInput, toSetupInput, values)));
    if (!r.ok) {
      setBusy(false);
      return form.setErrors(r.fields);
    }
    setEstate(r.value.estateId);
    replace(values.start === 'roster' ? { name: 'rosterImport' } : { name: 'buildings' });
    await refresh();
    setBusy(false);
    // say what was done, and what was left blank on purpose
    const made = values.start === 'demo' ? `，生成演示房屋 ${r.value.houses} 户、人员 ${r.value.people} 人` : '';
    const blank = [values.phone.trim() ? null : '服务中心电话', values.address.trim() ? null : '地址'].filter(Boolean);
    notifications.show({
      color: 'teal',
      title: `已建立项目「${values.estateName.trim()}」${made}`,
      message: blank.length ? `${blank.join('和')}未填写，可在“设置 → 项目”中补充。` : '项目名称、电话和地址可在“设置 → 项目”中修改。',
      autoClose: 8000,
    });
  });

  return (
    <Box className={classes.page}>
      <Paper className={classes.card} shadow="sm" radius="md" p="xl" withBorder pos="relative">
        <LoadingOverlay
          visible={busy}
          zIndex={10}
          overlayProps={{ blur: 1, backgroundOpacity: 0.75, color: '#fff' }}
          loaderProps={{
            children: (
              <Stack align="center" gap="sm">
                <Loader />
                <Text fw={500}>{start === 'demo' ? '正在生成演示数据…' : '正在建立项目…'}</Text>
                {start === 'demo' ? (
                  <Text size="sm" c="dimmed">
                    需要几秒钟，请稍候
                  </Text>
                ) : null}
              </Stack>
            ),
          }}
        />
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <Group gap="md" wrap="nowrap">
              <ThemeIcon size={48} radius="md">
                <IconHeadset size={28} stroke={1.6} />
              </ThemeIcon>
              <div>
                <Title order={2}>欢迎使用 FrontDesk 物业服务中心前台</Title>
                <Text c="dimmed" size="sm">
                  先建立项目（小区），再选择房屋档案从哪里开始。以后都可以在设置里修改。
                </Text>
              </div>
            </Group>

            <Group grow align="flex-start" gap="md">
              <TextInput
                label="项目名称"
                placeholder="如 锦绣花园"
                withAsterisk
                data-autofocus
                autoFocus
                {...form.getInputProps('estateName')}
                data-testid="setup-estate-name"
              />
              <TextInput label="服务中心电话" placeholder="选填，如 0755-88886666" {...form.getInputProps('phone')} data-testid="setup-phone" />
            </Group>
            <TextInput
              label="地址"
              placeholder="选填，如 深圳市南山区某某路 88 号"
              description="电话和地址印在受理单上；不填则留空，以后可在“设置 → 项目”中补充"
              {...form.getInputProps('address')}
              data-testid="setup-address"
            />

            <Radio.Group label="房屋档案从哪里开始" {...form.getInputProps('start')}>
              <Stack gap="xs" mt={6}>
                {STARTS.map((s) => (
                  <Radio.Card key={s.value} value={s.value} className={classes.option} radius="sm" data-testid={`setup-start-${s.value}`}>
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={3} />
                      <s.icon size={20} stroke={1.6} className={classes.optionIcon} />
                      <div>
                        <Text fw={500}>{s.title}</Text>
                        <Text size="sm" c="dimmed">
                          {s.text}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>

            {start === 'demo' ? (
              <NumberInput
                label="演示房屋数量"
                description={`${SETUP_DEMO_HOUSES.min} 至 ${SETUP_DEMO_HOUSES.max} 户；600 户约需几秒`}
                // out of range is shown as an error with the limit, not silently changed to the limit
                clampBehavior="none"
                step={100}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                w={380}
                {...form.getInputProps('houses')}
                data-testid="setup-houses"
              />
            ) : null}

            <Group justify="flex-end">
              <Button type="submit" size="md" loading={busy} data-testid="setup-submit">
                {start === 'roster' ? '建立项目，下一步导入名册' : '开始使用'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Box>
  );
}
