import { can } from '../../../shared/contract/accounts';
import type { CoreContext } from '../context';

// Who sees which number in full (docs/PRIVACY.md). Screens always start masked. Phones any signed-in user
// may reveal (the gate's 'user'); ID numbers need ids.full, and so does a packet printed with them.

/** ID numbers: roles with ids.full. The command line (no session) is whoever holds the database file. */
export function mayRevealIds(ctx: CoreContext): boolean {
  if (!ctx.session) return true;
  const user = ctx.session.user;
  return !!user && can(user.role, 'ids.full');
}
