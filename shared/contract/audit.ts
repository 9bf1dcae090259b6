import { z } from 'zod';
import { DateStr, Id } from './common';

// 操作日志 (docs/AUDIT.md): the audit trail, filtered and summarised in Chinese. Read-only.

export const AUDIT_PAGE_MAX = 200;

/** The actions the screen offers as a filter, with their Chinese verbs. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  edit: '修改',
  void: '作废',
  attach: '登记住户',
  moveOut: '迁出',
  note: '添加备注',
  photo: '添加照片',
  set: '设置',
  issue: '发布',
  check: '查验',
  start: '开工',
  inspect: '巡查',
  accept: '验收',
  refund: '退押金',
  tickets: '生成工单',
  moveIn: '入住',
  'seed-demo': '生成演示数据',
  'documentTexts.update': '修改单据文字',
  'import.create': '导入新建',
  'import.update': '导入更新',
  'import.roster': '名册导入',
  'import.ledger': '台账导入',
  login: '登录',
  logout: '退出登录',
  unlock: '解锁',
  resetPassword: '重设密码',
  changePassword: '修改密码',
  restore: '恢复备份',
  settings: '修改备份设置',
  // ticket steps (desk/tickets.ts)
  dispatch: '派工',
  reassign: '转派',
  sendBack: '退回',
  hold: '挂起',
  resume: '恢复处理',
  complete: '完成',
  close: '关闭',
  reopen: '重开',
  callback: '回访',
  // privacy/reveal.ts, documents printed with full numbers
  reveal: '显示完整号码',
  printFull: '打印完整号码',
};

const filterText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过${max}字`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const AuditListInput = z
  .object({
    /** one person: their record's lines and their 登记/迁出 lines on houses */
    personId: Id.optional(),
    /** a name, or part of one */
    person: filterText(20, '人员姓名'),
    /** a house's lines, its people's, its tickets' and everything naming it (vehicles, renovations, …) */
    houseId: Id.optional(),
    ticketId: Id.optional(),
    /** a ticket number, as printed on the slip */
    ticketNo: filterText(40, '工单号'),
    actor: filterText(20, '操作人'),
    /** the audit line's action, e.g. update, void (the screen offers the known ones) */
    action: filterText(40, '操作'),
    /** China-time days, both included */
    from: DateStr.optional(),
    to: DateStr.optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX, `每页最多${AUDIT_PAGE_MAX}行`).optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const AuditLine = z.object({
  id: Id,
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  action: z.string(),
  /** "修改 住户 张三：电话 138****5678 → 139****0000": phones and ID numbers masked */
  summary: z.string(),
  /** the house the line belongs to, when known (a link from the screen) */
  houseId: Id.nullable(),
});

export const AuditPage = z.object({
  rows: z.array(AuditLine),
  total: z.number().int(),
  /** the count stopped a thousand rows past the page: there are more than `total` */
  capped: z.boolean(),
});

export const auditChannels = {
  'audit.list': { input: AuditListInput, output: AuditPage },
} as const;

export type AuditListInputT = z.input<typeof AuditListInput>;
export type AuditLineT = z.infer<typeof AuditLine>;
export type AuditPageT = z.infer<typeof AuditPage>;
