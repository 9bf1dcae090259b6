import { ROLE_LABELS, type PersonRoleT } from '../../../shared/contract/archives';
import { maskIdNumber } from '../../../shared/domain/idcard';
import { maskPhone } from '../search/format';
import { AUDIT_ACTION_LABELS as ACTION_LABELS } from '../../../shared/contract/audit';

/** Names the summary needs, looked up once per page (list.ts). */
export interface AuditNames {
  people: ReadonlyMap<number, string>;
  houses: ReadonlyMap<number, string>;
  tickets: ReadonlyMap<number, string>;
  estates: ReadonlyMap<number, string>;
}

export interface AuditRow {
  entity: string;
  entity_id: number | null;
  action: string;
  detail: Record<string, unknown>;
}

const ENTITY_LABELS: Record<string, string> = {
  person: '住户',
  house: '房屋',
  estate: '项目',
  building: '楼栋',
  vehicle: '车辆',
  parking: '车位',
  communication: '沟通记录',
  ticket: '工单',
  settings: '设置',
  desk_config: '服务台设置',
  calendar: '工作日历',
  handover: '交付',
  movein: '入住',
  delivery_plan: '交付计划',
  renovation: '装修登记',
  moveOutPass: '搬迁放行条',
  notice: '通知',
  notice_template: '通知模板',
  import_batch: '导入',
  user: '账号',
  backup: '备份',
};

const FIELD_LABELS: Record<string, string> = {
  // people (columns)
  name: '姓名',
  gender: '性别',
  phone: '电话',
  phone2: '备用电话',
  id_type: '证件类型',
  id_number: '证件号码',
  idNumber: '证件号码',
  birthday: '生日',
  emergency_contact: '紧急联系人',
  emergency_phone: '紧急联系电话',
  emergencyPhone: '紧急联系电话',
  receiverPhone: '领取人电话',
  work_unit: '工作单位',
  notes: '备注',
  // houses, estates
  status: '状态',
  type: '类型',
  buildingArea: '建筑面积',
  innerArea: '套内面积',
  floor: '楼层',
  address: '地址',
  // settings
  // a setting retired by masking by role (docs/PRIVACY.md); its old lines still read
  showFullIdNumbers: '显示完整证件号码',
  staffName: '前台姓名',
  companyName: '公司名称',
  servicePhone: '服务电话',
  logo: '标志',
  showLogo: '打印标志',
  sealPosition: '印章位置',
  printers: '打印机',
  idleMinutes: '自动锁定分钟',
  // desk config
  categories: '分类',
  departments: '部门',
  sla: '时限',
  counterHours: '上班时间',
  dueSoonMinutes: '即将超时提醒（分钟）',
  centrePhone: '服务中心电话',
  // ticket steps
  department: '处理部门',
  assignee: '处理人',
  responded_at: '响应时间',
  completed_at: '完成时间',
  closed_at: '关闭时间',
  callback_at: '回访时间',
  voided_at: '作废时间',
  void_reason: '作废原因',
  status_before_hold: '挂起前状态',
  // renovation edits (renovation/renovations.ts), named as the contract names them
  applicant: '申请人',
  applicantPhone: '申请人电话',
  contractor: '施工单位',
  contractorContact: '施工负责人',
  contractorPhone: '施工单位电话',
  workers: '施工人员',
  startDate: '开工日期',
  endDate: '完工日期',
  scope: '装修范围',
  items: '装修项目',
  deposit: '装修押金',
  fees: '费用',
  hotWork: '动火作业',
};

/** where one entity's field means something else than the same key elsewhere */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  notice_template: { name: '模板名称', kind: '通知类别', title: '标题', body: '正文', fields: '自定义字段' },
  calendar: { kind: '日期类型', name: '名称' },
};
const DAY_KINDS: Record<string, string> = { holiday: '节假日', workday: '调休上班', normal: '正常' };

const PHONE_FIELDS = new Set([
  'phone',
  'phone2',
  'emergency_phone',
  'emergencyPhone',
  'receiverPhone',
  'servicePhone',
  'centrePhone',
  'applicantPhone',
  'contractorPhone',
]);
const ID_FIELDS = new Set(['id_number', 'idNumber']);

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** One value as staff read it: phones and ID numbers masked, long text shortened, lists only "已修改". */
function shown(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return '（内容）';
  const s = String(v);
  if (PHONE_FIELDS.has(field)) return maskPhone(s);
  // an ID number already masked stays as it is; an old or imported line may hold one in clear
  if (ID_FIELDS.has(field)) return s.includes('*') ? s : maskIdNumber(s);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function changeText(field: string, change: unknown, entity = ''): string | null {
  const label = ENTITY_FIELD_LABELS[entity]?.[field] ?? FIELD_LABELS[field] ?? field;
  if (change === 'changed') return `${label} 已更换`;
  if (!Array.isArray(change) || change.length !== 2) return null;
  const [a, b] = change as [unknown, unknown];
  if ((a && typeof a === 'object') || (b && typeof b === 'object')) return `${label} 已修改`;
  if (entity === 'calendar' && field === 'kind') return `${label} ${DAY_KINDS[str(a)] ?? str(a)} → ${DAY_KINDS[str(b)] ?? str(b)}`;
  return `${label} ${shown(field, a)} → ${shown(field, b)}`;
}

/** before → after of a line, whichever of the shapes the writers use (docs/AUDIT.md). */
function changesText(row: AuditRow): string | null {
  const d = row.detail;
  // ticket edits: [{ field, label, from, to }] already worded by ticket-edit.ts
  if (Array.isArray(d.changes))
    return (d.changes as { field?: string; label?: string; from?: unknown; to?: unknown }[])
      .map((c) => `${c.label ?? c.field ?? ''} ${shown(c.field ?? '', c.from)} → ${shown(c.field ?? '', c.to)}`)
      .join('；');
  // people, settings, desk config: { changes: { field: [before, after] } }
  const record = d.changes && typeof d.changes === 'object' ? (d.changes as Record<string, unknown>) : row.action === 'update' ? d : null;
  if (record) {
    const parts = Object.entries(record)
      .map(([k, v]) => changeText(k, v, row.entity))
      .filter((x): x is string => !!x);
    return parts.length ? parts.join('；') : null;
  }
  if (row.action === 'import.update') return changeText(str(d.field), [d.from, d.to]);
  return null;
}

function subjectName(row: AuditRow, names: AuditNames): string {
  const d = row.detail;
  const id = row.entity_id ?? 0;
  switch (row.entity) {
    case 'person':
      return names.people.get(id) ?? str(d.name);
    case 'house':
    case 'movein':
      return names.houses.get(id) ?? str(d.label);
    case 'ticket':
      return names.tickets.get(id) ?? '';
    case 'estate':
      return names.estates.get(id) ?? str(d.name);
    case 'building':
    case 'notice_template':
      return str(d.name);
    case 'vehicle':
      return str(d.plate);
    case 'parking':
      return str(d.code);
    case 'handover':
      return str(d.name);
    case 'renovation':
      return str(d.permitNo);
    case 'moveOutPass':
      return str(d.passNo);
    case 'notice':
      return [str(d.no), str(d.title)].filter(Boolean).join(' ');
    case 'calendar':
      return str(d.date);
    case 'import_batch':
      return str(d.file) || str(d.fileName);
    case 'user':
      return str(d.displayName) || str(d.username);
    default:
      return '';
  }
}

/** "修改 住户 张三：电话 138****5678 → 139****0000" */
export function auditSummary(row: AuditRow, names: AuditNames): string {
  const verb = ACTION_LABELS[row.action] ?? row.action;
  const what = ENTITY_LABELS[row.entity] ?? row.entity;
  const head = [verb, what, subjectName(row, names)].filter(Boolean).join(' ');
  const d = row.detail;
  let tail: string | null;
  if (row.action === 'attach' || row.action === 'moveOut') {
    const who = names.people.get(Number(d.personId)) ?? '';
    tail =
      row.action === 'attach'
        ? `${who}（${ROLE_LABELS[d.role as PersonRoleT] ?? str(d.role)}）`
        : `${who} 于 ${str(d.date)} 迁出${d.note ? `，${str(d.note)}` : ''}`;
  } else if (row.action === 'reveal') tail = FIELD_LABELS[str(d.field)] ?? str(d.field);
  else if (row.action === 'printFull')
    tail = `${str(d.document)}含完整${(Array.isArray(d.fields) ? (d.fields as unknown[]) : []).map((f) => FIELD_LABELS[str(f)] ?? str(f)).join('、')}`;
  else if (row.action === 'void') tail = d.reason ? `原因：${str(d.reason)}` : null;
  else tail = changesText(row);
  if (!tail && typeof d.file === 'string' && row.entity !== 'import_batch') tail = `来自 ${d.file}`;
  return tail ? `${head}：${tail}` : head;
}
