// The monthly statistics cover imported ledger history (PRODUCT.md §9): rows imported from an old
// Excel ledger count in the month they were received, with timeliness and satisfaction from the
// ledger's own times and ratings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { book } from '../imports/helpers';
import type { MonthlyReportT } from '../../../shared/contract/reports';

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let r: MonthlyReportT;
const call = <T>(channel: string, input: unknown) => must(core.dispatch(channel, input) as never) as Promise<T>;

beforeAll(async () => {
  core = await tempCore();
  const estate = await call<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
  const b = await call<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '5' });
  await call('archives.houses.create', { buildingId: b.id, unitName: '1', roomNo: '801', type: '住宅', status: '已入住' });
  const header = [
    '编号',
    '受理时间',
    '类型',
    '渠道',
    '楼栋',
    '单元',
    '房号',
    '报事人',
    '联系电话',
    '类别',
    '内容',
    '紧急程度',
    '处理部门',
    '响应时间',
    '完成时间',
    '回访时间',
    '满意度',
    '状态',
  ];
  const xlsx = await book([
    header,
    // answered in 2 h and done in 20 h: on time; rated 满意
    [
      'TS-0901',
      '2025/9/1 0:10',
      '投诉',
      '电话',
      '5',
      '1',
      '801',
      '陈先生',
      '13800008888',
      '噪音扰民',
      '楼上夜间噪音',
      '一般',
      '秩序部',
      '2025/9/1 2:10',
      '2025/9/1 20:10',
      '2025/9/2 10:00',
      '满意',
      '已关闭',
    ],
    // answered after 30 h: late; done in 40 h; rated 不满意
    [
      'TS-0915',
      '2025/9/15 9:00',
      '投诉',
      '来访',
      '5',
      '1',
      '801',
      '陈先生',
      '13800008888',
      '噪音扰民',
      '又有噪音',
      '一般',
      '秩序部',
      '2025/9/16 15:00',
      '2025/9/17 1:00',
      '2025/9/17 10:00',
      '不满意',
      '已关闭',
    ],
    // 23:30 on 30 September in China: September
    ['TS-0930', '2025/9/30 23:30', '报修', '电话', '5', '1', '801', '陈先生', '13800008888', '工程维修', '灯坏了', '一般', '工程部', '', '', '', '', '已受理'],
    // 00:10 on 1 October in China: October, not counted in September
    ['TS-1001', '2025/10/1 0:10', '投诉', '电话', '5', '1', '801', '陈先生', '13800008888', '噪音扰民', '还是噪音', '一般', '', '', '', '', '', '已受理'],
  ]);
  const p = await call<{ token: string; accepted: number }>('imports.ledger.preview', {
    estateId: estate.id,
    fileName: '台账2025.xlsx',
    dataBase64: xlsx.toString('base64'),
  });
  await call('imports.ledger.commit', { token: p.token });
  r = await call<MonthlyReportT>('reports.monthly.get', { estateId: estate.id, month: '2025-09' });
});
afterAll(() => core.cleanup());

describe('imported ledger history in the monthly statistics', () => {
  it('counts imported tickets in their China month, with the ledger’s times and ratings', () => {
    expect(r.byType).toMatchObject({ 投诉: 2, 报修: 1 });
    expect(r.complaints.total).toBe(2);
    expect(r.timeliness).toMatchObject({ respondJudged: 2, respondedOnTimeRate: 0.5, resolvedOnTimeRate: 1, avgResponseHours: 16, avgResolutionHours: 30 });
    expect(r.callbacks).toMatchObject({ rated: 2, satisfied: 1, satisfactionRate: 0.5, averageScore: 3 });
    // the second is a repeat of the first: same house and category within 30 days
    expect(r.repeats).toHaveLength(1);
    expect(r.closure.closedRate).toBe(1);
  });
});
