import type { MonthlyReportT } from '../../../shared/contract/reports';

/** 翠湖花园2026年10月投诉统计分析报告 */
export const reportTitle = (r: Pick<MonthlyReportT, 'month' | 'estateName'>) => {
  const [y, m] = r.month.split('-');
  return `${r.estateName}${y}年${Number(m)}月投诉统计分析报告`;
};
