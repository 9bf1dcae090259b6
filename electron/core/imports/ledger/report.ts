import type { LedgerPreviewT } from '../../../../shared/contract/desk';
import { cstDateTime } from '../../../../shared/domain/time';
import { problemReport, type ReportLine } from '../roster/report';

const LABELS: Record<LedgerPreviewT['rows'][number]['status'], string> = {
  new: '新增',
  unchanged: '已导入过',
  duplicate: '重复行（已合并）',
  rejected: '拒绝',
};

/**
 * Every row of the ledger with what became of it (新增, 已导入过, 重复行, 拒绝 with the reason) and
 * its warnings, by Excel row number: no row is left out, so the report accounts for the whole file.
 */
export function buildLedgerReport(
  rows: LedgerPreviewT['rows'],
  sourceName: string,
  otherSheets: string[] = [],
): Promise<{ fileName: string; dataBase64: string }> {
  const columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '状态', key: 'status', width: 16 },
    { header: '编号', key: 'no', width: 18 },
    { header: '受理时间', key: 'at', width: 18 },
    { header: '位置', key: 'location', width: 22 },
    { header: '原因 / 提示', key: 'reason', width: 70 },
  ];
  const lines: ReportLine[] = [...rows]
    .sort((a, b) => a.row - b.row)
    .map((r) => ({
      values: {
        row: r.row,
        status: LABELS[r.status],
        no: r.no ?? '',
        at: r.receivedAt ? cstDateTime(r.receivedAt) : '',
        location: r.location ?? '',
        reason: [r.reason, ...r.warnings].filter(Boolean).join('；'),
      },
      rejected: r.status === 'rejected',
    }));
  for (const sheet of otherSheets)
    lines.push({
      values: {
        row: '—',
        status: '未导入',
        no: '',
        at: '',
        location: '',
        reason: `工作表「${sheet}」未读取：一次只导入一个工作表，请把它另存为单独的文件再导入`,
      },
      rejected: true,
    });
  const base = sourceName.replace(/\.[^.]*$/, '') || '台账';
  return problemReport(columns, lines, `台账导入报告-${base}.xlsx`);
}
