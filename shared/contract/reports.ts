import { z } from 'zod';
import { Id, SavedFile } from './common';

// The monthly complaint statistics (docs/REPORTS.md defines every figure). One computation in main
// produces this object; the screen, the workbook, the Word report and `report monthly --json`
// all show it, so they agree to the last digit.

export const MonthStr = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM，如 2026-10');

export const MonthlyReportInput = z.object({ estateId: Id, month: MonthStr });

/** one row of a breakdown: 类别 / 楼栋 / 渠道 / 部门 */
export const BreakdownRow = z.object({
  name: z.string(),
  count: z.number().int(),
  /** of this month's complaints, 0..1 */
  share: z.number(),
  previousCount: z.number().int(),
  /** 环比: (count − previous) / previous; null when last month had none */
  change: z.number().nullable(),
  /** the complaints counted, for the drill-down */
  ticketIds: z.array(Id),
});

export const TicketRef = z.object({ id: Id, no: z.string(), location: z.string(), category: z.string(), receivedAt: z.string() });

export const MonthlyReport = z.object({
  month: z.string(),
  estateId: Id,
  estateName: z.string(),
  /** every request of the month by type (投诉 报修 咨询 建议 表扬) */
  byType: z.record(z.string(), z.number().int()),
  complaints: z.object({
    total: z.number().int(),
    previousMonth: z.number().int(),
    sameMonthLastYear: z.number().int(),
    /** 环比 and 同比 as fractions; null when the base month had none */
    monthOnMonth: z.number().nullable(),
    yearOnYear: z.number().nullable(),
    occupiedHouseholds: z.number().int(),
    /** complaints per 100 occupied households, 2 decimals; null with no occupied household */
    per100Households: z.number().nullable(),
    ticketIds: z.array(Id),
  }),
  byCategory: z.array(BreakdownRow),
  byBuilding: z.array(BreakdownRow),
  byChannel: z.array(BreakdownRow),
  byDepartment: z.array(BreakdownRow),
  timeliness: z.object({
    /** of the complaints whose response was due or given: responded by the deadline */
    respondedOnTimeRate: z.number().nullable(),
    resolvedOnTimeRate: z.number().nullable(),
    respondJudged: z.number().int(),
    resolveJudged: z.number().int(),
    avgResponseHours: z.number().nullable(),
    avgResolutionHours: z.number().nullable(),
    overdue: z.array(TicketRef),
  }),
  closure: z.object({
    closed: z.number().int(),
    closedRate: z.number().nullable(),
    /** received this month and still open at the month's end */
    carriedOver: z.array(TicketRef),
  }),
  callbacks: z.object({
    /** completed complaints that had a callback */
    called: z.number().int(),
    due: z.number().int(),
    rate: z.number().nullable(),
    rated: z.number().int(),
    satisfied: z.number().int(),
    /** (非常满意 + 满意) / rated */
    satisfactionRate: z.number().nullable(),
    averageScore: z.number().nullable(),
    dissatisfied: z.array(TicketRef.extend({ satisfaction: z.string(), comment: z.string() })),
  }),
  /** a complaint whose house had one of the same category in the 30 days before */
  repeats: z.array(TicketRef.extend({ previousNo: z.string(), previousAt: z.string() })),
  /** the most frequent categories, at most five */
  topIssues: z.array(z.object({ name: z.string(), count: z.number().int() })),
  daily: z.array(z.object({ date: z.string(), count: z.number().int() })),
});

/** a ticket behind a figure (the screen's drill-down) */
export const DrillTicket = z.object({
  id: Id,
  no: z.string(),
  type: z.string(),
  category: z.string(),
  location: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  department: z.string().nullable(),
});

export const reportsChannels = {
  'reports.monthly.get': { input: MonthlyReportInput, output: MonthlyReport },
  /** the workbook and the Word report, built in main from the same object, saved through the save dialog */
  'reports.monthly.xlsx': { input: MonthlyReportInput, output: SavedFile },
  'reports.monthly.docx': { input: MonthlyReportInput, output: SavedFile },
  'reports.tickets': { input: z.object({ ids: z.array(Id).max(20000, '工单过多') }), output: z.array(DrillTicket) },
} as const;

export type MonthlyReportT = z.output<typeof MonthlyReport>;
export type BreakdownRowT = z.output<typeof BreakdownRow>;
export type TicketRefT = z.output<typeof TicketRef>;
export type DrillTicketT = z.output<typeof DrillTicket>;
