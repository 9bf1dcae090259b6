// Rosters arrive with full-width digits and letters (１５０２、Ａ座), ideographic spaces and stray blanks.
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(s: string): string {
  // most text has no full-width character: skip the two replaces (the search box calls this per keystroke)
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width, trimmed, inner runs of white space folded. */
export function cleanText(s: unknown): string {
  if (s === null || s === undefined) return '';
  return toHalfWidth(String(s)).replace(/\s+/g, ' ').trim();
}

/** Phone as digits only (keeps a leading + and an extension dash is dropped). */
export function normalisePhone(raw: string): string {
  const s = toHalfWidth(raw).replace(/[\s\-()（）]/g, '');
  return s.replace(/[^\d+]/g, '');
}

export function phoneWarning(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const p = normalisePhone(raw);
  if (/^1\d{10}$/.test(p)) return null; // mobile
  if (/^0\d{9,11}$/.test(p)) return null; // landline with area code
  if (/^\d{7,8}$/.test(p)) return null; // local landline
  if (/^\+\d{8,15}$/.test(p)) return null;
  return '电话号码格式不常见，请核对';
}

/** Plate normalised for matching: upper case, no spaces, dots or dashes. */
export function normalisePlate(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s·.-]/g, '')
    .toUpperCase();
}
