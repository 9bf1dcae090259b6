import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { UsersTable } from '../db/tables/accounts';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { conflict, invalid, notFound } from '../errors';
import { ROLE_LABELS, type Role, type UserRowT } from '../../../shared/contract/accounts';
import { hashPassword } from './password';

// The users table (docs/ACCOUNTS.md). Every change writes its audit line in the same transaction;
// the password and its hash never go into the log.

export type UserRecord = Selectable<UsersTable>;

export const toRow = (u: UserRecord): UserRowT => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  disabled: u.disabled_at !== null,
  createdAt: u.created_at,
  lastLoginAt: u.last_login_at,
});

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findByUsername(db: Kysely<DB>, username: string): Promise<UserRecord | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findById(db: Kysely<DB>, id: number): Promise<UserRecord | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<DB>): Promise<UserRowT[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('disabled_at', 'asc').orderBy('id', 'asc').execute();
  return rows.map(toRow);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** `onlyIfNone`: the first-run administrator, refused once anyone exists (checked inside the transaction). */
export async function createUser(db: Kysely<DB>, actor: string, input: NewUser, now: Date, onlyIfNone = false): Promise<UserRecord> {
  const hash = await hashPassword(input.password);
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    if (onlyIfNone && (await countUsers(trx)) > 0) throw conflict('管理员账号已创建，请登录');
    if (await findByUsername(trx, input.username)) throw invalid(`用户名「${input.username}」已被使用`, { username: '该用户名已被使用' });
    const user = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, role: input.role, password_hash: hash, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor || input.displayName, 'user', user.id, 'create', { username: user.username, displayName: user.display_name, role: user.role });
    return user;
  });
}

async function activeAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

/** Name, role, disabled. The last enabled administrator keeps both, or nobody could manage accounts. */
export async function updateUser(db: Kysely<DB>, actor: string, selfId: number | null, id: number, patch: UserPatch, now: Date): Promise<UserRecord> {
  return inTransaction(db, async (trx) => {
    const before = await findById(trx, id);
    if (!before) throw notFound('账号');
    const changes: Record<string, [unknown, unknown]> = {};
    const set: Partial<Pick<UserRecord, 'display_name' | 'role' | 'disabled_at'>> = {};
    if (patch.displayName !== undefined && patch.displayName !== before.display_name) {
      set.display_name = patch.displayName;
      changes.displayName = [before.display_name, patch.displayName];
    }
    if (patch.role !== undefined && patch.role !== before.role) {
      set.role = patch.role;
      changes.role = [before.role, patch.role];
    }
    if (patch.disabled !== undefined && patch.disabled !== (before.disabled_at !== null)) {
      if (patch.disabled && id === selfId) throw invalid('不能停用当前登录的账号');
      set.disabled_at = patch.disabled ? now.toISOString() : null;
      changes.disabled = [before.disabled_at !== null, patch.disabled];
    }
    if (!Object.keys(changes).length) return before;
    const losesAdmin = before.role === 'admin' && before.disabled_at === null && ((set.role !== undefined && set.role !== 'admin') || set.disabled_at);
    if (losesAdmin && (await activeAdmins(trx)) <= 1)
      throw invalid(
        `至少要保留一个启用的${ROLE_LABELS.admin}账号`,
        patch.role !== undefined ? { role: `至少要保留一个启用的${ROLE_LABELS.admin}` } : undefined,
      );
    const after = await trx
      .updateTable('users')
      .set({ ...set, updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'user', id, 'update', { username: before.username, changes });
    return after;
  });
}

/** A new password for a user (by an administrator, or by the user themself: `action` says which). */
export async function setPassword(
  db: Kysely<DB>,
  actor: string,
  id: number,
  password: string,
  now: Date,
  action: 'resetPassword' | 'changePassword',
): Promise<UserRecord> {
  const hash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const before = await findById(trx, id);
    if (!before) throw notFound('账号');
    const after = await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'user', id, action, { username: before.username });
    return after;
  });
}

/** Sign-ins are audited too: who, when (never what was typed). */
export async function recordLogin(db: Kysely<DB>, user: UserRecord, now: Date, action: 'login' | 'logout' | 'unlock'): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (action === 'login') await trx.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', user.id).execute();
    await audit(trx, user.display_name, 'user', user.id, action, { username: user.username });
  });
}
