import { createHash } from 'node:crypto';
import type { CALLBACK_METHODS, LEDGER_FIELDS, LedgerMappingT, SATISFACTION, TicketT } from '../../../../shared/contract/desk';
import { normalisePhone } from '../../../../shared/domain/text';
import { normaliseCode, parseRoom } from '../../../../shared/domain/room';
import { cstDate } from '../../../../shared/domain/time';
import { cellAt, valueAt, type GridCell, type SheetGrid } from '../roster/grid';
import { textOf } from '../roster/values';
import { resolveRoom } from '../roster/records';
import {
  CALLBACK_NOT_REACHED,
  parseCallbackMethod,
  parseCallbackResult,
  parseChannel,
  parseDateTime,
  parseSatisfaction,
  parseStatus,
  parseType,
  parseUrgency,
  type LedgerStatus,
} from './values';

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
  /** the building named by the row (楼栋 column or the room cell), to link public areas of a known building */
  buildingCode: string | null;
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
  callbackMethod: (typeof CALLBACK_METHODS)[number];
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

/**
 * A 编号 of up to five digits ("1", "023") is a running number that restarts every year or sheet:
 * it neither names the request across files nor makes a usable ticket number.
 */
export const isRunningNumber = (no: string) => /^\d{1,5}$/.test(no);

/** The room a row names: 楼栋+单元+房号 columns, or "3栋2单元1502" / "3-2-1502" written in one cell (房号, 位置 or 楼栋). */
function roomOf(bText: string, uText: string, rText: string, locText: string): { room: LedgerRow['room']; warning: string | null } {
  if (rText) {
    const parsed = resolveRoom(bText, uText, rText, '');
    return 'reason' in parsed ? { room: null, warning: `${parsed.reason}，按文字位置导入` } : { room: parsed, warning: null };
  }
  // free text is a room only when it reads as one ("地下车库B2", "3栋电梯厅" stay public areas)
  for (const [b, cell] of [
    [bText, locText],
    ['', bText],
  ] as const) {
    if (!cell) continue;
    const ref = parseRoom(cell);
    if (!ref || !(ref.building || b) || ref.room.length < 3) continue;
    const parsed = resolveRoom(b, uText, '', cell);
    if (!('reason' in parsed)) return { room: parsed, warning: null };
  }
  return { room: null, warning: null };
}

/** What a row reads as when it is not a request (a footer such as "制表：客服部", a lone 序号): shown, never dropped. */
export const NOT_A_RECORD = '不是一条记录：没有受理时间、类型、类别和内容（如表尾的“制表人”、合计行），未导入';

/**
 * Reads every non-blank row below the header. Each one comes back, so the preview and the report
 * account for all of them: a row that cannot become a ticket carries its reason.
 * `defaultType` is the type chosen for rows whose 类型 cell is empty (or for a ledger without that
 * column); without it such rows are refused: the type decides the clock, the callback rule and the
 * complaint statistics, so it is never guessed.
 */
export function parseLedgerRows(
  grid: SheetGrid,
  headerRow: number,
  mapping: LedgerMappingT,
  estateId: number,
  defaultType: TicketT['type'] | null = null,
): LedgerRow[] {
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
    let callbackAt = time('callbackAt', '回访时间');
    const description = text('description');
    const categoryText = text('category');
    const typeText = text('type');
    // a row with nothing in any mapped column but the 序号/编号 (a footer, a page number) is not a
    // request; it is listed with its reason all the same. A row with a name or a place is an incomplete one.
    const notARecord = !reasons.length && (Object.keys(cols) as Field[]).every((f) => f === 'no' || !text(f));
    if (notARecord) reasons.push(NOT_A_RECORD);

    let type = typeText ? parseType(typeText) : null;
    if (!typeText && defaultType && !notARecord) {
      type = defaultType;
      // said per row only where the ledger has a 类型 column and this cell is empty; without the column the choice covers every row
      if (cols.type) warnings.push(`类型为空，按所选“类型为空的行记为${defaultType}”导入`);
    }
    if (!receivedAt && !reasons.length) reasons.push('缺少受理时间');
    if (notARecord) {
      // one reason is enough
    } else if (!typeText && !type)
      reasons.push(
        cols.type
          ? '类型为空（投诉/报修/咨询/建议/表扬）：请在原表填写，或选择“类型为空的行”记为哪一类'
          : '台账没有“类型”列：请在列对应关系中指定，或选择“类型为空的行”记为哪一类',
      );
    else if (!type) reasons.push(`类型无法识别：${typeText}`);
    if (!description && !categoryText && !notARecord) reasons.push('没有内容也没有类别');
    if (receivedAt && completedAt && completedAt < receivedAt) reasons.push('完成时间早于受理时间');
    if (receivedAt && respondedAt && respondedAt < receivedAt) warnings.push('响应时间早于受理时间，已忽略响应时间');

    const bText = text('building');
    const uText = text('unit');
    const rText = text('room');
    const locText = text('location');
    const { room, warning: roomWarning } = roomOf(bText, uText, rText, locText);
    if (roomWarning) warnings.push(roomWarning);
    const sat = parseSatisfaction(get('satisfaction'));
    if (sat.ok && sat.warning) warnings.push(sat.warning);
    const callbackText = text('callbackResult');
    let callbackResolved = parseCallbackResult(callbackText) ?? (callbackAt || (sat.ok && sat.value) ? true : null);
    if (CALLBACK_NOT_REACHED.test(callbackText)) {
      warnings.push(`回访未联系上业主（${callbackText}），不记为回访`);
      callbackResolved = null;
      callbackAt = null;
    }
    const phoneRaw = text('phone');
    const no = text('no').replace(/\s/g, '').toUpperCase() || null;
    const locationText = [
      bText && !/[栋幢座楼#]$/.test(bText) && /^\w+$/.test(bText) ? `${bText}栋` : bText,
      uText && /^\d+$/.test(uText) ? `${uText}单元` : uText,
      rText,
      locText,
    ]
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
      buildingCode: room?.building ?? (bText ? normaliseCode(bText) : null),
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
      callbackResolved,
      callbackText,
      callbackMethod: parseCallbackMethod(callbackText),
      satisfaction: sat.ok ? sat.value : null,
      status: parseStatus(text('status')),
      notes: text('notes') || null,
      reason: reasons.length ? reasons.join('；') : null,
      warnings,
      key: '',
      fingerprint: '',
    };
    row.fingerprint = sha(
      JSON.stringify([
        row.no,
        row.receivedAt,
        row.type,
        row.locationText,
        row.reporter,
        row.phone,
        row.categoryText,
        row.description,
        row.completedAt,
        row.callbackAt,
        row.satisfaction,
        row.status,
      ]),
    );
    // the 编号 names the request, together with its day: ledgers that restart "KF-001" every year still import both
    row.key =
      no && !isRunningNumber(no)
        ? sha(`${estateId}|no|${no}|${receivedAt ? cstDate(receivedAt) : ''}`)
        : sha(`${estateId}|row|${row.receivedAt}|${row.type}|${row.locationText}|${row.reporter ?? ''}|${row.categoryText}|${row.description}`);
    out.push(row);
  }
  return out;
}
