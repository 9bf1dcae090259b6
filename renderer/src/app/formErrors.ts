import type { z } from 'zod';

/** Field path → first Chinese message, the same shape main returns in error.fields. */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

/** Mantine NumberInput hands back '' for an empty box; the contract wants null. */
export function numberOrNull(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * A number box's value for the contract: blank → null, a number → itself, anything else (a lone
 * "-", "1e") stays text so the schema refuses it with its own message instead of it turning
 * silently into "not given".
 */
export function numberInput(v: number | string): number | string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
