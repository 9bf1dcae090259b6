// Hours as typed in the 时限 tab ↔ the minutes the configuration stores. Whether a value is
// acceptable is the contract's call (SlaTarget in shared/contract/desk.ts), not this file's.

/** "0.5" hours → 30 minutes; '' → null (no target); text that is not a number → NaN, which the contract refuses by the field */
export function hoursToMinutes(text: string): number | null {
  const t = text
    .trim()
    .replace(/．/g, '.')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === '') return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return Number.NaN;
  const exact = Number(t) * 60;
  // a positive amount under a minute stays a fraction: the contract asks for whole minutes, at least one
  return exact > 0 && exact < 1 ? exact : Math.round(exact);
}

/** 30 → "0.5"; 1440 → "24" (hours with at most two decimals) */
export function minutesToHours(minutes: number | null): string {
  return minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100);
}

/** 30 → "30分钟", 90 → "1小时30分钟", 2880 → "2天" */
export function durationText(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}天` : '', h ? `${h}小时` : '', m ? `${m}分钟` : ''].join('') || '0分钟';
}
