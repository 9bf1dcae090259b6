import { ROLE_LABELS, type PersonRoleT } from '../../../shared/contract/archives';

/**
 * Phones in result lists are shown with the middle hidden ("138****5678"): the list is on a
 * screen the owner at the counter can see. The last 4 stay, because that is what staff match on.
 */
export function maskPhone(raw: string | null | undefined): string {
  if (!raw) return '';
  const d = raw.replace(/[^\d+]/g, '');
  if (d.length <= 4) return d;
  if (d.length < 8) return '*'.repeat(d.length - 4) + d.slice(-4);
  return d.slice(0, 3) + '*'.repeat(d.length - 7) + d.slice(-4);
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as PersonRoleT] ?? role;
}

export function joinParts(parts: Array<string | null | undefined | false>): string {
  return parts.filter((p): p is string => !!p).join(' · ');
}
