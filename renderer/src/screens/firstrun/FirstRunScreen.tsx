import { useState } from 'react';
import { Box, Button, Group, Loader, LoadingOverlay, NumberInput, Paper, Radio, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconDatabase, IconFileSpreadsheet, IconHeadset, IconSparkles } from '@tabler/icons-react';
import { SetupInput } from '../../../../shared/contract/system';
import { api } from '../../bridge';
import { submitForm } from '../../app/call';
import { dropField, numberOrNull, zodFields } from '../../app/formErrors';
import { useNav } from '../../app/navigation';
import { useApp } from '../../stores/app';
import classes from './FirstRunScreen.module.css';

type Start = 'demo' | 'roster' | 'blank';

const STARTS: { value: Start; title: string; text: string; icon: typeof IconSparkles }[] = [
  { value: 'demo', title: '生成演示数据', text: '自动生成楼栋、房屋、业主和车辆，适合培训和试用。', icon: IconSparkles },
  { value: 'roster', title: '从 Excel 导入业主名册', text: '使用开发商或前物业提供的名册，下一步选择文件并核对。', icon: IconFileSpreadsheet },
  { value: 'blank', title: '空白开始', text: '只建立项目，楼栋和房屋之后逐一录入。', icon: IconDatabase },
];

/** Welcome on the very first start: name the estate and choose how its archive begins. */
export function FirstRunScreen() {
  const refresh = useApp((s) => s.refresh);
  const setEstate = useApp((s) => s.setEstate);
  const replace = useNav((s) => s.replace);

  const [estateName, setEstateName] = useState('');
  const [phone, setPhone] = useState('');
  const [start, setStart] = useState<Start>('demo');
  const [houses, setHouses] = useState<number | string>(600);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const clear = (key: string) => setErrors(dropField(key));

  const submit = async () => {
    const demo = start === 'demo';
    const input = { estateName, phone: phone.trim() || undefined, demo, houses: demo ? (numberOrNull(houses) ?? undefined) : undefined };
    const fields: Record<string, string> = {};
    const parsed = SetupInput.safeParse(input);
    if (!parsed.success) Object.assign(fields, zodFields(parsed.error));
    if (demo && (input.houses === undefined || fields.houses)) fields.houses = '演示房屋数量应为 20 至 5000 之间的整数';
    if (Object.keys(fields).length) return setErrors(fields);

    setBusy(true);
    const r = await submitForm(api['system.setup'](input));
    if (!r.ok) {
      setBusy(false);
      return setErrors(r.fields);
    }
    setEstate(r.value.estateId);
    replace(start === 'roster' ? { name: 'rosterImport' } : { name: 'buildings' });
    await refresh();
    setBusy(false);
  };

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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
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
                value={estateName}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setEstateName(v);
                  if (v.trim()) clear('estateName');
                  else if (estateName) setErrors((er) => ({ ...er, estateName: '请填写项目名称' }));
                }}
                onBlur={() => {
                  // only after something was typed and erased: an untouched field is not an error yet
                  if (estateName !== '' && !estateName.trim()) setErrors((e) => ({ ...e, estateName: '请填写项目名称' }));
                }}
                error={errors.estateName}
                data-testid="setup-estate-name"
              />
              <TextInput
                label="服务中心电话"
                placeholder="选填，如 0755-88886666"
                value={phone}
                onChange={(e) => {
                  setPhone(e.currentTarget.value);
                  clear('phone');
                }}
                error={errors.phone}
                data-testid="setup-phone"
              />
            </Group>

            <Radio.Group label="房屋档案从哪里开始" value={start} onChange={(v) => setStart(v as Start)}>
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
                description="20 至 5000 户；600 户约需几秒"
                min={20}
                max={5000}
                step={100}
                allowDecimal={false}
                w={220}
                value={houses}
                onChange={(v) => {
                  setHouses(v);
                  clear('houses');
                }}
                error={errors.houses}
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
