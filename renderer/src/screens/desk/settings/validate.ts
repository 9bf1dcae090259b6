// Checks made before saving, with the same field keys the server uses in error.fields
// ("categories.2.children.0"), so one map feeds the inline messages either way.

import type { DeskConfigT } from '../../../../../shared/contract/desk';

export type FieldErrors = Record<string, string>;

/** names must be filled in, short enough, and not repeated in their list */
function checkNames(names: string[], key: (i: number) => string, what: string, max: number, errors: FieldErrors) {
  const seen = new Set<string>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (!name) errors[key(i)] = `请填写${what}名称`;
    else if (name.length > max) errors[key(i)] = `${what}名称不超过${max}字`;
    else if (seen.has(name)) errors[key(i)] = `${what}「${name}」重复`;
    seen.add(name);
  });
}

export function checkCategories(categories: DeskConfigT['categories']): FieldErrors {
  const errors: FieldErrors = {};
  if (!categories.length) errors._ = '至少保留一个类别';
  checkNames(
    categories.map((c) => c.name),
    (i) => `categories.${i}.name`,
    '类别',
    30,
    errors,
  );
  categories.forEach((c, i) =>
    checkNames(
      c.children,
      (j) => `categories.${i}.children.${j}`,
      '子类别',
      30,
      errors,
    ),
  );
  return errors;
}

export function checkDepartments(departments: DeskConfigT['departments']): FieldErrors {
  const errors: FieldErrors = {};
  checkNames(
    departments.map((d) => d.name),
    (i) => `departments.${i}.name`,
    '部门',
    30,
    errors,
  );
  departments.forEach((d, i) => {
    const long = d.staff.find((s) => s.trim().length > 20);
    if (long) errors[`departments.${i}.staff`] = `姓名「${long}」超过20字`;
  });
  return errors;
}

/** trimmed names, as they will be stored */
export function tidyCategories(categories: DeskConfigT['categories']): DeskConfigT['categories'] {
  return categories.map((c) => ({ name: c.name.trim(), children: c.children.map((x) => x.trim()) }));
}

export function tidyDepartments(departments: DeskConfigT['departments']): DeskConfigT['departments'] {
  return departments.map((d) => ({ name: d.name.trim(), staff: d.staff.map((x) => x.trim()).filter(Boolean) }));
}

/** "0.5" hours → 30 minutes; '' → null (no target); an error text for anything else */
export function hoursToMinutes(text: string): { minutes: number | null } | { error: string } {
  const t = text.trim().replace('．', '.');
  if (t === '') return { minutes: null };
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: '请输入小时数，如 0.5、24' };
  const minutes = Math.round(Number(t) * 60);
  if (minutes < 1) return { error: '至少 1 分钟' };
  if (minutes > 365 * 24 * 60) return { error: '不超过一年' };
  return { minutes };
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
