import { z } from 'zod';
import { DateStr, Id, Instant, OptDate, optText, reqText, VoidInput } from './common';
import { HouseStatus } from './archives';

// 交付 / 入住 (PRODUCT.md §4): a building's delivery day, the handover of each house (documents
// checked, keys, meter readings, defects that become repair tickets, signatures) and the move-in.

/** What the desk checks at the counter; ids are stored on the handover. */
export const CHECKLIST_ITEMS = [
  { id: 'idcard', label: '身份证原件及复印件' },
  { id: 'contract', label: '购房合同' },
  { id: 'notice', label: '交付通知书' },
  { id: 'fund', label: '维修基金缴纳凭证' },
  { id: 'service', label: '物业服务合同签署' },
  { id: 'covenant', label: '业主公约/临时管理规约签署' },
  { id: 'fee', label: '前期物业费缴纳' },
  { id: 'proxy', label: '委托书（代办时）' },
] as const;
export const CHECKLIST_IDS = CHECKLIST_ITEMS.map((i) => i.id) as [string, ...string[]];
export const DEFAULT_KEYS = [
  { name: '入户门钥匙', qty: 3 },
  { name: '单元门禁卡', qty: 2 },
  { name: '信报箱钥匙', qty: 2 },
  { name: '电表箱钥匙', qty: 1 },
] as const;
export const KEY_QTY_MAX = 99;
export const METER_MAX = 999999;
export const METER_LABELS = { water: '水表', electricity: '电表', gas: '燃气表' } as const;

// ---- delivery plan (one per building)
export const DeliveryPlan = z.object({
  buildingId: Id,
  date: DateStr.nullable(),
  place: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
});
export const DeliveryPlanInput = z.object({
  buildingId: Id,
  date: OptDate.transform((v) => v ?? null),
  place: optText(100, '交付地点'),
  notes: optText(500, '备注'),
});

// ---- handover
export const HandoverKey = z.object({
  name: reqText(20, '钥匙名称'),
  qty: z
    .number({ message: '数量应为整数' })
    .int('数量应为整数')
    .min(0, `数量应在 0 到 ${KEY_QTY_MAX} 之间`)
    .max(KEY_QTY_MAX, `数量应在 0 到 ${KEY_QTY_MAX} 之间`),
});
const meter = (label: string) =>
  z
    .number({ message: `${label}读数应为数字` })
    .min(0, `${label}读数不能为负数`)
    .max(METER_MAX, `${label}读数不超过 ${METER_MAX}`)
    .nullable()
    .optional()
    .transform((v) => v ?? null);
export const MeterReadings = z.object({ water: meter('水表'), electricity: meter('电表'), gas: meter('燃气表') });
export const DefectInput = z.object({ location: reqText(40, '问题位置'), description: reqText(200, '问题描述') });
export const Defect = z.object({ location: z.string(), description: z.string(), ticketId: Id.nullable(), ticketNo: z.string().nullable() });
export const Signatures = z.object({ owner: z.boolean(), staff: z.boolean() });

export const HandoverInput = z.object({
  houseId: Id,
  staff: optText(20, '经办人'),
  checklist: z.array(z.enum(CHECKLIST_IDS, { message: '未知的核验项目' })).max(CHECKLIST_ITEMS.length),
  keys: z.array(HandoverKey).max(20, '钥匙不超过 20 种'),
  meters: MeterReadings,
  defects: z.array(DefectInput).max(30, '问题不超过 30 项'),
  signatures: Signatures,
  receiverName: reqText(20, '领取人'),
  /**
   * The form starts from the owner's phone, which screens get masked (docs/PRIVACY.md): a * passes
   * here only so main can match it to a current owner's stored phone; any other * is refused there.
   */
  receiverPhone: optText(20, '领取人电话').refine((v) => v === null || /^[\d\-+ ()]{5,20}$/.test(v) || /^[\d*+][\d* ]{4,19}$/.test(v), '领取人电话格式不正确'),
  notes: optText(500, '备注'),
});

export const Handover = z.object({
  id: Id,
  houseId: Id,
  handedAt: Instant,
  staff: z.string(),
  checklist: z.array(z.string()),
  keys: z.array(z.object({ name: z.string(), qty: z.number().int() })),
  meters: z.object({ water: z.number().nullable(), electricity: z.number().nullable(), gas: z.number().nullable() }),
  defects: z.array(Defect),
  signatures: Signatures,
  receiverName: z.string(),
  /** masked (138****5678) for every role; printouts read the stored one */
  receiverPhone: z.string().nullable(),
  notes: z.string().nullable(),
  statusBefore: z.string(),
  movedInDate: DateStr.nullable(),
  createdAt: Instant,
});

export const HandoverSummary = z.object({
  id: Id,
  handedAt: Instant,
  staff: z.string(),
  receiverName: z.string(),
  keyCount: z.number().int(),
  defectCount: z.number().int(),
  movedInDate: DateStr.nullable(),
});

export const MoveinHouse = z.object({
  id: Id,
  label: z.string(),
  unitName: z.string().nullable(),
  roomNo: z.string(),
  floor: z.number().int().nullable(),
  status: HouseStatus,
  owners: z.array(z.string()),
  handover: HandoverSummary.nullable(),
});

export const HandoverView = z.object({
  house: z.object({ id: Id, estateId: Id, buildingId: Id, label: z.string(), status: HouseStatus }),
  /** current owners; the phone masked, revealed by person id through privacy.reveal (docs/PRIVACY.md) */
  owners: z.array(z.object({ personId: Id, name: z.string(), phone: z.string().nullable() })),
  handover: Handover.nullable(),
  checklistItems: z.array(z.object({ id: z.string(), label: z.string() })),
  defaultKeys: z.array(z.object({ name: z.string(), qty: z.number().int() })),
  /** the building's delivery plan, for the form's header and the packet */
  plan: DeliveryPlan.nullable(),
});

export const MoveInInput = z.object({ houseId: Id, date: DateStr });
export const HouseStatusResult = z.object({ houseId: Id, status: HouseStatus });

export const moveinChannels = {
  'movein.plan.get': { input: z.object({ buildingId: Id }), output: DeliveryPlan },
  'movein.plan.set': { input: DeliveryPlanInput, output: DeliveryPlan },
  'movein.houses.list': { input: z.object({ buildingId: Id }), output: z.array(MoveinHouse) },
  'movein.handover.get': { input: z.object({ houseId: Id }), output: HandoverView },
  'movein.handover.save': { input: HandoverInput, output: Handover },
  'movein.moveIn': { input: MoveInInput, output: HouseStatusResult },
  'movein.handover.void': { input: VoidInput, output: HouseStatusResult },
} as const;

export type DeliveryPlanT = z.infer<typeof DeliveryPlan>;
export type HandoverT = z.infer<typeof Handover>;
export type HandoverParsedT = z.output<typeof HandoverInput>;
export type HandoverSummaryT = z.infer<typeof HandoverSummary>;
export type MoveinHouseT = z.infer<typeof MoveinHouse>;
export type HandoverViewT = z.infer<typeof HandoverView>;
