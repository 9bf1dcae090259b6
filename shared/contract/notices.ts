import { z } from 'zod';
import { DateStr, Id, VoidInput } from './common';

// 通知公告 (docs/ARCHITECTURE.md; PRODUCT.md §5): templates with {{占位符}}, issued notices with a
// number per estate per year (〔2026〕第012号), an audience (posted once, or one page per house),
// and the rendered pages kept with the notice so a reprint is exactly what was issued.

export const NOTICE_KINDS = ['停水', '停电', '停气', '电梯', '装修', '催缴', '提示', '公告'] as const;
export type NoticeKindT = (typeof NOTICE_KINDS)[number];
export const NoticeKind = z.enum(NOTICE_KINDS, { message: '请选择通知类别' });

/** the placeholders every template may use; a template adds its own free fields ({{停水原因}}) */
export const STANDARD_PLACEHOLDERS = [
  '项目',
  '楼栋',
  '单元',
  '房号',
  '业主',
  '日期',
  '开始时间',
  '结束时间',
  '金额',
  '金额大写',
  '期间',
  '服务电话',
  '文号',
] as const;
/** filled from each house: a posted notice (one copy for everyone) cannot use them */
export const PER_HOUSE_PLACEHOLDERS = ['房号', '业主', '金额', '金额大写'] as const;
/** typed in the issue form (the others come from the archive, the settings and the number) */
export const TYPED_PLACEHOLDERS = ['开始时间', '结束时间', '期间'] as const;
/** one house's amount and the notice's 期间: 催缴通知单 */
export const MAX_AMOUNT = 99_999_999.99;
export const NOTICE_MAX_HOUSES = 2000;

const FieldName = z
  .string()
  .trim()
  .min(1, '字段名不能为空')
  .max(12, '字段名不超过12字')
  .refine((v) => !/[{}\s]/.test(v), '字段名不能含空格或花括号')
  .refine((v) => !(STANDARD_PLACEHOLDERS as readonly string[]).includes(v), '该名称是系统占位符，无需再加');

export const TemplateInput = z.object({
  id: Id.optional(),
  name: z.string().trim().min(1, '请填写模板名称').max(30, '模板名称不超过30字'),
  kind: NoticeKind,
  title: z.string().trim().min(1, '请填写标题').max(60, '标题不超过60字'),
  body: z.string().trim().min(1, '请填写正文').max(3000, '正文不超过3000字'),
  fields: z
    .array(FieldName)
    .max(12, '自定义字段不超过12个')
    .refine((a) => new Set(a).size === a.length, '自定义字段不能重名')
    .default([]),
});

export const NoticeTemplate = z.object({
  id: Id,
  name: z.string(),
  kind: NoticeKind,
  title: z.string(),
  body: z.string(),
  fields: z.array(z.string()),
  builtin: z.boolean(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** who a notice is for: posted once for the whole estate, or one page per house of a building, a unit or a list */
export const Audience = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('estate') }),
    // posted: one copy for the building's (unit's) notice board instead of a page per house
    z.object({ kind: z.literal('building'), buildingId: Id, posted: z.boolean().optional() }),
    z.object({ kind: z.literal('unit'), buildingId: Id, unitName: z.string().trim().min(1, '请选择单元').max(20), posted: z.boolean().optional() }),
    z.object({
      kind: z.literal('list'),
      houseIds: z.array(Id).min(1, '请选择房屋').max(NOTICE_MAX_HOUSES, `一次最多 ${NOTICE_MAX_HOUSES} 户`),
    }),
  ],
  { message: '请选择发布范围' },
);
export const AUDIENCE_LABELS = { estate: '张贴（一份）', building: '楼栋', unit: '单元', list: '选定房屋' } as const;

const Amount = z.number({ message: '请填写金额' }).positive('金额应大于0').max(MAX_AMOUNT, '金额过大');

/** a notice as staff fill it in: the template's text (possibly changed for this one notice) and its values */
export const NoticeDraft = z.object({
  estateId: Id,
  templateId: Id.nullable(),
  kind: NoticeKind,
  title: z.string().trim().min(1, '请填写标题').max(60, '标题不超过60字'),
  body: z.string().trim().min(1, '请填写正文').max(3000, '正文不超过3000字'),
  fields: z.array(z.string().trim().max(12)).max(12).default([]),
  /** the notice's date (落款), China calendar day */
  date: DateStr,
  /** 开始时间, 结束时间, 期间 and the free fields, by name */
  values: z.record(z.string(), z.string().trim().max(200, '每项不超过200字')).default({}),
  audience: Audience,
  /** per house (催缴): yuan */
  amounts: z
    .array(z.object({ houseId: Id, amount: Amount }))
    .max(NOTICE_MAX_HOUSES)
    .default([]),
});

export const NoticePreview = z.object({
  html: z.string(),
  /** the number it would get if issued now */
  no: z.string(),
  /** pages units it will print: 1 when posted, else one per house */
  units: z.number().int(),
  /** houses shown in the preview (the first ones) */
  shown: z.number().int(),
  /** what is still missing or wrong, in Chinese; issuing refuses while any is left */
  problems: z.array(z.string()),
});

export const NoticeHouse = z.object({ houseId: Id, label: z.string(), owner: z.string(), amount: z.number().nullable() });

export const Notice = z.object({
  id: Id,
  estateId: Id,
  templateId: Id.nullable(),
  kind: NoticeKind,
  no: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  date: z.string(),
  values: z.record(z.string(), z.string()),
  audience: Audience,
  /** 全体业主（张贴） / 3栋 全部 3 户 */
  audienceLabel: z.string(),
  houses: z.array(NoticeHouse),
  /** pages units: 1 when posted, else one per house */
  units: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});

export const NoticeSummary = Notice.omit({ houses: true, values: true });

export const noticesChannels = {
  'notices.templates.list': { input: z.object({ includeVoided: z.boolean().optional() }), output: z.array(NoticeTemplate) },
  'notices.templates.save': { input: TemplateInput, output: NoticeTemplate },
  'notices.templates.void': { input: VoidInput, output: NoticeTemplate },
  'notices.preview': { input: NoticeDraft, output: NoticePreview },
  'notices.issue': { input: NoticeDraft, output: Notice },
  'notices.list': {
    input: z.object({ estateId: Id, includeVoided: z.boolean().optional(), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(NoticeSummary),
  },
  'notices.get': { input: z.object({ id: Id }), output: Notice },
  'notices.void': { input: VoidInput, output: Notice },
} as const;

export type NoticeTemplateT = z.output<typeof NoticeTemplate>;
export type TemplateInputT = z.output<typeof TemplateInput>;
export type NoticeDraftT = z.output<typeof NoticeDraft>;
export type NoticeDraftInput = z.input<typeof NoticeDraft>;
export type AudienceT = z.output<typeof Audience>;
export type NoticeT = z.output<typeof Notice>;
export type NoticeSummaryT = z.output<typeof NoticeSummary>;
export type NoticeHouseT = z.output<typeof NoticeHouse>;
