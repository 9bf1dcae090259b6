import { z } from 'zod';
import { DateStr, Id, Instant, OptDate, optText, reqText, VoidInput, Empty } from './common';

export const HOUSE_TYPES = ['住宅', '商铺', '办公', '车位', '储藏室'] as const;
export const HOUSE_STATUSES = ['未售', '已售未交付', '已交付', '已入住', '装修中', '空置', '出租'] as const;
export const PERSON_ROLES = ['owner', 'co_owner', 'family', 'tenant', 'temporary'] as const;
export const ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], string> = {
  owner: '业主',
  co_owner: '共有业主',
  family: '家庭成员',
  tenant: '租户',
  temporary: '临时住户',
};
export const ID_TYPES = ['身份证', '护照', '港澳通行证', '台胞证', '其他'] as const;
export const GENDERS = ['男', '女'] as const;
export const COMM_CHANNELS = ['来访', '电话', '微信', '短信', '上门', '其他'] as const;
export const PARKING_KINDS = ['产权', '租赁'] as const;

export const HouseType = z.enum(HOUSE_TYPES, { message: '请选择房屋类型' });
export const HouseStatus = z.enum(HOUSE_STATUSES, { message: '请选择房屋状态' });
export const PersonRole = z.enum(PERSON_ROLES, { message: '请选择身份' });

// ---- estates, buildings, units
export const Estate = z.object({
  id: Id,
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** live buildings and houses, so 房屋档案 and the switcher can show each estate's size */
  buildingCount: z.number().int(),
  houseCount: z.number().int(),
});
export const EstateInput = z.object({ name: reqText(60, '项目名称'), address: optText(200, '地址'), phone: optText(40, '服务中心电话') });
export const EstateUpdate = EstateInput.extend({ id: Id });
export const Building = z.object({
  id: Id,
  estateId: Id,
  name: z.string(),
  code: z.string(),
  floors: z.number().int().nullable(),
  houseCount: z.number().int(),
});
export const BuildingInput = z.object({
  estateId: Id,
  name: reqText(30, '楼栋名称'),
  floors: z
    .number({ message: '楼层数应为整数' })
    .int('楼层数应为整数')
    .min(1, '楼层数应在 1 到 120 之间')
    .max(120, '楼层数应在 1 到 120 之间')
    .nullable()
    .optional(),
});

// ---- houses
export const House = z.object({
  id: Id,
  estateId: Id,
  buildingId: Id,
  buildingName: z.string(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  roomNo: z.string(),
  label: z.string(), // "3栋2单元1502"
  floor: z.number().int().nullable(),
  buildingArea: z.number().nullable(),
  innerArea: z.number().nullable(),
  type: HouseType,
  status: HouseStatus,
  notes: z.string().nullable(),
  voidedAt: Instant.nullable(),
  voidReason: z.string().nullable(),
});
// Ranges the forms used to clamp silently (−999 became −10, −5 became 0); now refused with the range.
export const FLOOR_MIN = -10;
export const FLOOR_MAX = 200;
export const AREA_MAX = 100000;
const area = (label: string) =>
  z
    .number({ message: `${label}应为数字` })
    .positive(`${label}应大于 0 ㎡（不清楚可留空）`)
    .max(AREA_MAX, `${label}不超过 ${AREA_MAX} ㎡`)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, `${label}最多两位小数`)
    .nullable()
    .optional();
export const HouseInput = z.object({
  buildingId: Id,
  unitName: optText(20, '单元'),
  roomNo: reqText(20, '房号'),
  floor: z
    .number({ message: '楼层应为整数' })
    .int('楼层应为整数')
    .min(FLOOR_MIN, `楼层应在 ${FLOOR_MIN} 到 ${FLOOR_MAX} 之间（地下层写负数）`)
    .max(FLOOR_MAX, `楼层应在 ${FLOOR_MIN} 到 ${FLOOR_MAX} 之间（地下层写负数）`)
    .nullable()
    .optional(),
  buildingArea: area('建筑面积'),
  innerArea: area('套内面积'),
  type: HouseType,
  status: HouseStatus,
  notes: optText(500, '备注'),
});
export const HouseUpdate = HouseInput.omit({ buildingId: true, unitName: true, roomNo: true }).extend({ id: Id });

/** one cell of the building map */
export const MapCell = z.object({
  id: Id,
  roomNo: z.string(),
  unitName: z.string().nullable(),
  floor: z.number().int().nullable(),
  status: HouseStatus,
  type: HouseType,
  ownerNames: z.string().nullable(),
});
export const BuildingMap = z.object({
  building: Building,
  units: z.array(z.object({ id: Id.nullable(), name: z.string().nullable() })),
  cells: z.array(MapCell),
  statusCounts: z.record(z.string(), z.number().int()),
});

// ---- people
export const Person = z.object({
  id: Id,
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  /** phones masked (138****5678) for every role, as emergencyPhone (docs/PRIVACY.md) */
  phone: z.string().nullable(),
  phone2: z.string().nullable(),
  idType: z.enum(ID_TYPES).nullable(),
  /** masked for every role (docs/PRIVACY.md): the full number only through privacy.reveal */
  idNumber: z.string().nullable(),
  /** true whenever a number is on file: the screen has the masked form */
  idMasked: z.boolean(),
  idWarning: z.string().nullable(),
  birthday: DateStr.nullable(),
  emergencyContact: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  workUnit: z.string().nullable(),
  notes: z.string().nullable(),
});
export const PHONE_MAX = 40;
/**
 * A phone as typed, or the masked form the edit form was given (138****5678, docs/PRIVACY.md): the
 * contract lets a * through only so main can compare it with the stored number; main keeps the
 * stored one when it is that number's mask and refuses any other * on the field.
 */
const phoneField = (label: string) =>
  z
    .string()
    .trim()
    .max(PHONE_MAX, `${label}不超过${PHONE_MAX}个字符`)
    .refine((v) => v === '' || /^[+\d][\d\s\-()（）+]{5,}$/.test(v) || /^[+\d*][\d*\s\-+]{5,}$/.test(v), `${label}只能包含数字、空格、短横线`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
type IdTypeT = (typeof ID_TYPES)[number];
/**
 * What a number of each document type can look like. A number that cannot be one (five digits
 * for a 身份证) is refused; a well-formed 身份证 with a wrong GB 11643 check digit is only warned
 * about (shared/domain/idcard.ts), because rosters carry typos and the desk must still register
 * the person.
 */
export const ID_FORMATS: Record<IdTypeT, { pattern: RegExp; message: string }> = {
  身份证: { pattern: /^(\d{17}[\dX]|\d{15})$/, message: '身份证号应为18位（最后一位可为X），旧证为15位数字' },
  护照: { pattern: /^[A-Z0-9]{5,17}$/, message: '护照号码应为5至17位字母或数字' },
  港澳通行证: { pattern: /^[A-Z][A-Z0-9]{7,10}$/, message: '港澳通行证号码应以字母开头，共8至11位，如 C12345678' },
  台胞证: { pattern: /^[A-Z0-9]{8,10}$/, message: '台胞证号码应为8至10位字母或数字' },
  其他: { pattern: /^.{4,40}$/, message: '证件号码至少4位' },
};
/** blank, spaces and full-width characters removed, upper case: how the number is stored */
const idNumberField = optText(40, '证件号码').transform((v) =>
  v
    ? v
        .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\s+/g, '')
        .toUpperCase() || null
    : null,
);
/** A number that cannot be of its type is refused next to 证件号码; a masked one (110***…) is checked in main against the stored number. */
function checkIdNumber(v: { idType?: IdTypeT | null; idNumber: string | null }, ctx: z.RefinementCtx) {
  if (!v.idNumber || v.idNumber.includes('*')) return;
  const rule = ID_FORMATS[v.idType ?? '身份证'];
  if (!rule.pattern.test(v.idNumber)) ctx.addIssue({ code: 'custom', message: rule.message, path: ['idNumber'] });
}
const PersonObject = z.object({
  name: reqText(40, '姓名'),
  gender: z.enum(GENDERS).nullable().optional(),
  phone: phoneField('联系电话'),
  phone2: phoneField('备用电话'),
  idType: z.enum(ID_TYPES).nullable().optional(),
  idNumber: idNumberField,
  birthday: OptDate,
  emergencyContact: optText(40, '紧急联系人'),
  emergencyPhone: phoneField('紧急联系电话'),
  workUnit: optText(100, '工作单位'),
  notes: optText(500, '备注'),
});
export const PersonInput = PersonObject.superRefine(checkIdNumber);
export const PersonUpdate = PersonObject.extend({ id: Id }).superRefine(checkIdNumber);

export const Occupancy = z.object({
  id: Id,
  houseId: Id,
  person: Person,
  role: PersonRole,
  moveInDate: DateStr.nullable(),
  moveOutDate: DateStr.nullable(),
  leaseStart: DateStr.nullable(),
  leaseEnd: DateStr.nullable(),
  active: z.boolean(),
});
export const AttachPersonInput = z
  .object({
    houseId: Id,
    personId: Id.optional(),
    person: PersonInput.optional(),
    role: PersonRole,
    moveInDate: OptDate,
    leaseStart: OptDate,
    leaseEnd: OptDate,
    /** a new person whose phone or ID number is already on file is refused unless staff confirm it is someone else */
    allowDuplicate: z.boolean().optional(),
  })
  .refine((v) => v.personId !== undefined || v.person !== undefined, { message: '请选择或填写人员', path: ['person'] })
  .refine((v) => !v.leaseStart || !v.leaseEnd || v.leaseStart <= v.leaseEnd, { message: '租期结束不能早于开始', path: ['leaseEnd'] });
/** Where a person on file is registered: every house, current or moved out, with its estate. */
export const PersonPlace = z.object({ houseId: Id, label: z.string(), estateName: z.string(), role: PersonRole, active: z.boolean() });
/** A person already on file, offered instead of creating a second record. */
export const PersonMatch = z.object({
  person: Person,
  /** what matched: 姓名 / 电话 / 证件号码 */
  matched: z.string(),
  places: z.array(PersonPlace),
});
export const PeopleFindInput = z.object({ query: z.string().trim().max(40, '搜索内容过长'), limit: z.number().int().min(1).max(50).optional() });
export const PeopleDuplicatesInput = z.object({
  phone: z.string().max(40).nullable().optional(),
  idNumber: z.string().max(40).nullable().optional(),
  /** the person being edited is not their own duplicate */
  exceptPersonId: Id.optional(),
});
export const MoveOutInput = z.object({
  occupancyId: Id,
  moveOutDate: z.string({ message: '请填写迁出日期' }).min(1, '请填写迁出日期').pipe(DateStr),
  note: optText(200, '说明'),
});

// ---- vehicles & parking
export const Vehicle = z.object({
  id: Id,
  plate: z.string(),
  model: z.string().nullable(),
  color: z.string().nullable(),
  personId: Id.nullable(),
  personName: z.string().nullable(),
  houseId: Id.nullable(),
  notes: z.string().nullable(),
});
export const VehicleInput = z.object({
  houseId: Id,
  plate: z
    .string()
    .trim()
    .min(1, '请填写车牌号')
    .max(12, '车牌号过长')
    .refine((v) => /^[\u4e00-\u9fa5][A-Z０-９Ａ-Ｚa-z][\sA-Za-z0-9·]{4,7}$/.test(v.replace(/\s/g, '')), '车牌号格式不正确，如 粤B12345'),
  model: optText(40, '车型'),
  color: optText(20, '颜色'),
  personId: Id.nullable().optional(),
  notes: optText(200, '备注'),
});
export const ParkingSpace = z.object({
  id: Id,
  code: z.string(),
  kind: z.enum(PARKING_KINDS),
  houseId: Id.nullable(),
  vehicleId: Id.nullable(),
  vehiclePlate: z.string().nullable(),
  startDate: DateStr.nullable(),
  endDate: DateStr.nullable(),
  notes: z.string().nullable(),
});
export const ParkingInput = z
  .object({
    houseId: Id,
    code: reqText(20, '车位编号'),
    kind: z.enum(PARKING_KINDS, { message: '请选择产权或租赁' }),
    vehicleId: Id.nullable().optional(),
    startDate: OptDate,
    endDate: OptDate,
    notes: optText(200, '备注'),
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

// ---- communication log
export const Communication = z.object({
  id: Id,
  houseId: Id,
  personId: Id.nullable(),
  personName: z.string().nullable(),
  at: Instant,
  channel: z.enum(COMM_CHANNELS),
  summary: z.string(),
  staff: z.string(),
});
export const CommunicationInput = z.object({
  houseId: Id,
  personId: Id.nullable().optional(),
  at: Instant.optional(),
  channel: z.enum(COMM_CHANNELS, { message: '请选择沟通方式' }),
  summary: reqText(1000, '沟通内容'),
  staff: reqText(20, '经办人'),
});

/** one line of the household history (filled by later domains: tickets, handover, notices...) */
export const HistoryEntry = z.object({
  at: Instant,
  kind: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  staff: z.string().nullable(),
  /** id of the record it points to (a ticket id for kind 'ticket') */
  ref: z.number().int().nullable().optional(),
});

export const Household = z.object({
  house: House,
  occupants: z.array(Occupancy),
  vehicles: z.array(Vehicle),
  parking: z.array(ParkingSpace),
  communications: z.array(Communication),
  history: z.array(HistoryEntry),
});

export const archivesChannels = {
  'archives.estates.list': { input: Empty, output: z.array(Estate) },
  'archives.estates.create': { input: EstateInput, output: Estate },
  'archives.estates.update': { input: EstateUpdate, output: Estate },
  'archives.buildings.list': { input: z.object({ estateId: Id }), output: z.array(Building) },
  'archives.buildings.create': { input: BuildingInput, output: Building },
  'archives.buildings.map': { input: z.object({ buildingId: Id }), output: BuildingMap },
  'archives.houses.create': { input: HouseInput, output: House },
  'archives.houses.update': { input: HouseUpdate, output: House },
  'archives.houses.void': { input: VoidInput, output: House },
  'archives.household.get': { input: z.object({ houseId: Id }), output: Household },
  'archives.people.find': { input: PeopleFindInput, output: z.array(PersonMatch) },
  'archives.people.duplicates': { input: PeopleDuplicatesInput, output: z.array(PersonMatch) },
  'archives.people.attach': { input: AttachPersonInput, output: Occupancy },
  'archives.people.update': { input: PersonUpdate, output: Person },
  'archives.people.moveOut': { input: MoveOutInput, output: Occupancy },
  'archives.vehicles.add': { input: VehicleInput, output: Vehicle },
  'archives.vehicles.void': { input: VoidInput, output: z.object({ id: Id }) },
  'archives.parking.add': { input: ParkingInput, output: ParkingSpace },
  'archives.parking.void': { input: VoidInput, output: z.object({ id: Id }) },
  'archives.communications.add': { input: CommunicationInput, output: Communication },
} as const;

export type EstateT = z.infer<typeof Estate>;
export type BuildingT = z.infer<typeof Building>;
export type HouseT = z.infer<typeof House>;
export type PersonT = z.infer<typeof Person>;
export type OccupancyT = z.infer<typeof Occupancy>;
export type VehicleT = z.infer<typeof Vehicle>;
export type ParkingSpaceT = z.infer<typeof ParkingSpace>;
export type CommunicationT = z.infer<typeof Communication>;
export type HouseholdT = z.infer<typeof Household>;
export type BuildingMapT = z.infer<typeof BuildingMap>;
export type HistoryEntryT = z.infer<typeof HistoryEntry>;
export type PersonRoleT = z.infer<typeof PersonRole>;
export type PersonMatchT = z.infer<typeof PersonMatch>;
