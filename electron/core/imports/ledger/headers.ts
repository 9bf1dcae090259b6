import type { LEDGER_FIELDS, LedgerMappingT } from '../../../../shared/contract/desk';
import { normaliseHeader } from '../roster/headers';

type LedgerField = (typeof LEDGER_FIELDS)[number];

/**
 * Header texts seen in centres' Excel ledgers, after normaliseHeader(). 类型 is the request type; 类别 the category.
 * 序号 is deliberately absent: it is the row's running number (1, 2, 3… restarting every sheet), not the request's 编号.
 */
const ALIASES: Record<LedgerField, string[]> = {
  no: ['编号', '单号', '工单号', '工单编号', '登记编号', '报事编号', '投诉编号', 'NO', 'NO.'],
  receivedAt: ['受理时间', '登记时间', '报事时间', '来电时间', '日期', '受理日期', '登记日期', '时间', '接报时间'],
  type: ['类型', '报事类型', '事项类型', '性质', '工单类型'],
  channel: ['渠道', '来源', '方式', '报事方式', '受理方式', '报事渠道', '来访方式'],
  building: ['楼栋', '楼号', '栋号', '幢', '楼栋号'],
  unit: ['单元', '单元号'],
  room: ['房号', '房间号', '室号', '户号', '房屋'],
  location: ['位置', '地点', '报事位置', '报事地点', '区域', '部位'],
  reporter: [
    '报事人',
    '投诉人',
    '报修人',
    '报事人姓名',
    '投诉人姓名',
    '报修人姓名',
    '来电人',
    '求助人',
    '业主',
    '联系人',
    '姓名',
    '业主姓名',
    '住户',
    '住户姓名',
    '客户',
    '客户姓名',
    '来访人',
    '反映人',
  ],
  phone: ['联系电话', '电话', '手机', '联系方式'],
  category: ['类别', '问题类别', '分类', '报事类别', '问题分类', '事项类别'],
  description: ['内容', '事项', '问题描述', '报事内容', '反映内容', '投诉内容', '事由', '具体内容'],
  urgency: ['紧急程度', '紧急', '缓急', '优先级'],
  department: ['处理部门', '责任部门', '派工部门', '部门'],
  assignee: ['处理人', '责任人', '维修人', '经办人'],
  respondedAt: ['响应时间', '派工时间', '派单时间', '接单时间'],
  completedAt: ['完成时间', '处理完成时间', '办结时间', '完工时间'],
  callbackAt: ['回访时间', '回访日期'],
  callbackResult: ['回访结果', '回访情况', '回访意见', '回访'],
  satisfaction: ['满意度', '满意程度', '评价', '业主评价'],
  status: ['状态', '处理状态', '工单状态', '办理状态'],
  notes: ['备注', '说明'],
};
const EXACT = new Map<string, LedgerField>();
for (const [f, names] of Object.entries(ALIASES) as [LedgerField, string[]][]) for (const n of names) EXACT.set(n, f);

export function matchLedgerHeader(raw: string): LedgerField | null {
  const h = normaliseHeader(raw);
  if (!h) return null;
  const exact = EXACT.get(h);
  if (exact) return exact;
  if (h.length > 8) return null;
  // a person column: the one who reported it is the reporter; the staff who took it (受理人, 登记人) has no field
  if (/[人员]$/.test(h) || h.endsWith('姓名')) {
    if (/报事|投诉|报修|来电|来访|反映|求助|业主|住户|客户/.test(h)) return 'reporter';
    if (/处理|维修|责任|经办/.test(h)) return 'assignee';
    return null;
  }
  if (h.includes('电话') || h.includes('手机')) return 'phone';
  if (h.includes('回访') && h.includes('时间')) return 'callbackAt';
  if (h.includes('完成') || h.includes('办结')) return 'completedAt';
  if (h.includes('响应') || h.includes('派工')) return 'respondedAt';
  if (h.includes('受理') || h.includes('登记')) return 'receivedAt';
  if (h.includes('满意')) return 'satisfaction';
  if (h.includes('内容') || h.includes('描述')) return 'description';
  return null;
}

export function suggestLedgerMapping(headers: string[]): LedgerMappingT {
  const mapping: LedgerMappingT = {};
  const taken = new Set<LedgerField>();
  headers.forEach((h, i) => {
    const f = matchLedgerHeader(h);
    if (f && !taken.has(f)) {
      taken.add(f);
      mapping[String(i)] = f;
    }
  });
  return mapping;
}
