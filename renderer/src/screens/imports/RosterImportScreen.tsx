import { Alert, Button, Card, Grid, LoadingOverlay, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseImport, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { CommitConfirmModal } from './CommitConfirmModal';
import { CommitResultCard } from './CommitResultCard';
import { FilePicker } from './FilePicker';
import { MappingTable } from './MappingTable';
import { PreviewRowsTable } from './PreviewRowsTable';
import { RejectedRows } from './RejectedRows';
import { RosterSummary } from './RosterSummary';
import { useRosterImport } from './useRosterImport';

/** 业主名册导入: pick an .xlsx, map its columns, preview every row, commit all-or-nothing. */
export function RosterImportScreen({ estateId }: { estateId: number }) {
  const im = useRosterImport(estateId);
  const [confirming, setConfirming] = useState(false);
  const { preview, phase } = im;
  const step = phase === 'done' ? 3 : preview ? 1 : 0;
  const done = phase === 'done' && im.result !== null;

  return (
    <Stack gap="md" data-testid="roster-import-screen">
      <PageHeader
        title="业主名册导入"
        subtitle={
          preview && phase !== 'done' ? `${preview.fileName} · 共 ${preview.rows.length} 行数据` : '从开发商或前物业公司的 Excel 名册批量建立房屋和业主档案'
        }
        actions={
          preview &&
          phase !== 'done' && (
            <>
              <FilePicker compact busy={phase === 'parsing'} fileName={im.fileName} onFile={(f) => void im.pickFile(f)} />
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                loading={im.exporting}
                onClick={() => void im.exportReport()}
                data-testid="roster-report"
              >
                导出报告 (.xlsx)
              </Button>
              <Button
                color="green"
                leftSection={<IconDatabaseImport size={16} />}
                disabled={preview.accepted === 0 || im.remapping || phase === 'parsing'}
                onClick={() => setConfirming(true)}
                data-testid="roster-commit"
              >
                确认导入
              </Button>
            </>
          )
        }
      />

      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="选择文件" description=".xlsx 名册" />
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
          data-testid="roster-error"
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
          <CommitResultCard result={im.result} fileName={im.fileName} exporting={im.exporting} onExport={() => void im.exportReport()} onAnother={im.reset} />
          <RejectedRows rejected={im.result.rejected} note="这些行没有导入；可导出报告，在原表中修正后再导入" />
        </Stack>
      ) : !preview ? (
        <FilePicker busy={phase === 'parsing'} fileName={im.fileName} onFile={(f) => void im.pickFile(f)} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <MappingTable
              headers={preview.headers}
              mapping={preview.mapping}
              remembered={preview.mappingRemembered}
              sheetName={preview.sheetName}
              headerRow={preview.headerRow}
              disabled={im.remapping || phase === 'parsing'}
              onChange={(m) => void im.remap(m)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md" pos="relative">
              <LoadingOverlay visible={im.remapping || phase === 'parsing'} zIndex={5} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
              <RosterSummary preview={preview} />
              <RejectedRows rejected={preview.rejected} />
              <Card withBorder radius="md" padding="md">
                <Title order={4} mb="xs">
                  逐行预览
                </Title>
                <PreviewRowsTable rows={preview.rows} />
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      )}

      {preview && (
        <CommitConfirmModal
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
