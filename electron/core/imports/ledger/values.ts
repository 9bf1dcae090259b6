import type { GridCell } from '../roster/grid';
import { textOf } from '../roster/values';
import { toHalfWidth } from '../../../../shared/domain/text';
import { fromCst } from '../../../../shared/domain/time';
import { SATISFACTION, type CALLBACK_METHODS, type TicketT } from '../../../../shared/contract/desk';

export type Read<T> = { ok: true; value: T | null; warning?: string } | { ok: false; reason: string };
const ok = <T>(value: T | null, warning?: string): Read<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const bad = <T>(reason: string): Read<T> => ({ ok: false, reason });

function instant(y: number, mo: number, d: number, h: number, mi: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null;
  // ledger times are China wall-clock times, whatever zone this computer is in
  return fromCst(y, mo, d, h, mi).toISOString();
}

/**
 * A ledger time as a UTC instant: Excel date cells (with or without time), Excel serial numbers,
 * "2026/10/3 14:05", "2026-10-03 14:05:00", "2026年10月3日 14:05", "2026年10月3日14时5分", "2026.10.3".
 * A date without a time is taken as 0:00 of that day, with a warning: the ledger did not say.
 */
export function parseDateTime(cell: GridCell, label: string): Read<string> {
  if (cell.date) {
    const [y, m, d] = cell.date.split('-').map(Number);
    const [h, mi] = (cell.time ?? '00:00').split(':').map(Number);
    return ok(instant(y, m, d, h, mi), cell.time ? undefined : `${label}只有日期，时间按0点记`);
  }
  const raw = textOf(cell);
  if (!raw) return ok(null);
  if (cell.num !== null && cell.num > 10_000 && cell.num < 80_000) {
    const ms = Math.round((cell.num * 86_400_000) / 60_000) * 60_000;
    const t = new Date(Date.UTC(1899, 11, 30) + ms);
    const hasTime = t.getUTCHours() + t.getUTCMinutes() > 0;
    return ok(
      instant(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()),
      hasTime ? undefined : `${label}只有日期，时间按0点记`,
    );
  }
  const s = toHalfWidth(raw).replace(/\s+/g, ' ').trim();
  const m = s.match(/^(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?(?:\s*[:：]\s*\d{1,2}\s*秒?)?)?$/);
  if (!m) return bad(`${label}无法识别：${raw}`);
  const v = instant(Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? Number(m[4]) : 0, m[5] ? Number(m[5]) : 0);
  if (!v) return bad(`${label}无法识别：${raw}`);
  return ok(v, m[4] ? undefined : `${label}只有日期，时间按0点记`);
}

const TYPE_WORDS: [RegExp, TicketT['type']][] = [
  [/投诉/, '投诉'],
  [/报修|维修|修理/, '报修'],
  [/咨询|询问|查询/, '咨询'],
  [/建议|意见/, '建议'],
  [/表扬|感谢|锦旗/, '表扬'],
];
export function parseType(text: string): TicketT['type'] | null {
  for (const [re, t] of TYPE_WORDS) if (re.test(text)) return t;
  return null;
}

export function parseChannel(text: string): TicketT['channel'] {
  if (/来访|上门|前台|现场|柜台/.test(text)) return '来访';
  if (/电话|来电|热线/.test(text)) return '电话';
  if (/微信|公众号|小程序/.test(text)) return '微信';
  if (/信函|来信|信件|邮件/.test(text)) return '信函';
  if (/巡查|巡检|巡逻/.test(text)) return '巡查';
  return '其他';
}

export function parseUrgency(text: string): TicketT['urgency'] {
  // "不急", "非紧急" are not urgent: look at the negations first
  if (!text || /不急|不紧急|非紧急|一般|普通|常规/.test(text)) return '一般';
  return /紧急|加急|特急|急/.test(text) ? '紧急' : '一般';
}

/** 非常满意…非常不满意, or 5..1 */
export function parseSatisfaction(cell: GridCell): Read<(typeof SATISFACTION)[number]> {
  const raw = textOf(cell);
  if (!raw) return ok(null);
  const n = Number(toHalfWidth(raw).replace(/分$/, ''));
  if (Number.isInteger(n) && n >= 1 && n <= 5) return ok(SATISFACTION[5 - n]);
  const t = raw.replace(/\s/g, '');
  if (t === '非常满意' || t === '很满意' || t === '十分满意') return ok('非常满意');
  if (t === '非常不满意' || t === '很不满意' || t === '极不满意') return ok('非常不满意');
  if (t === '不满意' || t === '不太满意' || t === '较不满意') return ok('不满意');
  if (t === '满意' || t === '比较满意' || t === '较满意' || t === '基本满意') return ok('满意');
  if (t === '一般' || t === '尚可') return ok('一般');
  return ok(null, `满意度无法识别，已忽略：${raw}`);
}

/** 回访没打通（无人接听、空号…）: not a callback at all. */
export const CALLBACK_NOT_REACHED = /未接通|无人接听|没人接|联系不上|未联系上|未能联系|空号|关机|停机|拒接/;

/** 回访结果: resolved (已解决/满意…) or not (未解决/不满意…); null when empty. */
export function parseCallbackResult(text: string): boolean | null {
  if (!text) return null;
  if (/未解决|没解决|没有解决|未处理|不满意|仍|重开|再次/.test(text)) return false;
  return true;
}

/** How the ledger says the owner was called back; 其他 when it does not say. */
export function parseCallbackMethod(text: string): (typeof CALLBACK_METHODS)[number] {
  if (/上门|走访|现场/.test(text)) return '上门';
  if (/微信/.test(text)) return '微信';
  if (/电话|致电|来电/.test(text)) return '电话';
  return '其他';
}

export type LedgerStatus = '已受理' | '已派工' | '处理中' | '已完成' | '已回访' | '已关闭' | '已作废';
export function parseStatus(text: string): LedgerStatus | null {
  if (!text) return null;
  if (/作废|取消|撤销|无效/.test(text)) return '已作废';
  // negations before the words they contain: 未完成 is not 完成, 待回访 is not 回访
  if (/未完成|未办结|未结案|未关闭|未解决|处理中|跟进|进行中|维修中|挂起/.test(text)) return '处理中';
  if (/待处理|未处理|待派|未派|新建|受理/.test(text) && !/已处理/.test(text)) return '已受理';
  if (/待回访|未回访/.test(text)) return '已完成';
  if (/关闭|办结|结案|归档/.test(text)) return '已关闭';
  if (/回访/.test(text)) return '已回访';
  if (/完成|已处理|处理完毕|完工|已解决|已修复/.test(text)) return '已完成';
  if (/派工|派单|已转/.test(text)) return '已派工';
  return null;
}
