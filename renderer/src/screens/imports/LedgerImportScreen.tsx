import { Alert, Button, Card, Grid, Group, LoadingOverlay, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseImport, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { LEDGER_FIELD_LABELS, LEDGER_FIELDS, TICKET_TYPES, type LedgerMappingT, type TicketT } from '../../../../shared/contract/desk';
import { PageHeader } from '../../components/PageHeader';
import { FilePicker } from './FilePicker';
import { ColumnMappingTable } from './MappingTable';
import { RejectedRows } from './RejectedRows';
import { LedgerConfirmModal } from './ledger/LedgerConfirmModal';
import { LedgerCounts } from './ledger/LedgerCounts';
import { LedgerPreviewTable } from './ledger/LedgerPreviewTable';
import { LedgerResultCard } from './ledger/LedgerResultCard';
import { useLedgerImport } from './ledger/useLedgerImport';

type LedgerField = (typeof LEDGER_FIELDS)[number];

const PICKER_TEXT = {
  prompt: '把投诉/报事登记台账（.xlsx）拖到这里，或',
  hint: '以往的 Excel 台账逐行成为工单（标记为历史导入），按受理、响应、完成、回访时间重建处理过程，月度统计即可覆盖历史。标题行、合并单元格、Excel 日期和“2026/10/3 14:05”“2026年10月3日 14:05”等文字时间都可以识别；导入前会先预览，每一行被拒绝的原因都会列出。',
  readingHint: '识别表头、时间写法、房号和类别，较大的台账需要几秒钟',
};

/** Why no row can be imported with this mapping yet, or null. */
function missingColumns(mapping: LedgerMappingT, defaultType: string | null): string | null {
  const used = new Set(Object.values(mapping));
  const lacks = [
    !used.has('receivedAt') && '受理时间',
    !used.has('type') && !defaultType && '类型',
    !used.has('description') && !used.has('category') && '内容或类别',
  ].filter(Boolean);
  return lacks.length ? `还没有指定“${lacks.join('”“')}”列，所有行都无法导入。` : null;
}

/** 台账导入: years of the Excel complaint ledger become ordinary tickets with their timelines rebuilt. */
export function LedgerImportScreen({ estateId }: { estateId: number }) {
  const im = useLedgerImport(estateId);
  const [confirming, setConfirming] = useState(false);
  const { preview, phase } = im;
  const step = phase === 'done' ? 3 : preview ? 1 : 0;
  const done = phase === 'done' && im.result !== null;

  return (
    <Stack gap="md" data-testid="ledger-import-screen">
      <PageHeader
        title="台账导入"
        subtitle={
          preview && phase !== 'done'
            ? `${preview.fileName} · 共 ${preview.rows.length} 行记录`
            : '把以往的 Excel 投诉/报事登记台账导入为工单，月度统计即可覆盖历史'
        }
        actions={
          preview &&
          phase !== 'done' && (
            <>
              <FilePicker compact busy={phase === 'parsing'} fileName={im.fileName} onFile={(f) => void im.pickFile(f)} testIdPrefix="ledger" />
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                loading={im.exporting}
                onClick={() => void im.exportReport()}
                data-testid="ledger-report"
              >
                导出报告 (.xlsx)
              </Button>
              <Button
                color="green"
                leftSection={<IconDatabaseImport size={16} />}
                disabled={preview.willCreate.tickets === 0 || im.remapping || phase === 'parsing'}
                onClick={() => setConfirming(true)}
                data-testid="ledger-commit"
              >
                确认导入 {preview.willCreate.tickets} 张工单
              </Button>
            </>
          )
        }
      />

      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="选择文件" description=".xlsx 台账" />
        <Stepper.Step label="核对列与预览" description="每列导入为哪项，逐行检查" />
        <Stepper.Step label="确认导入" description="全部成功或不做改动" />
      </Stepper>

      {im.error && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={im.error.title}
          withCloseButton
          onClose={() => im.setError(null)}
          data-testid="ledger-error"
        >
          <Text size="sm">{im.error.message}</Text>
          {im.error.hint && (
            <Text size="sm" mt={4}>
              {im.error.hint}
            </Text>
          )}
        </Alert>
      )}

      {done && im.result ? (
        <Stack gap="md">
          <LedgerResultCard result={im.result} fileName={im.fileName} exporting={im.exporting} onExport={() => void im.exportReport()} onAnother={im.reset} />
          <RejectedRows rejected={im.result.rejected} note="这些行没有导入；可导出报告，在原表中修正后再导入同一文件" testIdPrefix="ledger" />
        </Stack>
      ) : !preview ? (
        <FilePicker busy={phase === 'parsing'} fileName={im.fileName} onFile={(f) => void im.pickFile(f)} testIdPrefix="ledger" {...PICKER_TEXT} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <ColumnMappingTable<LedgerField>
              headers={preview.headers}
              mapping={preview.mapping}
              remembered={preview.mappingRemembered}
              sheetName={preview.sheetName}
              headerRow={preview.headerRow}
              disabled={im.remapping || phase === 'parsing'}
              onChange={(m) => void im.remap(m)}
              fields={LEDGER_FIELDS}
              labels={LEDGER_FIELD_LABELS}
              missing={missingColumns(preview.mapping, preview.defaultType)}
              testIdPrefix="ledger"
              headerLabel="台账表头"
              selectWidth={130}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md" pos="relative">
              <LoadingOverlay visible={im.remapping || phase === 'parsing'} zIndex={5} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
              {preview.otherSheets.length > 0 && (
                <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={`只读取了工作表「${preview.sheetName}」`} data-testid="ledger-other-sheets">
                  <Text size="sm">
                    工作簿中另有 {preview.otherSheets.map((n) => `「${n}」`).join('')} 含有数据，这次不会导入。一次导入一个工作表：请把其他工作表另存为单独的
                    .xlsx 文件再逐个导入（重复导入不会产生重复工单）。
                  </Text>
                </Alert>
              )}
              <DefaultTypeCard
                value={preview.defaultType}
                hasTypeColumn={Object.values(preview.mapping).includes('type')}
                disabled={im.remapping || phase === 'parsing'}
                onChange={im.chooseDefaultType}
              />
              <LedgerCounts preview={preview} />
              <RejectedRows rejected={preview.rejected} note="这些行不会导入；可在原表中修正后重新导入同一文件" testIdPrefix="ledger" />
              <Card withBorder radius="md" padding="md">
                <Title order={4} mb="xs">
                  逐行预览
                </Title>
                <LedgerPreviewTable rows={preview.rows} />
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      )}

      {preview && (
        <LedgerConfirmModal
          opened={confirming}
          preview={preview}
          busy={im.committing}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await im.commit();
            setConfirming(false);
          }}
        />
      )}
    </Stack>
  );
}

const NO_DEFAULT = '__none';

/**
 * What rows with an empty 类型 become. Nothing by default: the type decides the clock, whether a
 * callback is needed and the complaint statistics, so a guess (a blank once became 报修) would
 * skew them. A repair-only or complaint-only register says it here once, explicitly.
 */
function DefaultTypeCard({
  value,
  hasTypeColumn,
  disabled,
  onChange,
}: {
  value: TicketT['type'] | null;
  hasTypeColumn: boolean;
  disabled: boolean;
  onChange(type: TicketT['type'] | null): void;
}) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <div>
          <Text size="sm" fw={600}>
            类型为空的行
          </Text>
          <Text size="xs" c="dimmed">
            {hasTypeColumn
              ? '“类型”一栏空着的行记为哪一类。类型决定时限、是否须回访和投诉统计，不会自动猜测。'
              : '台账没有“类型”列：只登记报修（或只登记投诉）的台账，可在此指定全部记为哪一类。'}
          </Text>
        </div>
        <Select
          w={210}
          style={{ flexShrink: 0 }}
          data={[{ value: NO_DEFAULT, label: '不导入（列为拒绝）' }, ...TICKET_TYPES.map((t) => ({ value: t, label: `全部记为${t}` }))]}
          value={value ?? NO_DEFAULT}
          onChange={(v) => onChange(v && v !== NO_DEFAULT ? (v as TicketT['type']) : null)}
          allowDeselect={false}
          disabled={disabled}
          aria-label="类型为空的行"
          data-testid="ledger-default-type"
        />
      </Group>
    </Card>
  );
}
