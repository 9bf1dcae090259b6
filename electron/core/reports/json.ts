// The shape `npm run cli -- report monthly --json` prints (issue 9 of docs/REPORTS.md): the same
// figures as the screen, the workbook and the Word report, named for scripts.
import type { BreakdownRowT, MonthlyReportT } from '../../../shared/contract/reports';

const rows = (list: BreakdownRowT[]) => list.map((r) => ({ name: r.name, count: r.count, share: r.share, previousCount: r.previousCount, change: r.change }));

export function reportJson(r: MonthlyReportT) {
  return {
    month: r.month,
    estate: r.estateName,
    byType: r.byType,
    complaints: {
      total: r.complaints.total,
      previousMonth: r.complaints.previousMonth,
      sameMonthLastYear: r.complaints.sameMonthLastYear,
      per100Households: r.complaints.per100Households,
    },
    byCategory: rows(r.byCategory),
    byBuilding: rows(r.byBuilding),
    byChannel: rows(r.byChannel),
    byDepartment: rows(r.byDepartment),
    timeliness: {
      respondedOnTimeRate: r.timeliness.respondedOnTimeRate,
      resolvedOnTimeRate: r.timeliness.resolvedOnTimeRate,
      avgResponseHours: r.timeliness.avgResponseHours,
      avgResolutionHours: r.timeliness.avgResolutionHours,
      overdue: r.timeliness.overdue.map((t) => t.no),
    },
    closure: { closedRate: r.closure.closedRate, carriedOver: r.closure.carriedOver.map((t) => t.no) },
    callbacks: {
      rate: r.callbacks.rate,
      satisfactionRate: r.callbacks.satisfactionRate,
      averageScore: r.callbacks.averageScore,
      dissatisfied: r.callbacks.dissatisfied.map((t) => t.no),
    },
    repeats: r.repeats.map((t) => ({ no: t.no, category: t.category, location: t.location, previousNo: t.previousNo })),
    topIssues: r.topIssues,
    daily: r.daily,
  };
}
