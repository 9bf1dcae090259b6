import { z } from 'zod';
import { DateStr, Id, Instant, VoidInput, optText, reqText } from './common';

// 装修登记 and 搬迁放行 (PRODUCT.md §6). Amounts travel in 元 with at most two decimals and are
// stored as 分. Status flow of a renovation: 申请中 → 施工中 (开工) → 已验收 → 已退押金; 申请中 and
// 施工中 may be 作废. While a renovation is 施工中 its house shows 装修中; acceptance or voiding puts
// the house's previous status back (unless another renovation of the house is still 施工中).

export const RENOVATION_STATUSES = ['申请中', '施工中', '已验收', '已退押金', '已作废'] as const;
export type RenovationStatusT = (typeof RENOVATION_STATUSES)[number];

/** the usual work items, offered as checks; staff may add others */
export const RENOVATION_ITEMS = [
  '水电改造',
  '墙体拆改（非承重）',
  '防水',
  '吊顶',
  '铺贴',
  '门窗',
  '空调安装',
  '木作',
  '油漆涂料',
  '橱柜安装',
  '燃气改造',
  '外立面/阳台',
] as const;

export const INSPECTION_RESULTS = ['正常', '限期整改', '停工整改'] as const;
export const MOVE_OUT_RELATIONS = ['业主', '租户', '家属', '受托人', '其他'] as const;

export const MAX_WORKERS = 50;
export const MAX_YUAN = 10_000_000;

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
/** an amount in 元: not negative, at most two decimals */
export const Yuan = (label: string) =>
  z
    .number({ message: `请填写${label}` })
    .min(0, `${label}不能为负数`)
    .max(MAX_YUAN, `${label}不超过${MAX_YUAN}元`)
    .refine(twoDecimals, `${label}最多两位小数`);

/**
 * A phone. `masked`: the screen shows this one masked (138****5678, docs/PRIVACY.md), so the form may
 * send the * back; main keeps the stored number for it or refuses it (core/renovation/numbers.ts).
 */
const Phone = (label: string, masked = false) =>
  z
    .string()
    .trim()
    .max(30, `${label}不超过30字`)
    .regex(masked ? /^[\d\s+\-()（）转*]*$/ : /^[\d\s+\-()（）转]*$/, `${label}只能包含数字和 - + ( )`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const Worker = z.object({
  name: reqText(20, '工人姓名'),
  idNo: optText(30, '证件号码'),
  phone: Phone('工人电话', true),
});

export const Fee = z.object({ name: reqText(30, '费用名称'), amount: Yuan('费用金额') });

export const HotWork = z
  .object({
    location: reqText(100, '动火地点'),
    from: DateStr,
    to: DateStr,
    operator: reqText(20, '动火人'),
    certificateNo: reqText(40, '特种作业证号'),
    guardian: reqText(20, '监护人'),
    measures: reqText(500, '防火措施'),
  })
  .refine((h) => h.to >= h.from, { message: '动火结束日期不能早于开始日期', path: ['to'] });

export const RenovationInput = z
  .object({
    /** absent: a new registration; present: edit it (only before acceptance) */
    id: Id.optional(),
    houseId: Id,
    applicant: reqText(30, '申请人'),
    applicantPhone: Phone('申请人电话', true),
    contractor: reqText(60, '施工单位'),
    contractorContact: optText(30, '施工负责人'),
    contractorPhone: Phone('施工单位电话'),
    workers: z.array(Worker).max(MAX_WORKERS, `施工人员最多${MAX_WORKERS}人`),
    startDate: DateStr,
    endDate: DateStr,
    scope: reqText(1000, '装修范围'),
    items: z.array(z.string().trim().min(1).max(30, '项目名称不超过30字')).max(30, '装修项目最多30项'),
    deposit: Yuan('装修押金'),
    fees: z.array(Fee).max(20, '费用最多20项'),
    hotWork: HotWork.nullable(),
  })
  .refine((r) => r.endDate >= r.startDate, { message: '完工日期不能早于开工日期', path: ['endDate'] });
export type RenovationInputT = z.input<typeof RenovationInput>;

export const Inspection = z.object({
  date: DateStr,
  by: reqText(20, '巡查人'),
  findings: reqText(500, '巡查情况'),
  result: z.enum(INSPECTION_RESULTS, { message: '请选择巡查结论' }),
  /** when it was recorded (UTC instant) */
  at: Instant,
});
export type InspectionT = z.output<typeof Inspection>;

export const InspectInput = Inspection.omit({ at: true }).extend({ id: Id });
export const AcceptInput = z.object({ id: Id, by: reqText(20, '验收人'), note: optText(500, '验收意见') });
export const RefundInput = z.object({ id: Id, amount: Yuan('退还金额'), reason: optText(200, '扣除原因') });

export const Refund = z.object({ amount: z.number(), deducted: z.number(), reason: z.string().nullable(), at: Instant, by: z.string() });

export const Renovation = z.object({
  id: z.number().int(),
  houseId: z.number().int(),
  houseLabel: z.string(),
  permitNo: z.string(),
  applicant: z.string(),
  applicantPhone: z.string().nullable(),
  contractor: z.string(),
  contractorContact: z.string().nullable(),
  contractorPhone: z.string().nullable(),
  workers: z.array(z.object({ name: z.string(), idNo: z.string().nullable(), phone: z.string().nullable() })),
  startDate: z.string(),
  endDate: z.string(),
  scope: z.string(),
  items: z.array(z.string()),
  /** 元 */
  deposit: z.number(),
  fees: z.array(z.object({ name: z.string(), amount: z.number() })),
  hotWork: z
    .object({
      location: z.string(),
      from: z.string(),
      to: z.string(),
      operator: z.string(),
      certificateNo: z.string(),
      guardian: z.string(),
      measures: z.string(),
    })
    .nullable(),
  inspections: z.array(Inspection),
  startedAt: Instant.nullable(),
  acceptedAt: Instant.nullable(),
  acceptedBy: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
  refund: Refund.nullable(),
  status: z.enum(RENOVATION_STATUSES),
  voidedAt: Instant.nullable(),
  voidReason: z.string().nullable(),
  createdAt: Instant,
  createdBy: z.string(),
});
export type RenovationT = z.output<typeof Renovation>;

// ---- 搬迁放行
export const PassItem = z.object({
  name: reqText(40, '物品名称'),
  qty: z.number({ message: '请填写数量' }).int('数量应为整数').min(1, '数量至少为1').max(9999, '数量不超过9999'),
});

export const MoveOutInput = z
  .object({
    houseId: Id,
    applicant: reqText(30, '申请人'),
    phone: Phone('联系电话', true),
    relation: z.enum(MOVE_OUT_RELATIONS, { message: '请选择与本户关系' }),
    items: z.array(PassItem).min(1, '请至少填写一项物品').max(40, '物品最多40项'),
    plate: optText(12, '车牌号'),
    validFrom: DateStr,
    validTo: DateStr,
    approver: reqText(20, '批准人'),
  })
  .refine((p) => p.validTo >= p.validFrom, { message: '有效期截止不能早于开始日期', path: ['validTo'] });

export const PASS_STATES = ['有效', '已查验', '已过期', '未生效', '已作废'] as const;

export const MoveOutPass = z.object({
  id: z.number().int(),
  houseId: z.number().int(),
  houseLabel: z.string(),
  passNo: z.string(),
  applicant: z.string(),
  phone: z.string().nullable(),
  relation: z.string(),
  items: z.array(z.object({ name: z.string(), qty: z.number().int() })),
  plate: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  approver: z.string(),
  approvedAt: Instant,
  checkedAt: Instant.nullable(),
  checkedBy: z.string().nullable(),
  /** derived from the dates (China day), the guard check and voiding */
  state: z.enum(PASS_STATES),
  voidedAt: Instant.nullable(),
  voidReason: z.string().nullable(),
  createdAt: Instant,
  createdBy: z.string(),
});
export type MoveOutPassT = z.output<typeof MoveOutPass>;

const HouseQuery = z.object({ houseId: Id });
const ById = z.object({ id: Id });

export const renovationChannels = {
  'renovation.list': { input: HouseQuery, output: z.array(Renovation) },
  'renovation.get': { input: ById, output: Renovation },
  'renovation.save': { input: RenovationInput, output: Renovation },
  /** 开工: 申请中 → 施工中; the house shows 装修中 */
  'renovation.start': { input: ById, output: Renovation },
  'renovation.inspect': { input: InspectInput, output: Renovation },
  'renovation.accept': { input: AcceptInput, output: Renovation },
  'renovation.refund': { input: RefundInput, output: Renovation },
  'renovation.void': { input: VoidInput, output: Renovation },
  'moveout.list': { input: HouseQuery, output: z.array(MoveOutPass) },
  'moveout.save': { input: MoveOutInput, output: MoveOutPass },
  'moveout.check': { input: ById, output: MoveOutPass },
  'moveout.void': { input: VoidInput, output: MoveOutPass },
} as const;
