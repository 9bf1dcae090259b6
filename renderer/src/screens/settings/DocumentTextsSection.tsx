import { useEffect, useState } from 'react';
import { Badge, Button, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import {
  DOCUMENT_TEXT_INFO,
  DOCUMENT_TEXT_KEYS,
  DOCUMENT_TEXT_MAX,
  DocumentTextsPatch,
  type DocumentTextKeyT,
  type DocumentTextsT,
  type DocumentTextsViewT,
} from '../../../../shared/contract/packet';
import { api } from '../../bridge';
import { showSaved, submitForm, unwrap } from '../../app/call';
import { useContractForm } from '../../components/form/contractForm';
import { Section } from './Section';

type TextValues = DocumentTextsT & Record<string, unknown>;

/**
 * 单据文字: the fixed texts of the move-in packet (入住通知书, 携带资料, 流程, 钥匙清单, 装修须知,
 * 业户手册, 贺卡). 恢复默认 puts the shipped text back in the box; 保存 stores it (sent as null).
 */
export function DocumentTextsSection() {
  const [view, setView] = useState<DocumentTextsViewT | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void unwrap(api['documents.texts.get']({}), { key: 'documentTexts' }).then((v) => live && v && setView(v));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Section
      title="单据文字"
      description="入住资料包中固定印刷的文字。修改后，新打开的打印预览即按新文字生成。内容较多时自动缩小字号，仍放不下的部分以“……”省略，保证每份资料印在一页内。"
    >
      {view ? <TextsForm view={view} saving={saving} setSaving={setSaving} onSaved={setView} /> : <Loader size="sm" />}
    </Section>
  );
}

function TextsForm({
  view,
  saving,
  setSaving,
  onSaved,
}: {
  view: DocumentTextsViewT;
  saving: boolean;
  setSaving: (v: boolean) => void;
  onSaved: (v: DocumentTextsViewT) => void;
}) {
  const form = useContractForm<TextValues, typeof DocumentTextsPatch>({ schema: DocumentTextsPatch, initialValues: { ...view.texts } });

  const save = form.onSubmit(async (values) => {
    // only what changed; a text put back to the default is sent as null (恢复默认)
    const patch: Partial<Record<DocumentTextKeyT, string | null>> = {};
    for (const k of DOCUMENT_TEXT_KEYS) {
      if (values[k] === view.texts[k]) continue;
      patch[k] = values[k].trim() === view.defaults[k] ? null : values[k];
    }
    setSaving(true);
    const r = await submitForm(api['documents.texts.update'](patch));
    setSaving(false);
    if (!r.ok) return form.setErrors(r.fields);
    const stored: TextValues = { ...r.value.texts };
    form.setValues(stored);
    form.resetDirty(stored);
    onSaved(r.value);
    showSaved('单据文字已保存');
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        {DOCUMENT_TEXT_KEYS.map((k) => {
          const isDefault = form.values[k] === view.defaults[k];
          return (
            <div key={k}>
              <Textarea
                label={
                  <Group gap={6} component="span">
                    {DOCUMENT_TEXT_INFO[k].label}
                    {!isDefault ? (
                      <Badge size="xs" variant="light" color="blue" component="span">
                        已修改
                      </Badge>
                    ) : null}
                  </Group>
                }
                description={DOCUMENT_TEXT_INFO[k].hint}
                autosize
                minRows={3}
                maxRows={10}
                maxLength={DOCUMENT_TEXT_MAX + 100}
                data-testid={`settings-text-${k}`}
                {...form.getInputProps(k)}
              />
              <Group justify="space-between" mt={4}>
                <Text size="xs" c="dimmed">
                  {form.values[k].length} / {DOCUMENT_TEXT_MAX} 字
                </Text>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  leftSection={<IconRestore size={14} />}
                  disabled={isDefault}
                  onClick={() => form.setFieldValue(k, view.defaults[k])}
                  data-testid={`settings-text-${k}-reset`}
                >
                  恢复默认
                </Button>
              </Group>
            </div>
          );
        })}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={!form.isDirty()} data-testid="settings-texts-save">
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
