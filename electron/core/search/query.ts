import { normalisePlate, toHalfWidth } from '../../../shared/domain/text';
import { parseRoom, type RoomRef } from '../../../shared/domain/room';

/**
 * What one search-box text can mean. Staff type without choosing a mode, so one text may be
 * read several ways at once ("1502" is a room number and a phone tail); the lookup runs every
 * reading that applies and ranks the hits.
 */
export interface QueryPlan {
  /** normalised text: half-width, single spaces, trimmed */
  text: string;
  room: RoomRef | null;
  /** Chinese characters of a name ("张三", "张") */
  name: string | null;
  /** lower-case latin letters: pinyin initials ("zs") or full pinyin prefix ("zhangs") */
  letters: string | null;
  /** 4+ digits: the tail of a phone number */
  phoneTail: string | null;
  /** a plate or part of one, normalised ("粤B12345", "B123") */
  plate: string | null;
}

// Abbreviations that open a plate; several are also surnames (云, 吉, 鲁...), so a lone one is read both ways.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const HAN = /\p{Script=Han}/u;
const PROVINCE_PLATE = new RegExp(`^[${PROVINCES}][A-Z][A-Z0-9]{0,6}$`);

export function planQuery(raw: string): QueryPlan {
  const text = toHalfWidth(raw).replace(/\s+/g, ' ').trim();
  const compact = text.replace(/\s/g, '');
  const plan: QueryPlan = { text, room: null, name: null, letters: null, phoneTail: null, plate: null };
  if (!compact) return plan;

  plan.room = parseRoom(compact);

  const digits = compact.replace(/-/g, '');
  // "3-2-1502" is a room, not a phone; "1502" or "5678" can be either
  if (/^\d{4,}$/.test(digits) && !plan.room?.building) plan.phoneTail = digits;

  const plate = normalisePlate(compact);
  const provincePlate = PROVINCE_PLATE.test(plate);
  const latinPlate = /^[A-Z0-9]{2,8}$/.test(plate) && /[A-Z]/.test(plate) && /\d/.test(plate);
  if (provincePlate || (latinPlate && !plan.room) || (plan.phoneTail && plate.length <= 8)) plan.plate = plate;

  if (HAN.test(compact) && !plan.room && !provincePlate && /^[\p{Script=Han}·]+$/u.test(compact)) plan.name = compact;
  if (/^[a-zA-Z]+$/.test(compact)) plan.letters = compact.toLowerCase();
  return plan;
}

/** Whether the plan has anything to look for. */
export function planIsEmpty(p: QueryPlan): boolean {
  return !p.room && !p.name && !p.letters && !p.phoneTail && !p.plate;
}
