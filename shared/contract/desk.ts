import { z } from 'zod';
import { DateStr, Id, Instant, optText, reqText, FileUpload, SavedFile, Empty } from './common';

export const TICKET_TYPES = ['投诉', '报修', '咨询', '建议', '表扬'] as const;
export const TICKET_CHANNELS = ['来访', '电话', '微信', '信函', '巡查', '其他'] as const;
export const URGENCIES = ['一般', '紧急'] as const;
export const TICKET_STATUSES = ['已受理', '已派工', '处理中', '已完成', '已回访', '已关闭', '挂起', '已作废'] as const;
/** statuses whose clock is still running or paused (not finished) */
export const OPEN_STATUSES = ['已受理', '已派工', '处理中', '挂起'] as const;
export const SATISFACTION = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;
/** 5 = 非常满意 … 1 = 非常不满意 */
export const SATISFACTION_SCORE: Record<(typeof SATISFACTION)[number], number> = { 非常满意: 5, 满意: 4, 一般: 3, 不满意: 2, 非常不满意: 1 };
export const CALLBACK_METHODS = ['电话', '上门', '微信', '其他'] as const;

export const TICKET_ACTIONS = ['dispatch', 'start', 'complete', 'callback', 'close', 'sendBack', 'reassign', 'hold', 'resume', 'reopen', 'void'] as const;
/** timeline entries that are not lifecycle steps: a correction after intake, a note, photos added later */
export const TICKET_RECORD_ACTIONS = ['edit', 'note', 'photo'] as const;
export const ACTION_LABELS: Record<(typeof TICKET_ACTIONS)[number] | (typeof TICKET_RECORD_ACTIONS)[number] | 'create' | 'import', string> = {
  create: '受理',
  import: '历史导入',
  edit: '修改',
  note: '备注',
  photo: '添加照片',
  dispatch: '派工',
  start: '开始处理',
  complete: '完成',
  callback: '回访',
  close: '关闭',
  sendBack: '退回',
  reassign: '转派',
  hold: '挂起',
  resume: '恢复',
  reopen: '重开',
  void: '作废',
};

export const TicketType = z.enum(TICKET_TYPES, { message: '请选择类型' });
export const TicketChannel = z.enum(TICKET_CHANNELS, { message: '请选择渠道' });
export const Urgency = z.enum(URGENCIES, { message: '请选择紧急程度' });
export const TicketStatus = z.enum(TICKET_STATUSES);
export const TicketAction = z.enum(TICKET_ACTIONS);
export const Satisfaction = z.enum(SATISFACTION, { message: '请选择满意度' });

// ---- configuration
/** a name in a settings list: filled in, short, and (checked on the list) not repeated */
const settingName = (what: string, max: number) =>
  z
    .string({ message: `请填写${what}名称` })
    .trim()
    .min(1, `请填写${what}名称`)
    .max(max, `${what}名称不超过${max}字`);
/** flags the second of two equal names, at its own path, so the message sits next to that input */
const noRepeats =
  <T>(nameOf: (item: T) => string, what: string, key?: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const name = nameOf(item);
      if (name && seen.has(name)) ctx.addIssue({ code: 'custom', message: `${what}「${name}」重复`, path: key ? [i, key] : [i] });
      seen.add(name);
    });
  };
/** list sizes a desk never needs more of: the intake form and every slip show them whole */
export const DESK_LIST_MAX = { categories: 100, children: 50, departments: 50, staff: 50 } as const;
export const CategoryTree = z
  .array(
    z.object({
      name: settingName('类别', 30),
      children: z
        .array(settingName('子类别', 30))
        .max(DESK_LIST_MAX.children, `每个类别的子类别最多${DESK_LIST_MAX.children}个`)
        .superRefine(noRepeats((c: string) => c, '子类别')),
    }),
  )
  .min(1, '至少保留一个类别')
  .max(DESK_LIST_MAX.categories, `类别最多${DESK_LIST_MAX.categories}个`)
  .superRefine(noRepeats((c: { name: string }) => c.name, '类别', 'name'));
export const Department = z.object({
  name: settingName('部门', 30),
  staff: z.array(z.string().trim().min(1, '姓名不能为空').max(20, '姓名不超过20字')).max(DESK_LIST_MAX.staff, `每个部门的人员最多${DESK_LIST_MAX.staff}人`),
});
/**
 * The longest target the SLA arithmetic is asked to count (365 days): anything longer is a typo,
 * and a working-hours clock walks the calendar day by day to reach it.
 */
export const SLA_MAX_MINUTES = 365 * 24 * 60;
/**
 * A working-hours target counts counter hours only: 500 of them are 500 working days at the shortest
 * counter day (1 hour), which the day-by-day walk over the holiday calendar (3 years,
 * core/desk/working-time.ts) still reaches with room for extra holidays; at 9 hours a day, about 11 weeks.
 */
export const SLA_MAX_WORKING_MINUTES = 500 * 60;
/** the shortest counter day: a working-hours clock needs hours to count */
export const COUNTER_MIN_MINUTES = 60;
const slaMinutes = z
  .number({ message: '请输入小时数，如 0.5、24' })
  .int('时限至少1分钟')
  .positive('时限必须大于0；不设时限请留空')
  .max(SLA_MAX_MINUTES, '时限不超过365天（8760小时）')
  .nullable();
const workingTooLong = (m: number | null) => m !== null && m > SLA_MAX_WORKING_MINUTES;
const workingMessage = `按工作时间计时的时限不超过${SLA_MAX_WORKING_MINUTES / 60}小时；更长的请改按自然时间计时`;
export const SlaTarget = z
  .object({
    type: TicketType,
    urgency: Urgency,
    /** minutes; null = no target */
    respondMinutes: slaMinutes,
    resolveMinutes: slaMinutes,
    /** 'calendar' counts every hour; 'working' counts counter hours on working days only */
    clock: z.enum(['calendar', 'working'], { message: '请选择计时方式' }),
  })
  .refine((t) => t.respondMinutes === null || t.resolveMinutes === null || t.respondMinutes <= t.resolveMinutes, {
    message: '完成时限不能短于响应时限',
    path: ['resolveMinutes'],
  })
  .refine((t) => t.clock !== 'working' || !workingTooLong(t.respondMinutes), { message: workingMessage, path: ['respondMinutes'] })
  .refine((t) => t.clock !== 'working' || !workingTooLong(t.resolveMinutes), { message: workingMessage, path: ['resolveMinutes'] });
const hm = (label: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `请填写${label}时间，如 ${label === '上班' ? '08:30' : '17:30'}`);
const minuteOfDay = (v: string) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5));
export const CounterHours = z
  .object({ open: hm('上班'), close: hm('下班') })
  .refine((h) => h.open < h.close, { message: '下班时间必须晚于上班时间', path: ['close'] })
  .refine((h) => h.open >= h.close || minuteOfDay(h.close) - minuteOfDay(h.open) >= COUNTER_MIN_MINUTES, {
    message: `每天上班时间至少${COUNTER_MIN_MINUTES / 60}小时`,
    path: ['close'],
  });
/** one SLA row per type and urgency: a second one would never be used */
const SlaTable = z
  .array(SlaTarget)
  .max(TICKET_TYPES.length * URGENCIES.length, `时限最多${TICKET_TYPES.length * URGENCIES.length}行（每种类型和紧急程度一行）`)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = `${r.type}·${r.urgency}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `「${key}」的时限重复`, path: [i, 'urgency'] });
      seen.add(key);
    });
  });
export const DeskConfig = z.object({
  categories: CategoryTree,
  departments: z
    .array(Department)
    .max(DESK_LIST_MAX.departments, `部门最多${DESK_LIST_MAX.departments}个`)
    .superRefine(noRepeats((d: { name: string }) => d.name, '部门', 'name')),
  sla: SlaTable,
  counterHours: CounterHours,
  /** a ticket is "due soon" when a deadline falls within this many minutes */
  dueSoonMinutes: z
    .number({ message: '请填写提醒提前量' })
    .int('请输入整分钟')
    .min(5, '至少提前 5 分钟')
    .max(7 * 24 * 60, '最多提前 7 天（168 小时）'),
  centrePhone: z.string().trim().max(40, '电话不超过40字'),
});
export const DeskConfigPatch = DeskConfig.partial();

export const CalendarDay = z.object({ date: DateStr, kind: z.enum(['holiday', 'workday']), name: z.string() });
/** 节假日: one date set as a holiday, a make-up working day, or back to normal */
export const CalendarSetInput = z.object({
  date: z
    .string({ message: '请选择日期' })
    .min(1, '请选择日期')
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日，如 2027-02-06')
    // 2027-02-30 is not a day (Date.UTC would roll it into March)
    .refine((d) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true;
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
    }, '没有这一天')
    .refine((d) => !/^\d{4}/.test(d) || (Number(d.slice(0, 4)) >= 2000 && Number(d.slice(0, 4)) <= 2100), '年份应在2000至2100之间'),
  kind: z.enum(['holiday', 'workday', 'normal'], { message: '请选择放假、调休上班或恢复正常' }),
  name: optText(20, '名称'),
});
export const CalendarYear = z.object({ year: z.number().int(), days: z.array(CalendarDay), warning: z.string().nullable() });

// ---- tickets
export const SlaState = z.object({
  respondDueAt: Instant.nullable(),
  resolveDueAt: Instant.nullable(),
  /** minutes late now (0 when on time); null when no target */
  respondLateMinutes: z.number().int().nullable(),
  resolveLateMinutes: z.number().int().nullable(),
  paused: z.boolean(),
  /** 'voided': the ticket was voided, so no verdict (never a green 按时完成) */
  state: z.enum(['none', 'ok', 'dueSoon', 'overdue', 'met', 'missed', 'paused', 'voided']),
  clock: z.enum(['calendar', 'working']),
});

export const Ticket = z.object({
  id: Id,
  no: z.string(),
  type: TicketType,
  channel: TicketChannel,
  estateId: Id,
  /** one database may hold several estates: the ticket screen and every printout name it */
  estateName: z.string(),
  houseId: Id.nullable(),
  location: z.string(), // house label or public-area text
  buildingId: Id.nullable(),
  category: z.string(),
  subcategory: z.string().nullable(),
  urgency: Urgency,
  reporter: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string(),
  expectedVisitAt: Instant.nullable(),
  receivedBy: z.string(),
  receivedAt: Instant,
  status: TicketStatus,
  department: z.string().nullable(),
  assignee: z.string().nullable(),
  respondedAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  imported: z.boolean(),
  voidReason: z.string().nullable(),
  sla: SlaState,
});
/** one corrected field of a 修改 event: what it said before and after (null = empty) */
export const TicketChange = z.object({ field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() });
export const TicketEvent = z.object({
  id: Id,
  at: Instant,
  actor: z.string(),
  action: z.string(),
  label: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  /** for 修改: every field changed, before → after */
  changes: z.array(TicketChange),
});
export const Callback = z.object({
  id: Id,
  at: Instant,
  method: z.enum(CALLBACK_METHODS),
  resolved: z.boolean(),
  satisfaction: Satisfaction.nullable(),
  comment: z.string().nullable(),
  staff: z.string(),
});
export const Attachment = z.object({ id: Id, fileName: z.string(), mime: z.string(), size: z.number().int(), at: Instant });
export const TicketDetail = z.object({
  ticket: Ticket,
  events: z.array(TicketEvent),
  callbacks: z.array(Callback),
  attachments: z.array(Attachment),
  /** actions allowed now, for the buttons */
  allowed: z.array(TicketAction),
});

/** How far ahead a visit may be booked: a repair promised for next season is a typo (2099 was once accepted). */
export const VISIT_MAX_DAYS_AHEAD = 90;
/**
 * An agreed visit time at intake: no more than 90 days ahead of now (an instant, so the machine's
 * zone plays no part). "In the past" is checked by main against its own clock (core/desk/visit.ts).
 */
export const IntakeVisitAt = Instant.refine((v) => {
  const at = Date.parse(v);
  return Number.isNaN(at) || at - Date.now() <= VISIT_MAX_DAYS_AHEAD * 86_400_000;
}, `预约上门时间不能超过${VISIT_MAX_DAYS_AHEAD}天后`);

/**
 * a phone number as typed at the counter: digits, spaces, dashes, brackets, a leading +; or a masked
 * number as a screen showed it (138****5678), which main matches to the stored one it stands for or
 * refuses (core/desk/phone.ts, docs/PRIVACY.md)
 */
export const TicketPhone = z
  .string()
  .trim()
  .max(40, '电话过长')
  .refine((v) => v === '' || /^[+\d*][\d\s\-()+*]{5,}$/.test(v), '电话只能包含数字、空格、短横线')
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const IntakeInput = z
  .object({
    type: TicketType,
    channel: TicketChannel,
    houseId: Id.nullable().optional(),
    location: optText(100, '位置'),
    buildingId: Id.nullable().optional(),
    /** the desk's current estate: where a public-area request without a house or building is filed */
    estateId: Id.optional(),
    category: reqText(30, '类别'),
    subcategory: optText(30, '子类别'),
    urgency: Urgency,
    reporter: optText(40, '报事人'),
    phone: TicketPhone,
    description: reqText(2000, '内容'),
    expectedVisitAt: IntakeVisitAt.nullable().optional(),
    receivedBy: optText(20, '受理人'),
    attachments: z.array(FileUpload).max(9, '最多9张照片').optional(),
  })
  .refine((v) => !!v.houseId || !!v.location, { message: '请选择房屋或填写公共区域位置', path: ['location'] });

export const TransitionInput = z.object({
  id: Id,
  action: TicketAction,
  note: optText(500, '说明'),
  department: optText(30, '部门'),
  assignee: optText(20, '处理人'),
  reason: optText(200, '原因'),
});
export const CallbackInput = z.object({
  ticketId: Id,
  method: z.enum(CALLBACK_METHODS, { message: '请选择回访方式' }),
  resolved: z.boolean(),
  satisfaction: Satisfaction.nullable().optional(),
  comment: optText(500, '回访意见'),
});

/**
 * 修改: corrects what was recorded at intake. A field left out stays as it is; null or '' clears
 * an optional one. The place is given as at intake: a house, or (houseId null) a public-area text.
 */
export const TicketEditInput = z
  .object({
    id: Id,
    houseId: Id.nullable().optional(),
    location: optText(100, '位置').optional(),
    buildingId: Id.nullable().optional(),
    category: reqText(30, '类别').optional(),
    subcategory: optText(30, '子类别').optional(),
    reporter: optText(40, '报事人').optional(),
    phone: TicketPhone.optional(),
    description: reqText(2000, '内容').optional(),
    expectedVisitAt: Instant.nullable().optional(),
    /** why it was corrected, shown on the timeline */
    note: optText(200, '修改说明').optional(),
  })
  .refine((v) => (v.houseId === undefined && v.location === undefined && v.buildingId === undefined) || !!v.houseId || !!v.location, {
    message: '请选择房屋或填写公共区域位置',
    path: ['location'],
  });
export const TicketNoteInput = z.object({ id: Id, note: reqText(500, '备注') });
export const TicketPhotosInput = z.object({ id: Id, attachments: z.array(FileUpload).min(1, '请选择照片').max(9, '一次最多添加9张照片') });

export const TicketFilter = z.object({
  status: z.array(TicketStatus).optional(),
  type: z.array(TicketType).optional(),
  category: z.string().optional(),
  buildingId: Id.optional(),
  houseId: Id.optional(),
  department: z.string().optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  due: z.enum(['dueSoon', 'overdue']).optional(),
  text: z.string().max(50).optional(),
  needsCallback: z.boolean().optional(),
});
export const TicketListInput = TicketFilter.extend({
  sort: z.enum(['receivedAt', 'due', 'no']).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export const TicketRow = Ticket.pick({
  id: true,
  no: true,
  type: true,
  channel: true,
  location: true,
  category: true,
  subcategory: true,
  urgency: true,
  reporter: true,
  phone: true,
  status: true,
  department: true,
  assignee: true,
  receivedAt: true,
  imported: true,
  sla: true,
}).extend({ summary: z.string() });
export const TicketPage = z.object({
  rows: z.array(TicketRow),
  total: z.number().int(),
  /** the count stopped a thousand rows past the page: there are more than `total` (shown as "1,100+") */
  capped: z.boolean().optional(),
});

export const Dashboard = z.object({
  counts: z.record(z.string(), z.number().int()),
  dueSoon: z.array(TicketRow),
  overdue: z.array(TicketRow),
  /** all overdue tickets (the list shows the 50 most urgent) */
  overdueTotal: z.number().int(),
  awaitingCallback: z.number().int(),
  today: z.object({ received: z.number().int(), completed: z.number().int() }),
  calendarWarning: z.string().nullable(),
});

// ---- ledger import
export const LEDGER_FIELDS = [
  'no',
  'receivedAt',
  'type',
  'channel',
  'building',
  'unit',
  'room',
  'location',
  'reporter',
  'phone',
  'category',
  'description',
  'urgency',
  'department',
  'assignee',
  'respondedAt',
  'completedAt',
  'callbackAt',
  'callbackResult',
  'satisfaction',
  'status',
  'notes',
] as const;
export const LEDGER_FIELD_LABELS: Record<(typeof LEDGER_FIELDS)[number], string> = {
  no: '编号',
  receivedAt: '受理时间',
  type: '类型',
  channel: '渠道',
  building: '楼栋',
  unit: '单元',
  room: '房号',
  location: '位置',
  reporter: '报事人',
  phone: '联系电话',
  category: '类别',
  description: '内容',
  urgency: '紧急程度',
  department: '处理部门',
  assignee: '处理人',
  respondedAt: '响应时间',
  completedAt: '完成时间',
  callbackAt: '回访时间',
  callbackResult: '回访结果',
  satisfaction: '满意度',
  status: '状态',
  notes: '备注',
};
export const LedgerMapping = z.record(z.string(), z.enum(LEDGER_FIELDS));
export const LedgerRowMessage = z.object({ row: z.number().int(), reason: z.string() });
export const LedgerPreview = z.object({
  token: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: LedgerMapping,
  mappingRemembered: z.boolean(),
  /** the type given to rows whose 类型 is empty; null = such rows are refused */
  defaultType: TicketType.nullable(),
  /** other sheets of the workbook that hold data: not imported, and said so */
  otherSheets: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      status: z.enum(['new', 'unchanged', 'duplicate', 'rejected']),
      no: z.string().nullable(),
      receivedAt: Instant.nullable(),
      type: z.string().nullable(),
      location: z.string().nullable(),
      reason: z.string().nullable(),
      warnings: z.array(z.string()),
    }),
  ),
  accepted: z.number().int(),
  rejected: z.array(LedgerRowMessage),
  warnings: z.array(LedgerRowMessage),
  willCreate: z.object({ tickets: z.number().int() }),
});
/** `defaultType`: what rows with an empty 类型 become (a repair-only ledger has no 类型 column); left out or null, they are refused */
export const LedgerPreviewInput = FileUpload.extend({ estateId: Id, mapping: LedgerMapping.optional(), defaultType: TicketType.nullable().optional() });
export const LedgerCommitResult = z.object({
  accepted: z.number().int(),
  rejected: z.array(LedgerRowMessage),
  warnings: z.array(LedgerRowMessage),
  created: z.object({ tickets: z.number().int() }),
});

export const deskChannels = {
  'desk.config.get': { input: Empty, output: DeskConfig },
  'desk.config.update': { input: DeskConfigPatch, output: DeskConfig },
  'desk.calendar.get': { input: z.object({ year: z.number().int().min(2000).max(2100) }), output: CalendarYear },
  'desk.calendar.set': { input: CalendarSetInput, output: CalendarYear },
  'desk.tickets.create': { input: IntakeInput, output: TicketDetail },
  'desk.tickets.get': { input: z.object({ id: Id }), output: TicketDetail },
  'desk.tickets.list': { input: TicketListInput, output: TicketPage },
  'desk.tickets.transition': { input: TransitionInput, output: TicketDetail },
  'desk.tickets.edit': { input: TicketEditInput, output: TicketDetail },
  'desk.tickets.addNote': { input: TicketNoteInput, output: TicketDetail },
  'desk.tickets.addPhotos': { input: TicketPhotosInput, output: TicketDetail },
  'desk.callbacks.record': { input: CallbackInput, output: TicketDetail },
  'desk.dashboard': { input: Empty, output: Dashboard },
  'desk.attachments.get': { input: z.object({ id: Id }), output: SavedFile },
  'imports.ledger.preview': { input: LedgerPreviewInput, output: LedgerPreview },
  'imports.ledger.remap': {
    input: z.object({ token: z.string(), mapping: LedgerMapping, defaultType: TicketType.nullable().optional() }),
    output: LedgerPreview,
  },
  'imports.ledger.commit': { input: z.object({ token: z.string() }), output: LedgerCommitResult },
  'imports.ledger.report': { input: z.object({ token: z.string() }), output: SavedFile },
} as const;

export type TicketT = z.infer<typeof Ticket>;
export type TicketEditInputT = z.input<typeof TicketEditInput>;
export type TicketEditT = z.output<typeof TicketEditInput>;
export type TicketChangeT = z.infer<typeof TicketChange>;
export type TicketDetailT = z.infer<typeof TicketDetail>;
export type TicketRowT = z.infer<typeof TicketRow>;
export type TicketActionT = z.infer<typeof TicketAction>;
export type TicketStatusT = z.infer<typeof TicketStatus>;
export type DeskConfigT = z.infer<typeof DeskConfig>;
export type SlaTargetT = z.infer<typeof SlaTarget>;
export type SlaStateT = z.infer<typeof SlaState>;
export type DashboardT = z.infer<typeof Dashboard>;
export type CalendarDayT = z.infer<typeof CalendarDay>;
export type LedgerPreviewT = z.infer<typeof LedgerPreview>;
export type LedgerMappingT = z.infer<typeof LedgerMapping>;
export type LedgerCommitResultT = z.infer<typeof LedgerCommitResult>;
