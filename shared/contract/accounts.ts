import { z } from 'zod';
import { Empty, Id } from './common';

// Staff accounts, roles and sign-in (docs/ACCOUNTS.md). The permission matrix is pure and shared:
// main enforces it on every call, the window hides what the role may not do.

export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { clerk: '前台客服', supervisor: '客服主管', admin: '管理员' };

export const PERMISSIONS = ['ids.full', 'tickets.void', 'templates.edit', 'settings.edit', 'backup.restore', 'users.manage', 'audit.view'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const PERMISSION_LABELS: Record<Permission, string> = {
  'ids.full': '查看完整证件号码',
  'tickets.void': '作废工单',
  'templates.edit': '修改模板与单据文字',
  'settings.edit': '修改设置',
  'backup.restore': '恢复备份',
  'users.manage': '管理账号',
  'audit.view': '查看操作日志',
};

/** Who may do what. Everything not listed here (intake, lookup, printing, archives) every role may do. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  clerk: [],
  supervisor: ['ids.full', 'tickets.void', 'templates.edit', 'audit.view'],
  admin: PERMISSIONS,
};

export const can = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);

/** idle minutes before the window locks: a setting (system.settings.update idleMinutes) */
export const IDLE_MINUTES = { default: 10, min: 1, max: 240 } as const;
export const PASSWORD_MIN = 6;
/** failed sign-ins for one user name before a wait, and the wait */
export const LOGIN_ATTEMPTS = { max: 5, waitSeconds: 30 } as const;

export const Username = z
  .string({ message: '请填写用户名' })
  .trim()
  .min(1, '请填写用户名')
  .max(32, '用户名不超过32个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能用英文字母、数字和 _ . -');
export const DisplayName = z.string({ message: '请填写姓名' }).trim().min(1, '请填写姓名').max(20, '姓名不超过20字');
export const Password = z.string({ message: '请填写密码' }).min(PASSWORD_MIN, `密码至少${PASSWORD_MIN}位`).max(128, '密码不超过128位');
/** what sign-in takes: any text, so a wrong one is answered "用户名或密码不正确", not by its shape */
const Typed = (what: string) =>
  z
    .string({ message: `请填写${what}` })
    .min(1, `请填写${what}`)
    .max(128, `${what}不超过128位`);

export const RoleSchema = z.enum(ROLES, { message: '请选择角色' });

export const SessionUser = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export const AuthStatus = z.object({
  /** no account exists yet: the first run creates the administrator */
  needsSetup: z.boolean(),
  user: SessionUser.nullable(),
  /** signed in, but idle too long or locked by hand: the password unlocks */
  locked: z.boolean(),
  idleMinutes: z.number().int(),
});

export const SetupAdminInput = z.object({ username: Username, displayName: DisplayName, password: Password }).strict();
export const LoginInput = z.object({ username: Typed('用户名'), password: Typed('密码') }).strict();
export const UnlockInput = z.object({ password: Typed('密码') }).strict();
export const ChangePasswordInput = z.object({ oldPassword: Typed('原密码'), newPassword: Password }).strict();

export const UserRow = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const UserCreateInput = z.object({ username: Username, displayName: DisplayName, role: RoleSchema, password: Password }).strict();
export const UserUpdateInput = z
  .object({ id: Id, displayName: DisplayName.optional(), role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .strict();
export const ResetPasswordInput = z.object({ id: Id, password: Password }).strict();

export const accountsChannels = {
  'auth.status': { input: Empty, output: AuthStatus },
  'auth.setup': { input: SetupAdminInput, output: AuthStatus },
  'auth.login': { input: LoginInput, output: AuthStatus },
  'auth.logout': { input: Empty, output: AuthStatus },
  'auth.lock': { input: Empty, output: AuthStatus },
  'auth.unlock': { input: UnlockInput, output: AuthStatus },
  'auth.changePassword': { input: ChangePasswordInput, output: AuthStatus },
  'users.list': { input: Empty, output: z.array(UserRow) },
  'users.create': { input: UserCreateInput, output: UserRow },
  'users.update': { input: UserUpdateInput, output: UserRow },
  'users.resetPassword': { input: ResetPasswordInput, output: UserRow },
} as const;

export type AuthStatusT = z.infer<typeof AuthStatus>;
export type SessionUserT = z.infer<typeof SessionUser>;
export type UserRowT = z.infer<typeof UserRow>;
