import ExcelJS from 'exceljs';
import { ROW_STATUS_LABELS, type PreviewRowT } from '../../../../shared/contract/imports';
import { safeText } from '../../reports/workbook';

/** "业主名册.xlsx" → "名册导入报告-业主名册.xlsx" */
export function reportFileName(original: string): string {
  const base = original.replace(/\.[^.]*$/, '') || '名册';
  return `名册导入报告-${base}.xlsx`;
}

/** Rows worth a second look: rejected, merged as duplicates, or carrying warnings. */
export function reportRows(rows: PreviewRowT[]): PreviewRowT[] {
  return rows.filter((r) => r.status === 'rejected' || r.status === 'duplicate' || r.warnings.length > 0).sort((a, b) => a.row - b.row);
}

export interface ReportLine {
  values: Record<string, string | number>;
  rejected: boolean;
}

/**
 * A problem report as an .xlsx: bold frozen header, wrapped reasons, rejected rows in red. The
 * `reason` column must be keyed 'reason' and the status column 'status'.
 */
export async function problemReport(
  columns: { header: string; key: string; width: number }[],
  lines: ReportLine[],
  fileName: string,
): Promise<{ fileName: string; dataBase64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FrontDesk';
  const ws = wb.addWorksheet('导入报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  for (const l of lines) {
    // the values quote the supplier's own cells: formula-like text goes back as text (reports/workbook.ts)
    const row = ws.addRow(Object.fromEntries(Object.entries(l.values).map(([k, v]) => [k, typeof v === 'string' ? safeText(v) : v])));
    row.getCell('reason').alignment = { wrapText: true, vertical: 'top' };
    if (l.rejected) row.getCell('status').font = { color: { argb: 'FFC00000' } };
  }
  if (!lines.length) ws.addRow({ reason: '所有行均已导入，没有需要处理的问题' });
  return { fileName, dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

/**
 * The report the desk sends back to whoever supplied the roster: one line per problem row with
 * its Excel row number, so they can fix the source file and import it again.
 */
export function buildReport(rows: PreviewRowT[], sourceName: string): Promise<{ fileName: string; dataBase64: string }> {
  const columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '状态', key: 'status', width: 16 },
    { header: '房屋', key: 'house', width: 22 },
    { header: '业主', key: 'owner', width: 16 },
    { header: '原因', key: 'reason', width: 70 },
  ];
  const lines = reportRows(rows).map((r) => ({
    values: {
      row: r.row,
      status: ROW_STATUS_LABELS[r.status],
      house: r.house ?? '',
      owner: r.ownerName ?? '',
      reason: [r.reason, ...r.warnings].filter(Boolean).join('；'),
    },
    rejected: r.status === 'rejected',
  }));
  return problemReport(columns, lines, reportFileName(sourceName));
}
