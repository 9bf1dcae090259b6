import type { OccupancyT, PersonRoleT } from '../../../../shared/contract/archives';
import { cstDate } from '../../../../shared/domain/time';

export const ROLE_COLORS: Record<PersonRoleT, string> = {
  owner: 'blue',
  co_owner: 'indigo',
  family: 'teal',
  tenant: 'grape',
  temporary: 'gray',
};

const ROLE_ORDER: Record<PersonRoleT, number> = { owner: 0, co_owner: 1, family: 2, tenant: 3, temporary: 4 };

/** owners first, then by move-in date */
export function byRole(a: OccupancyT, b: OccupancyT): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.moveInDate ?? '').localeCompare(b.moveInDate ?? '') || a.id - b.id;
}

/** most recent move-out first */
export function byMoveOut(a: OccupancyT, b: OccupancyT): number {
  return (b.moveOutDate ?? '').localeCompare(a.moveOutDate ?? '') || b.id - a.id;
}

/** a tenant's lease that has ended or ends within 30 days, as a short 中文 note */
export function leaseNote(o: OccupancyT, today = cstDate()): { text: string; color: string } | null {
  if (o.role !== 'tenant' || !o.leaseEnd || !o.active) return null;
  if (o.leaseEnd < today) return { text: '租期已过', color: 'red' };
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 30);
  if (o.leaseEnd <= soon.toISOString().slice(0, 10)) return { text: '租期将满', color: 'orange' };
  return null;
}
