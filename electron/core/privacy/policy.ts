import { can } from '../../../shared/contract/accounts';
import type { CoreContext } from '../context';

// Who sees which number in full (docs/PRIVACY.md). Screens always start masked; these say whether the
// user may reveal one, and whether a printout that needs the full number may carry it.

/** ID numbers: roles with ids.full. The command line (no session) is whoever holds the database file. */
export function mayRevealIds(ctx: CoreContext): boolean {
  if (!ctx.session) return true;
  const user = ctx.session.user;
  return !!user && can(user.role, 'ids.full');
}

/** Phones: any signed-in user, because calling back is the counter's own work. */
export function mayRevealPhones(ctx: CoreContext): boolean {
  return !ctx.session || !!ctx.session.user;
}
