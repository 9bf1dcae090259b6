import { useEffect, useState } from 'react';
import { Alert, Button, Group, Select, Switch, Table, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { DOCUMENT_KINDS, DOCUMENT_KIND_TITLES, type DocumentKindT, type PrinterPrefT } from '../../../../shared/contract/documents';
import type { SettingsT } from '../../../../shared/contract/system';
import type { Output } from '../../../../shared/contract';
import { api } from '../../bridge';
import { showSaved, unwrap } from '../../app/call';
import { useApp } from '../../stores/app';
import { Section } from './Section';

type Prefs = Partial<Record<DocumentKindT, PrinterPrefT>>;

/**
 * 打印机: per document type, the printer it goes to and whether 打印 skips the system dialog
 * (a 受理单 at the counter printer, notices at the office printer). docs/PRINTING.md.
 */
export function PrinterSection({ settings }: { settings: SettingsT }) {
  const setSettings = useApp((s) => s.setSettings);
  const [list, setList] = useState<Output<'documents.printers.list'> | null>(null);
  const [prefs, setPrefs] = useState<Prefs>(settings.printers);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(prefs) !== JSON.stringify(settings.printers);

  useEffect(() => {
    let live = true;
    void api['documents.printers.list']({}).then((r) => live && r.ok && setList(r.value));
    return () => {
      live = false;
    };
  }, []);

  const set = (kind: DocumentKindT, patch: Partial<PrinterPrefT>) =>
    setPrefs((p) => {
      const next = { deviceName: null, silent: false, ...p[kind], ...patch };
      // silent printing needs a printer to go to
      if (!next.deviceName) next.silent = false;
      return { ...p, [kind]: next };
    });

  const save = async () => {
    setSaving(true);
    const saved = await unwrap(api['system.settings.update']({ printers: prefs }));
    setSaving(false);
    if (saved) {
      setSettings(saved);
      setPrefs(saved.printers);
      showSaved('打印机设置已保存');
    }
  };

  const options = (list?.printers ?? []).map((p) => ({ value: p.name, label: p.displayName }));
  return (
    <Section title="打印机" description="每类单据可指定打印机；勾选“直接打印”后按打印不再弹出系统对话框。">
      {list?.note ? (
        <Alert color="gray" mt="sm" data-testid="settings-printers-note">
          {list.note}
        </Alert>
      ) : null}
      <Table mt="sm" verticalSpacing={6} fz="sm" data-testid="settings-printers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>单据</Table.Th>
            <Table.Th>打印机</Table.Th>
            <Table.Th w={120}>直接打印</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DOCUMENT_KINDS.map((kind) => {
            const pref = prefs[kind];
            const known = !pref?.deviceName || options.some((o) => o.value === pref.deviceName);
            return (
              <Table.Tr key={kind}>
                <Table.Td>{DOCUMENT_KIND_TITLES[kind]}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    placeholder="每次在打印对话框中选择"
                    clearable
                    data={known || !pref?.deviceName ? options : [...options, { value: pref.deviceName, label: `${pref.deviceName}（未连接）` }]}
                    value={pref?.deviceName ?? null}
                    onChange={(v) => set(kind, { deviceName: v })}
                    aria-label={`${DOCUMENT_KIND_TITLES[kind]}的打印机`}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    size="xs"
                    checked={!!pref?.silent}
                    disabled={!pref?.deviceName}
                    onChange={(e) => set(kind, { silent: e.currentTarget.checked })}
                    aria-label={`${DOCUMENT_KIND_TITLES[kind]}直接打印`}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="md">
        <Text size="xs" c="dimmed">
          未指定打印机的单据，打印时弹出系统对话框。
        </Text>
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={() => void save()}
          loading={saving}
          disabled={!dirty}
          data-testid="settings-printers-save"
        >
          保存
        </Button>
      </Group>
    </Section>
  );
}
