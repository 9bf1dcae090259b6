import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { UserError, invalid } from '../errors';
import type { Session } from './session';
import { verifyPassword } from './password';
import { countUsers, createUser, findById, findByUsername, listUsers, recordLogin, setPassword, toRow, updateUser, type UserRecord } from './users';

type AccountHandlers = HandlerGroup<'auth.'> & HandlerGroup<'users.'>;

/** one message whichever of the two was wrong: the window must not tell which user names exist */
const WRONG = '用户名或密码不正确';

export function accountsHandlers(ctx: CoreContext, session: Session): AccountHandlers {
  const status = async () => session.status((await countUsers(ctx.db)) === 0);
  const signIn = (u: UserRecord) => session.signIn({ id: u.id, username: u.username, displayName: u.display_name, role: u.role });
  const actor = () => session.user?.displayName ?? '系统';
  const signedIn = () => {
    if (!session.user) throw new UserError('UNAUTHENTICATED', '请先登录');
    return session.user;
  };

  return {
    'auth.status': status,
    'auth.setup': async (input) => {
      const user = await createUser(ctx.db, '', { ...input, role: 'admin' }, ctx.now(), true);
      signIn(user);
      await recordLogin(ctx.db, user, ctx.now(), 'login');
      return status();
    },
    'auth.login': async ({ username, password }) => {
      const wait = session.waitFor(username);
      if (wait > 0) throw new UserError('VALIDATION', `密码错误次数过多，请 ${wait} 秒后再试`);
      const user = await findByUsername(ctx.db, username);
      const ok = await verifyPassword(password, user?.password_hash ?? null);
      if (!user || !ok) {
        session.failed(username);
        throw new UserError('VALIDATION', WRONG);
      }
      if (user.disabled_at) throw new UserError('VALIDATION', '该账号已停用，请联系管理员');
      signIn(user);
      await recordLogin(ctx.db, user, ctx.now(), 'login');
      return status();
    },
    'auth.logout': async () => {
      const u = session.user;
      session.signOut();
      const record = u ? await findById(ctx.db, u.id) : undefined;
      if (record) await recordLogin(ctx.db, record, ctx.now(), 'logout');
      return status();
    },
    'auth.lock': async () => {
      session.lock();
      return status();
    },
    'auth.unlock': async ({ password }) => {
      const u = signedIn();
      const wait = session.waitFor(u.username);
      if (wait > 0) throw new UserError('VALIDATION', `密码错误次数过多，请 ${wait} 秒后再试`);
      const record = await findById(ctx.db, u.id);
      if (!record || record.disabled_at) {
        session.signOut();
        throw new UserError('UNAUTHENTICATED', '该账号已停用，请重新登录');
      }
      if (!(await verifyPassword(password, record.password_hash))) {
        session.failed(u.username);
        throw invalid('密码不正确', { password: '密码不正确' });
      }
      session.unlock();
      await recordLogin(ctx.db, record, ctx.now(), 'unlock');
      return status();
    },
    'auth.changePassword': async ({ oldPassword, newPassword }) => {
      const u = signedIn();
      const record = await findById(ctx.db, u.id);
      if (!record || !(await verifyPassword(oldPassword, record.password_hash))) throw invalid('原密码不正确', { oldPassword: '原密码不正确' });
      await setPassword(ctx.db, u.displayName, u.id, newPassword, ctx.now(), 'changePassword');
      return status();
    },
    'users.list': () => listUsers(ctx.db),
    'users.create': async (input) => toRow(await createUser(ctx.db, actor(), input, ctx.now())),
    'users.update': async ({ id, ...patch }) => {
      const after = await updateUser(ctx.db, actor(), session.user?.id ?? null, id, patch, ctx.now());
      // the signed-in user renamed or given another role: the session and its 受理人 follow
      if (session.user?.id === after.id) session.user = { ...session.user, displayName: after.display_name, role: after.role };
      return toRow(after);
    },
    'users.resetPassword': async ({ id, password }) => toRow(await setPassword(ctx.db, actor(), id, password, ctx.now(), 'resetPassword')),
  };
}
