import { createHash } from 'node:crypto';
import type { LedgerMappingT, TicketT } from '../../../../shared/contract/desk';
import { LEDGER_FIELDS, SATISFACTION } from '../../../../shared/contract/desk';
import { normalisePhone } from '../../../../shared/domain/text';
import { cellAt, valueAt, type GridCell, type SheetGrid } from '../roster/grid';
import { textOf } from '../roster/values';
import { resolveRoom } from '../roster/records';
import { parseCallbackResult, parseChannel, parseDateTime, parseSatisfaction, parseStatus, parseType, parseUrgency, type LedgerStatus } from './values';

type Field = (typeof LEDGER_FIELDS)[number];

/** One ledger row as read, before it is matched against the database. */
export interface LedgerRow {
  row: number;
  no: string | null;
  receivedAt: string | null;
  type: TicketT['type'] | null;
  channel: TicketT['channel'];
  urgency: TicketT['urgency'];
  room: { building: string; unit: string | null; room: string } | null;
  buildingText: string;
  locationText: string;
  reporter: string | null;
  phone: string | null;
  categoryText: string;
  description: string;
  department: string | null;
  assignee: string | null;
  respondedAt: string | null;
  completedAt: string | null;
  callbackAt: string | null;
  callbackResolved: boolean | null;
  callbackText: string;
  satisfaction: (typeof SATISFACTION)[number] | null;
  status: LedgerStatus | null;
  notes: string | null;
  reason: string | null;
  warnings: string[];
  /** identifies the row across imports: the ledger's 编号, else its content */
  key: string;
  /** everything the row says, to tell an exact duplicate from a clash */
  fingerprint: string;
}

const columns = (mapping: LedgerMappingT) => {
  const cols: Partial<Record<Field, number>> = {};
  for (const [k, f] of Object.entries(mapping)) if (cols[f] === undefined) cols[f] = Number(k) + 1;
  return cols;
};

function isBlank(grid: SheetGrid, row: number): boolean {
  const cols = grid.rows.get(row);
  if (!cols) return true;
  for (const c of cols.values()) if (c.text && !c.slaveOf) return false;
  return true;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export function parseLedgerRows(grid: SheetGrid, headerRow: number, mapping: LedgerMappingT, estateId: number): LedgerRow[] {
  const cols = columns(mapping);
  const out: LedgerRow[] = [];
  for (let r = headerRow + 1; r <= grid.lastRow; r++) {
    if (isBlank(grid, r)) continue;
    const get = (f: Field): GridCell => (cols[f] ? valueAt(grid, r, cols[f]!, headerRow) : cellAt(grid, 0, 0));
    const text = (f: Field) => textOf(get(f));
    const warnings: string[] = [];
    const reasons: string[] = [];
    const time = (f: Field, label: string) => {
      const v = parseDateTime(get(f), label);
      if (!v.ok) {
        reasons.push(v.reason);
        return null;
      }
      if (v.warning) warnings.push(v.warning);
      return v.value;
    };
    const receivedAt = time('receivedAt', '受理时间');
    const respondedAt = time('respondedAt', '响应时间');
    const completedAt = time('completedAt', '完成时间');
    const callbackAt = time('callbackAt', '回访时间');
    const description = text('description');
    const categoryText = text('category');
    // a row with only a 序号/编号 (a footer, a page number) is not a request
    if (!receivedAt && !description && !categoryText && !text('type')) continue;

    const typeText = text('type');
    const type = typeText ? parseType(typeText) : categoryText.includes('维修') ? '报修' : null;
    if (!receivedAt && !reasons.length) reasons.push('缺少受理时间');
    if (!typeText && !type) reasons.push('缺少类型（投诉/报修/咨询/建议/表扬）');
    else if (!type) reasons.push(`类型无法识别：${typeText}`);
    if (!description && !categoryText) reasons.push('没有内容也没有类别');
    if (receivedAt && completedAt && completedAt < receivedAt) reasons.push('完成时间早于受理时间');
    if (receivedAt && respondedAt && respondedAt < receivedAt) warnings.push('响应时间早于受理时间，已忽略响应时间');

    const bText = text('building');
    const uText = text('unit');
    const rText = text('room');
    let room: LedgerRow['room'] = null;
    if (rText) {
      const parsed = resolveRoom(bText, uText, rText, '');
      if ('reason' in parsed) warnings.push(`${parsed.reason}，按文字位置导入`);
      else room = parsed;
    }
    const sat = parseSatisfaction(get('satisfaction'));
    if (sat.ok && sat.warning) warnings.push(sat.warning);
    const callbackText = text('callbackResult');
    const phoneRaw = text('phone');
    const no = text('no') || null;
    const locationText = [bText && !/[栋幢座楼#]$/.test(bText) && /^\w+$/.test(bText) ? `${bText}栋` : bText, uText && /^\d+$/.test(uText) ? `${uText}单元` : uText, rText, text('location')]
      .filter(Boolean)
      .join('');
    const row: LedgerRow = {
      row: r,
      no,
      receivedAt,
      type,
      channel: parseChannel(text('channel')),
      urgency: parseUrgency(text('urgency')),
      room,
      buildingText: bText,
      locationText,
      reporter: text('reporter') || null,
      phone: phoneRaw ? normalisePhone(phoneRaw.split(/[/,，;；、]/)[0]) || null : null,
      categoryText,
      description: description || categoryText,
      department: text('department') || null,
      assignee: text('assignee') || null,
      respondedAt: respondedAt && receivedAt && respondedAt < receivedAt ? null : respondedAt,
      completedAt,
      callbackAt,
      callbackResolved: parseCallbackResult(callbackText) ?? (callbackAt || (sat.ok && sat.value) ? true : null),
      callbackText,
      satisfaction: sat.ok ? sat.value : null,
      status: parseStatus(text('status')),
      notes: text('notes') || null,
      reason: reasons.length ? reasons.join('；') : null,
      warnings,
      key: '',
      fingerprint: '',
    };
    row.fingerprint = sha(JSON.stringify([row.no, row.receivedAt, row.type, row.locationText, row.reporter, row.phone, row.categoryText, row.description, row.completedAt, row.callbackAt, row.satisfaction, row.status]));
    row.key = no ? sha(`${estateId}|no|${no.toUpperCase()}`) : sha(`${estateId}|row|${row.receivedAt}|${row.locationText}|${row.description}`);
    out.push(row);
  }
  return out;
}
