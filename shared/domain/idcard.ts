// 居民身份证号码 checks after GB 11643-1999. A failed check is a warning, never a rejection:
// rosters carry typos and the desk must still be able to register the person.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function idChecksumOk(id: string): boolean {
  const v = normaliseIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === v[17];
}

/** 中文 warning for a 身份证 number, or null when it looks right. */
export function idNumberWarning(idType: string, raw: string | null | undefined): string | null {
  if (!raw || idType !== '身份证') return null;
  const v = normaliseIdNumber(raw);
  // a legacy 15-digit number is accepted (shared/contract/archives.ts ID_FORMATS) but has no check digit
  if (/^\d{15}$/.test(v)) return '旧版15位身份证号，无校验位，建议换成18位';
  if (!/^\d{17}[\dX]$/.test(v)) return '身份证号应为18位（最后一位可为X）';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return '身份证号中的出生日期无效';
  if (!idChecksumOk(v)) return '身份证号校验位不符（GB 11643），请核对';
  return null;
}

/** Masks all but the first 3 and last 4 characters: 110***********1234 */
export function maskIdNumber(raw: string | null | undefined): string {
  if (!raw) return '';
  const v = raw.trim();
  if (v.length <= 7) return v.replace(/.(?=.{2})/g, '*');
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

/** ID-number-like runs (18 characters with a check digit, or the old 15 digits) inside free text */
const ID_IN_TEXT = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;

/** The text with every ID number in it masked as maskIdNumber masks one: for notes that carry extra numbers. */
export function maskIdNumbersIn(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => maskIdNumber(id));
}
