import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconDatabaseExport, IconDeviceFloppy, IconFolderOpen, IconRestore } from '@tabler/icons-react';
import { BACKUP_REASON_LABELS, type BackupHistoryT, type BackupRecordT } from '../../../../shared/contract/backup';
import { cstDateTime } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { showSaved, submitForm, unwrap } from '../../app/call';
import { fileToBase64 } from '../../components/base64';
import { useApp } from '../../stores/app';
import { Section } from './Section';

/** the last backups shown; the history keeps more */
const SHOWN = 10;

const baseName = (p: string | null) => (p ? (p.split(/[\\/]/).pop() ?? p) : '—');
const size = (bytes: number | null) =>
  bytes === null ? '' : bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** what a restore will read: a path the desktop's dialog chose, or a file the browser uploads (the harness) */
type Source = { kind: 'path'; path: string } | { kind: 'file'; file: File };
const sourceName = (s: Source) => (s.kind === 'path' ? baseName(s.path) : s.file.name);

/**
 * 数据备份 (docs/BACKUP.md): the folder automatic backups go to (a USB stick, a network share),
 * on/off, 立即备份, the last results, and 从备份恢复 with a confirmation saying what happens.
 */
export function BackupSection() {
  const desktop = useApp((s) => s.status?.shell) === 'electron';
  const [history, setHistory] = useState<BackupHistoryT | null>(null);
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [running, setRunning] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [source, setSource] = useState<Source | null>(null);

  const load = useCallback(async () => {
    const h = await unwrap(api['backup.history']({}), { key: 'backup-history' });
    if (h) setHistory(h);
    return h;
  }, []);
  useEffect(() => {
    void load().then((h) => h && setFolder(h.settings.folder ?? ''));
  }, [load]);

  const settings = history?.settings ?? null;
  const dirty = settings !== null && folder.trim() !== (settings.folder ?? '');

  const saveFolder = async () => {
    setSaving(true);
    const r = await submitForm(api['backup.settings.update']({ folder: folder.trim() || null }));
    setSaving(false);
    if (!r.ok) return setFolderError(r.fields.folder ?? r.fields._ ?? null);
    setFolderError(null);
    setFolder(r.value.folder ?? '');
    showSaved('备份文件夹已保存');
    await load();
  };
  const setAuto = async (auto: boolean) => {
    if (await unwrap(api['backup.settings.update']({ auto }))) {
      showSaved(auto ? '已开启自动备份' : '已关闭自动备份');
      await load();
    }
  };
  const pickFolder = async () => {
    const r = await unwrap(api['backup.pickFolder']({}));
    if (r?.path) setFolder(r.path);
  };
  const runNow = async () => {
    setRunning(true);
    const r = await unwrap(api['backup.run']({}));
    setRunning(false);
    if (r) showSaved(`已备份：${baseName(r.file)}（${size(r.bytes)}）`);
    // a failure is in the history too
    await load();
  };
  const pickBackupFile = async () => {
    const r = await unwrap(api['backup.pickFile']({}));
    if (r?.path) setSource({ kind: 'path', path: r.path });
  };
  const restore = async () => {
    if (!source) return;
    setRestoring(true);
    const input = source.kind === 'path' ? { path: source.path } : { upload: { fileName: source.file.name, dataBase64: await fileToBase64(source.file) } };
    const r = await unwrap(api['backup.restore'](input));
    setRestoring(false);
    setSource(null);
    if (!r) return void load();
    showSaved('已从备份恢复，程序正在重新载入');
    // every screen and store starts again from the restored data (the core reopened the database)
    setTimeout(() => window.location.reload(), 800);
  };

  const records = history?.records.slice(0, SHOWN) ?? [];
  const last = history?.records.find((r) => r.reason !== 'restore') ?? null;
  return (
    <Section
      title="数据备份"
      description="备份包含数据库和全部工单照片，每个备份写入后都会读回校验。开启自动备份后，在程序启动时、退出时和每天各备份一次；保留最近 30 天每天最新的一份和最近 12 个月每月最新的一份，更早的（仅限本程序命名的备份文件）会被删除。"
    >
      <Stack gap="sm">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label="备份文件夹"
            description="U 盘或网络共享上的文件夹，例如 E:\FrontDesk备份"
            placeholder="尚未选择"
            value={folder}
            onChange={(e) => {
              setFolder(e.currentTarget.value);
              setFolderError(null);
            }}
            error={folderError}
            data-testid="backup-folder"
          />
          {desktop ? (
            <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void pickFolder()} data-testid="backup-pick-folder">
              选择…
            </Button>
          ) : null}
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            loading={saving}
            disabled={!dirty}
            onClick={() => void saveFolder()}
            data-testid="backup-folder-save"
          >
            保存
          </Button>
        </Group>
        <Switch
          label="自动备份（启动时、退出时、每天）"
          checked={settings?.auto ?? true}
          disabled={!settings}
          onChange={(e) => void setAuto(e.currentTarget.checked)}
          data-testid="backup-auto"
        />
        {last && !last.ok ? (
          <Alert color="red" title="上次备份没有成功" data-testid="backup-last-failed">
            {cstDateTime(last.at)}：{last.message}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button
            leftSection={<IconDatabaseExport size={16} />}
            loading={running || (history?.running ?? false)}
            disabled={!settings?.folder}
            onClick={() => void runNow()}
            data-testid="backup-run"
          >
            立即备份
          </Button>
          {desktop ? (
            <Button variant="default" color="red" leftSection={<IconRestore size={16} />} onClick={() => void pickBackupFile()} data-testid="backup-restore">
              从备份恢复…
            </Button>
          ) : (
            <FileButton onChange={(f) => f && setSource({ kind: 'file', file: f })} accept=".tar,.sqlite,.db">
              {(props) => (
                <Button {...props} variant="default" color="red" leftSection={<IconRestore size={16} />} data-testid="backup-restore">
                  从备份恢复…
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        <BackupTable records={records} />
      </Stack>
      <Modal opened={source !== null} onClose={() => !restoring && setSource(null)} title="从备份恢复" centered data-testid="backup-restore-confirm">
        <Stack gap="sm">
          <Text size="sm">
            将用备份 <b>{source ? sourceName(source) : ''}</b> 替换当前的全部数据和工单照片。
          </Text>
          <Text size="sm">恢复前会先检查备份是否完整、版本是否相符；当前的数据会另存为安全副本（数据库旁的 before-restore 文件），不会丢失。</Text>
          <Text size="sm">恢复后程序将重新载入，需要重新登录；正在填写的内容请先保存。</Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setSource(null)} disabled={restoring}>
              取消
            </Button>
            <Button color="red" loading={restoring} onClick={() => void restore()} data-testid="backup-restore-go">
              恢复
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}

function BackupTable({ records }: { records: BackupRecordT[] }) {
  if (!records.length)
    return (
      <Text size="sm" c="dimmed">
        还没有备份记录。
      </Text>
    );
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="backup-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>时间</Table.Th>
          <Table.Th w={90}>方式</Table.Th>
          <Table.Th w={70}>结果</Table.Th>
          <Table.Th>文件</Table.Th>
          <Table.Th w={80}>大小</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => (
          <Table.Tr key={`${r.at}-${r.reason}`} data-testid="backup-history-row" data-ok={r.ok ? 'yes' : 'no'}>
            <Table.Td className="fd-tabular">{cstDateTime(r.at)}</Table.Td>
            <Table.Td>{BACKUP_REASON_LABELS[r.reason]}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={r.ok ? 'teal' : 'red'}>
                {r.ok ? '成功' : '失败'}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {baseName(r.file)}
              </Text>
              {r.message ? (
                <Text size="xs" c={r.ok ? 'dimmed' : 'red'}>
                  {r.message}
                </Text>
              ) : null}
              {r.removed.length ? (
                <Text size="xs" c="dimmed">
                  按保留规则删除了 {r.removed.length} 个过期备份
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td className="fd-tabular">{size(r.bytes)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
