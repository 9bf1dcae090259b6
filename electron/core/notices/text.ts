// Pure text rules of notices: the {{占位符}} a template uses, filling them, and amounts in RMB
// capital numerals (金额大写) as banks and receipts write them.
import { STANDARD_PLACEHOLDERS } from '../../../shared/contract/notices';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** the placeholder names a text uses, in order of first use */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

/** placeholders that are neither standard nor one of the template's own fields */
export function unknownPlaceholders(text: string, fields: readonly string[]): string[] {
  const known = new Set<string>([...STANDARD_PLACEHOLDERS, ...fields]);
  return placeholdersIn(text).filter((n) => !known.has(n));
}

/** a refusal naming every unknown placeholder, or null when all are known */
export function unknownPlaceholderMessage(text: string, fields: readonly string[]): string | null {
  const unknown = unknownPlaceholders(text, fields);
  if (!unknown.length) return null;
  return `模板中有未知的占位符：${unknown.map((n) => `{{${n}}}`).join('、')}。请改用系统占位符，或把它添加为自定义字段`;
}

/** what a blank placeholder prints as: a line to write on */
export const BLANK = '＿＿＿＿';

/** fills every {{name}}: a missing or empty value prints as a blank line */
export function fillPlaceholders(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const v = values[name];
    return v === null || v === undefined || v === '' ? BLANK : v;
  });
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** one group of four digits (0–9999), without leading 零 */
function group(n: number): string {
  let s = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (s) zero = true;
      continue;
    }
    if (zero) s += '零';
    zero = false;
    s += DIGITS[d] + SMALL[i];
  }
  return s;
}

/**
 * 金额大写: 123.45 → 壹佰贰拾叁元肆角伍分; 0 → 零元整; 0.05 → 伍分; 100.5 → 壹佰元伍角整;
 * 1001 → 壹仟零壹元整; 1.05 → 壹元零伍分. Rounded to the fen; negative amounts are refused.
 */
export function rmbCapital(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError('金额应为不小于0的数');
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let s = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i];
      if (g === 0) {
        if (s) needZero = true;
        continue;
      }
      // a gap inside the number (1,0001 → 壹万零壹) or a group below a thousand after a higher one
      if (s && (needZero || g < 1000)) s += '零';
      needZero = false;
      s += group(g) + BIG[i];
    }
    s += '元';
  }
  if (jiao === 0 && cents === 0) return `${s}整`;
  if (jiao > 0) s += `${DIGITS[jiao]}角`;
  else if (yuan > 0) s += '零';
  if (cents > 0) s += `${DIGITS[cents]}分`;
  else s += '整';
  return s;
}

/** 1234.5 → 1,234.50 */
export const yuanText = (amount: number) => amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 〔2026〕第012号 */
export const noticeNo = (year: number, seq: number) => `〔${year}〕第${String(seq).padStart(3, '0')}号`;
