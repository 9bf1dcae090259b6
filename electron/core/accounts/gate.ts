import type { AppError } from '../../../shared/contract/result';
import type { Channel } from '../../../shared/contract';
import type { Session } from './session';

/**
 * Whether a call may go on (docs/ACCOUNTS.md): a locked window only unlocks or switches user.
 * A core without a session (the command line) answers everything.
 */
export function gate(session: Session | undefined, channel: Channel, _raw: unknown): AppError | null {
  if (!session) return null;
  return session.check(channel);
}
