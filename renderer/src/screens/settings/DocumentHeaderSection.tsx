import { useState } from 'react';
import { Button, FileButton, Group, Image, Input, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconPhoto, IconRestore } from '@tabler/icons-react';
import { LOGO_MAX_CHARS, SEAL_POSITIONS, SEAL_POSITION_LABELS, SettingsPatch, type SettingsT } from '../../../../shared/contract/system';
import { api } from '../../bridge';
import { showSaved, submitForm } from '../../app/call';
import { useContractForm } from '../../components/form/contractForm';
import { fileToBase64 } from '../../components/base64';
import { useApp } from '../../stores/app';
import defaultLogo from '../../../../resources/logo.png';
import { Section } from './Section';

interface HeaderValues extends Record<string, unknown> {
  companyName: string;
  servicePhone: string;
  logo: string | null;
  showLogo: boolean;
  sealPosition: SettingsT['sealPosition'];
}

const pick = (s: SettingsT): HeaderValues => ({
  companyName: s.companyName,
  servicePhone: s.servicePhone,
  logo: s.logo,
  showLogo: s.showLogo,
  sealPosition: s.sealPosition,
});

/** 单据抬头: what every printed document's header carries (docs/PRINTING.md, "The company header"). */
export function DocumentHeaderSection({ settings }: { settings: SettingsT }) {
  const setSettings = useApp((s) => s.setSettings);
  const [saving, setSaving] = useState(false);
  const form = useContractForm({ schema: SettingsPatch, initialValues: pick(settings) });

  const chooseLogo = async (file: File | null) => {
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type)) return form.setFieldError('logo', '标志应为 PNG 或 JPEG 图片');
    const dataUrl = `data:${file.type};base64,${await fileToBase64(file)}`;
    if (dataUrl.length > LOGO_MAX_CHARS) return form.setFieldError('logo', '标志图片不超过 300 KB，请换一张小一些的图片');
    form.setFieldValue('logo', dataUrl);
  };

  const save = form.onSubmit(async (values) => {
    setSaving(true);
    const r = await submitForm(api['system.settings.update'](values));
    setSaving(false);
    if (!r.ok) return form.setErrors(r.fields);
    const stored = pick(r.value);
    form.setValues(stored);
    form.resetDirty(stored);
    setSettings(r.value);
    showSaved('单据抬头已保存');
  });

  const logo = form.values.logo ?? defaultLogo;
  return (
    <Section title="单据抬头" description="印在每一张单据、通知和许可证的页眉：公司名称、标志和服务电话；通知和许可证在盖章处留出位置。">
      <form onSubmit={save} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              label="公司名称"
              description="如 深圳市某某物业服务有限公司"
              data-testid="settings-company-name"
              {...form.getInputProps('companyName')}
            />
            <TextInput
              label="服务电话"
              description="留空则使用各项目自己的服务中心电话"
              data-testid="settings-service-phone"
              {...form.getInputProps('servicePhone')}
            />
          </SimpleGrid>
          <Input.Wrapper label="标志" description="PNG 或 JPEG，不超过 300 KB；默认使用程序自带的标志" error={form.errors.logo}>
            <Group gap="md" mt={6} align="center">
              <Image
                src={logo}
                w={56}
                h={56}
                fit="contain"
                alt="标志"
                style={{ opacity: form.values.showLogo ? 1 : 0.3 }}
                data-testid="settings-logo-preview"
              />
              <FileButton onChange={(f) => void chooseLogo(f)} accept="image/png,image/jpeg">
                {(props) => (
                  <Button variant="default" size="xs" leftSection={<IconPhoto size={14} />} {...props} data-testid="settings-logo-choose">
                    选择图片…
                  </Button>
                )}
              </FileButton>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconRestore size={14} />}
                disabled={form.values.logo === null}
                onClick={() => form.setFieldValue('logo', null)}
              >
                恢复默认标志
              </Button>
              <Switch label="在抬头显示标志" {...form.getInputProps('showLogo', { type: 'checkbox' })} data-testid="settings-show-logo" />
            </Group>
          </Input.Wrapper>
          <Input.Wrapper label="盖章处" description="通知、许可证落款旁留出的盖章位置">
            <div>
              <SegmentedControl
                mt={6}
                data={SEAL_POSITIONS.map((p) => ({ value: p, label: SEAL_POSITION_LABELS[p] }))}
                {...form.getInputProps('sealPosition')}
                data-testid="settings-seal-position"
              />
            </div>
          </Input.Wrapper>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              保存后，新打开的打印预览即按新抬头生成。
            </Text>
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!form.isDirty()} data-testid="settings-header-save">
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
