import type { AppError } from '../../../shared/contract/result';
import type { Channel } from '../../../shared/contract';
import { can, PERMISSION_LABELS, ROLE_LABELS } from '../../../shared/contract/accounts';
import { CHANNEL_ACCESS, permissionFor } from '../../../shared/contract/channel-permissions';
import type { Session } from './session';

/**
 * Whether a call may go on, before its input is even parsed (docs/ACCOUNTS.md): signed out, only the
 * 'open' channels; locked, only unlocking or switching user; then the role's permissions. A core
 * without a session (the command line) answers everything.
 */
export function gate(session: Session | undefined, channel: Channel, raw: unknown): AppError | null {
  if (!session) return null;
  const user = session.user;
  if (!user) return CHANNEL_ACCESS[channel] === 'open' ? null : { code: 'UNAUTHENTICATED', message: '请先登录' };
  const locked = session.check(channel);
  if (locked) return locked;
  const needs = permissionFor(channel, raw);
  if (needs && !can(user.role, needs)) return { code: 'FORBIDDEN', message: `当前账号（${ROLE_LABELS[user.role]}）没有权限：${PERMISSION_LABELS[needs]}` };
  return null;
}
