import { useState, type ReactNode } from 'react';
import { ActionIcon, Box, Button, Code, CopyButton, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { SettingsPatch, type SettingsT } from '../../../../shared/contract/system';
import { maskIdNumber } from '../../../../shared/domain/idcard';
import { api } from '../../bridge';
import { showSaved, submitForm } from '../../app/call';
import { dropField, zodFields } from '../../app/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../app/Loading';
import { useApp } from '../../stores/app';

const SHELL_LABEL = { electron: '桌面程序', harness: '浏览器测试环境' } as const;

/** 设置: who is at the counter, the company on printouts, ID masking, where the data lives. */
export function SettingsScreen() {
  const status = useApp((s) => s.status);
  if (!status) return <Loading />;
  return (
    <Box maw={860}>
      <PageHeader title="设置" subtitle="经办人、公司名称与证件号码显示方式；修改后立即生效。" />
      <Stack gap="md">
        <DeskSettings key={`${status.settings.staffName}|${status.settings.companyName}`} settings={status.settings} />
        <PrivacySettings settings={status.settings} />
        <Section title="项目">
          <Table withRowBorders={false} verticalSpacing={6} fz="sm">
            <Table.Tbody>
              {status.estates.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td w={220} fw={500}>
                    {e.name}
                  </Table.Td>
                  <Table.Td c="dimmed">{e.phone ? `服务中心电话 ${e.phone}` : '未填写服务中心电话'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title="数据">
          <Table withRowBorders={false} verticalSpacing={6} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td w={140} c="dimmed">
                  数据库文件
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Code data-testid="settings-db-path" style={{ wordBreak: 'break-all' }}>
                      {status.dbPath}
                    </Code>
                    <CopyButton value={status.dbPath} timeout={1500}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? '已复制' : '复制路径'} withArrow>
                          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="复制路径">
                            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">数据结构版本</Table.Td>
                <Table.Td data-testid="settings-schema-version">第 {status.schemaVersion} 版</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td c="dimmed">运行方式</Table.Td>
                <Table.Td>{SHELL_LABEL[status.shell]}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Section>
      </Stack>
    </Box>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="sm">
      <Title order={4}>{title}</Title>
      {description ? (
        <Text size="sm" c="dimmed" mt={2}>
          {description}
        </Text>
      ) : null}
      <Box mt="md">{children}</Box>
    </Paper>
  );
}

function DeskSettings({ settings }: { settings: SettingsT }) {
  const setSettings = useApp((s) => s.setSettings);
  const [staffName, setStaffName] = useState(settings.staffName);
  const [companyName, setCompanyName] = useState(settings.companyName);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const dirty = staffName !== settings.staffName || companyName !== settings.companyName;

  const save = async () => {
    const patch = { staffName: staffName.trim(), companyName: companyName.trim() };
    const fields: Record<string, string> = {};
    const parsed = SettingsPatch.safeParse(patch);
    if (!parsed.success) Object.assign(fields, zodFields(parsed.error));
    if (!patch.staffName) fields.staffName = '请填写经办人姓名';
    if (Object.keys(fields).length) return setErrors(fields);
    setSaving(true);
    const r = await submitForm(api['system.settings.update'](patch));
    setSaving(false);
    if (!r.ok) return setErrors(r.fields);
    setErrors({});
    setSettings(r.value);
    showSaved('设置已保存');
  };

  return (
    <Section title="前台与单位" description="经办人记在每一条沟通记录和操作日志里；公司名称印在通知和单据的抬头。">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label="经办人"
            description="当前在前台值班的人"
            withAsterisk
            value={staffName}
            onChange={(e) => {
              setStaffName(e.currentTarget.value);
              setErrors(dropField('staffName'));
            }}
            error={errors.staffName}
            data-testid="settings-staff-name"
          />
          <TextInput
            label="公司名称"
            description="如 深圳市某某物业服务有限公司"
            value={companyName}
            onChange={(e) => {
              setCompanyName(e.currentTarget.value);
              setErrors(dropField('companyName'));
            }}
            error={errors.companyName}
            data-testid="settings-company-name"
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!dirty} data-testid="settings-save">
            保存
          </Button>
        </Group>
      </form>
    </Section>
  );
}

function PrivacySettings({ settings }: { settings: SettingsT }) {
  const setSettings = useApp((s) => s.setSettings);
  const [saving, setSaving] = useState(false);

  const toggle = async (showFullIdNumbers: boolean) => {
    setSaving(true);
    const r = await submitForm(api['system.settings.update']({ showFullIdNumbers }));
    setSaving(false);
    if (!r.ok) return;
    setSettings(r.value);
    showSaved(showFullIdNumbers ? '已改为显示完整证件号码' : '证件号码已恢复遮挡显示');
  };

  return (
    <Section title="隐私">
      <Switch
        checked={settings.showFullIdNumbers}
        disabled={saving}
        onChange={(e) => void toggle(e.currentTarget.checked)}
        label="显示完整证件号码"
        description={
          settings.showFullIdNumbers
            ? '屏幕和导出文件中显示完整的身份证、护照号码。离开前台时请关闭。'
            : `默认遮挡，只显示前 3 位和后 4 位（如 ${maskIdNumber('440301199001011234')}），防止旁人看到。`
        }
        size="md"
        data-testid="settings-show-full-id"
      />
    </Section>
  );
}
