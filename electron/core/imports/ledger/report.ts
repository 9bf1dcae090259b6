import type { LedgerPreviewT } from '../../../../shared/contract/desk';
import { cstDateTime } from '../../../../shared/domain/time';
import { problemReport } from '../roster/report';

const LABELS: Record<LedgerPreviewT['rows'][number]['status'], string> = { new: '新增', unchanged: '已导入过', duplicate: '重复行（已合并）', rejected: '拒绝' };

/** The rows that need a look (rejected, merged, warned), with their Excel row numbers. */
export function buildLedgerReport(rows: LedgerPreviewT['rows'], sourceName: string): Promise<{ fileName: string; dataBase64: string }> {
  const columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '状态', key: 'status', width: 16 },
    { header: '编号', key: 'no', width: 18 },
    { header: '受理时间', key: 'at', width: 18 },
    { header: '位置', key: 'location', width: 22 },
    { header: '原因 / 提示', key: 'reason', width: 70 },
  ];
  const lines = rows
    .filter((r) => r.status === 'rejected' || r.status === 'duplicate' || r.warnings.length)
    .sort((a, b) => a.row - b.row)
    .map((r) => ({
      values: { row: r.row, status: LABELS[r.status], no: r.no ?? '', at: r.receivedAt ? cstDateTime(r.receivedAt) : '', location: r.location ?? '', reason: [r.reason, ...r.warnings].filter(Boolean).join('；') },
      rejected: r.status === 'rejected',
    }));
  const base = sourceName.replace(/\.[^.]*$/, '') || '台账';
  return problemReport(columns, lines, `台账导入报告-${base}.xlsx`);
}
