import ExcelJS from 'exceljs';
import type { LedgerPreviewT } from '../../../../shared/contract/desk';
import { cstDateTime } from '../../../../shared/domain/time';

const LABELS: Record<LedgerPreviewT['rows'][number]['status'], string> = { new: '新增', unchanged: '已导入过', duplicate: '重复行（已合并）', rejected: '拒绝' };

/** The rows that need a look (rejected, merged, warned), with their Excel row numbers. */
export async function buildLedgerReport(rows: LedgerPreviewT['rows'], sourceName: string): Promise<{ fileName: string; dataBase64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FrontDesk';
  const ws = wb.addWorksheet('导入报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '状态', key: 'status', width: 16 },
    { header: '编号', key: 'no', width: 18 },
    { header: '受理时间', key: 'at', width: 18 },
    { header: '位置', key: 'location', width: 22 },
    { header: '原因 / 提示', key: 'reason', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  const worth = rows.filter((r) => r.status === 'rejected' || r.status === 'duplicate' || r.warnings.length).sort((a, b) => a.row - b.row);
  for (const r of worth) {
    const line = ws.addRow({ row: r.row, status: LABELS[r.status], no: r.no ?? '', at: r.receivedAt ? cstDateTime(r.receivedAt) : '', location: r.location ?? '', reason: [r.reason, ...r.warnings].filter(Boolean).join('；') });
    line.getCell('reason').alignment = { wrapText: true, vertical: 'top' };
    if (r.status === 'rejected') line.getCell('status').font = { color: { argb: 'FFC00000' } };
  }
  if (!worth.length) ws.addRow({ reason: '所有行均已导入，没有需要处理的问题' });
  const base = sourceName.replace(/\.[^.]*$/, '') || '台账';
  return { fileName: `台账导入报告-${base}.xlsx`, dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
