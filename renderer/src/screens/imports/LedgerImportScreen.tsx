import { useState } from 'react';
import { Alert, Badge, Button, Card, FileButton, Group, Modal, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { LEDGER_FIELDS, LEDGER_FIELD_LABELS, type LedgerCommitResultT, type LedgerMappingT, type LedgerPreviewT } from '../../../../shared/contract/desk';
import { cstDateTime } from '../../../../shared/domain/time';
import { api } from '../../bridge';
import { unwrap, showSaved } from '../../app/call';
import { useNav } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { bytesToBase64 } from '../../components/base64';

const STATUS: Record<LedgerPreviewT['rows'][number]['status'], { label: string; color: string }> = {
  new: { label: '新增', color: 'teal' },
  unchanged: { label: '已导入过', color: 'gray' },
  duplicate: { label: '重复行', color: 'yellow' },
  rejected: { label: '拒绝', color: 'red' },
};
const FIELD_OPTIONS = [{ value: '', label: '不导入' }, ...LEDGER_FIELDS.map((f) => ({ value: f, label: LEDGER_FIELD_LABELS[f] }))];

/** 台账导入: years of the Excel complaint ledger become ordinary tickets with their timelines. */
export function LedgerImportScreen({ estateId }: { estateId: number }) {
  const go = useNav((s) => s.go);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<LedgerPreviewT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<'all' | 'rejected' | 'warn' | 'new'>('all');
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<LedgerCommitResultT | null>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await api['imports.ledger.preview']({ estateId, fileName: file.name, dataBase64: bytesToBase64(await file.arrayBuffer()) });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else setError(r.error.message);
  };
  const remap = async (col: number, field: string) => {
    if (!preview) return;
    const mapping: LedgerMappingT = Object.fromEntries(Object.entries(preview.mapping).filter(([k, f]) => k !== String(col) && f !== field));
    if (field) mapping[String(col)] = field as LedgerMappingT[string];
    setBusy(true);
    const r = await unwrap(api['imports.ledger.remap']({ token: preview.token, mapping }));
    setBusy(false);
    if (r) setPreview(r);
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    const r = await unwrap(api['imports.ledger.commit']({ token: preview.token }));
    setBusy(false);
    setConfirm(false);
    if (r) setResult(r);
  };
  const report = async () => {
    if (!preview) return;
    const file = await unwrap(api['imports.ledger.report']({ token: preview.token }));
    if (!file) return;
    const saved = await unwrap(api['system.files.save'](file));
    if (saved?.saved) showSaved(`报告已保存：${saved.path ?? file.fileName}`);
  };

  const rows = (preview?.rows ?? []).filter((r) => filter === 'all' || (filter === 'rejected' ? r.status === 'rejected' : filter === 'new' ? r.status === 'new' : r.warnings.length > 0));

  return (
    <>
      <PageHeader title="台账导入" subtitle="把以往的 Excel 投诉/报事登记台账导入为工单（标记为历史导入），月度统计即可覆盖历史" />
      <Card withBorder radius="md" mb="md">
        <Group>
          <FileButton onChange={(f) => void pick(f)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" inputProps={{ 'data-testid': 'ledger-file-input' } as React.ComponentProps<'input'>}>
            {(props) => (
              <Button {...props} leftSection={<IconFileSpreadsheet size={16} />} loading={busy && !preview}>
                选择台账文件（.xlsx）
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {preview ? `${preview.fileName} · 工作表「${preview.sheetName}」· 表头在第 ${preview.headerRow} 行` : '支持标题行、合并单元格；时间可为 Excel 日期或“2026/10/3 14:05”“2026年10月3日 14:05”等文字'}
          </Text>
        </Group>
        {error && (
          <Alert color="red" mt="sm" data-testid="ledger-error">
            {error}
          </Alert>
        )}
      </Card>

      {result && preview && (
        <Card withBorder radius="md" mb="md" data-testid="ledger-summary">
          <Group>
            <IconCheck color="var(--mantine-color-teal-6)" />
            <Title order={4}>导入完成</Title>
          </Group>
          <Text mt="xs">
            新建工单 {result.created.tickets} 张；接受 {result.accepted} 行，拒绝 {result.rejected.length} 行，提示 {result.warnings.length} 条。
          </Text>
          <Group mt="sm">
            <Button onClick={() => go({ name: 'tickets' })}>查看工单列表</Button>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void report()}>
              导出报告 (.xlsx)
            </Button>
          </Group>
        </Card>
      )}

      {preview && !result && (
        <Stack gap="md">
          <Card withBorder radius="md">
            <Group justify="space-between" mb="xs">
              <Title order={5}>列对应关系</Title>
              {preview.mappingRemembered && <Badge variant="light">已使用上次保存的对应关系</Badge>}
            </Group>
            <ScrollArea>
              <Group wrap="nowrap" gap="xs" align="flex-start">
                {preview.headers.map((h, i) => (
                  <Stack key={i} gap={4} w={118}>
                    <Text size="xs" fw={600} truncate title={h}>
                      {h}
                    </Text>
                    <Select size="xs" data={FIELD_OPTIONS} value={preview.mapping[String(i)] ?? ''} onChange={(v) => void remap(i, v ?? '')} allowDeselect={false} disabled={busy} comboboxProps={{ withinPortal: true }} />
                  </Stack>
                ))}
              </Group>
            </ScrollArea>
          </Card>

          <SimpleGrid cols={4}>
            <Stat label="将新建工单" value={preview.willCreate.tickets} color="teal" />
            <Stat label="已导入过 / 重复" value={preview.rows.filter((r) => r.status === 'unchanged' || r.status === 'duplicate').length} color="gray" />
            <Stat label="拒绝" value={preview.rejected.length} color="red" />
            <Stat label="提示" value={preview.warnings.length} color="orange" />
          </SimpleGrid>

          {preview.rejected.length > 0 && (
            <Card withBorder radius="md">
              <Title order={5} c="red.7" mb="xs">
                被拒绝的行（不会导入，可在原表修正后重新导入）
              </Title>
              {preview.rejected.map((r) => (
                <Group key={r.row} gap="sm" data-testid="ledger-rejected-row">
                  <Text fw={600} w={70}>
                    第 {r.row} 行
                  </Text>
                  <Text c="red.7">{r.reason}</Text>
                </Group>
              ))}
            </Card>
          )}

          <Card withBorder radius="md">
            <Group justify="space-between" mb="xs">
              <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as typeof filter)} data={[{ value: 'all', label: '全部' }, { value: 'new', label: '新增' }, { value: 'warn', label: '有提示' }, { value: 'rejected', label: '拒绝' }]} />
              <Group>
                <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void report()}>
                  导出报告
                </Button>
                <Button onClick={() => setConfirm(true)} disabled={preview.willCreate.tickets === 0 || busy} data-testid="ledger-commit">
                  确认导入 {preview.willCreate.tickets} 张工单
                </Button>
              </Group>
            </Group>
            <ScrollArea h={420}>
              <Table verticalSpacing={4} stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>行号</Table.Th>
                    <Table.Th w={90}>状态</Table.Th>
                    <Table.Th w={130}>编号</Table.Th>
                    <Table.Th w={140}>受理时间</Table.Th>
                    <Table.Th w={60}>类型</Table.Th>
                    <Table.Th w={160}>位置</Table.Th>
                    <Table.Th>原因 / 提示</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS[r.status].color} variant="light">
                          {STATUS[r.status].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td ff="monospace">{r.no ?? ''}</Table.Td>
                      <Table.Td>{r.receivedAt ? cstDateTime(r.receivedAt) : ''}</Table.Td>
                      <Table.Td>{r.type ?? ''}</Table.Td>
                      <Table.Td>{r.location ?? ''}</Table.Td>
                      <Table.Td>
                        {r.reason && <Text size="sm" c="red.7">{r.reason}</Text>}
                        {r.warnings.map((w) => (
                          <Text key={w} size="sm" c="orange.8">
                            {w}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Card>
        </Stack>
      )}

      <Modal opened={confirm} onClose={() => setConfirm(false)} title="确认导入" centered>
        <Text>导入 {preview?.willCreate.tickets ?? 0} 张历史工单？要么全部成功，要么不做任何改动；同一台账再次导入不会重复。</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(false)}>
            取消
          </Button>
          <Button onClick={() => void commit()} loading={busy} data-testid="ledger-commit-confirm">
            导入
          </Button>
        </Group>
      </Modal>
    </>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Card withBorder radius="md" p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} c={value ? `${color}.7` : 'gray.5'}>
        {value}
      </Text>
    </Card>
  );
}
