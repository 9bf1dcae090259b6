import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import type { DrillTicketT, reportsChannels } from '../../../shared/contract/reports';
import { monthlyReport } from './monthly';
import { reportTitle } from './title';
import { chunks } from '../db/chunks';

/** The report channels (shared/contract/reports.ts). The exports are loaded on first use (exceljs, docx). */
export function reportsHandlers(ctx: CoreContext): Pick<Handlers, keyof typeof reportsChannels> {
  return {
    'reports.monthly.get': (input) => monthlyReport(ctx, input),
    'reports.monthly.xlsx': async (input) => {
      const r = await monthlyReport(ctx, input);
      const { monthlyWorkbook } = await import('./workbook');
      return { fileName: `${reportTitle(r).replace(/分析报告$/, '')}.xlsx`, dataBase64: (await monthlyWorkbook(ctx, r)).toString('base64') };
    },
    'reports.monthly.docx': async (input) => {
      const r = await monthlyReport(ctx, input);
      const { monthlyWordReport } = await import('./word-report');
      return { fileName: `${reportTitle(r)}.docx`, dataBase64: (await monthlyWordReport(r)).toString('base64') };
    },
    'reports.tickets': async ({ ids }) => {
      const out: DrillTicketT[] = [];
      for (const part of chunks(ids)) {
        const rows = await ctx.db
          .selectFrom('tickets')
          .select(['id', 'no', 'type', 'category', 'location', 'status', 'received_at', 'department'])
          .where('id', 'in', part)
          .execute();
        out.push(
          ...rows.map((t) => ({
            id: t.id,
            no: t.no,
            type: t.type,
            category: t.category,
            location: t.location,
            status: t.status,
            receivedAt: t.received_at,
            department: t.department,
          })),
        );
      }
      return out.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id - b.id);
    },
  };
}
