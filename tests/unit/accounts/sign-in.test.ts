import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import type { AuthStatusT, UserRowT } from '../../../shared/contract/accounts';

// issue 11 item 1: local accounts, first-run administrator, sign-in, lock after idle (docs/ACCOUNTS.md)
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const ok = <T>(channel: string, input: unknown) => must(call(channel, input) as never) as Promise<T>;

beforeEach(async () => {
  core = await tempCore({ signIn: false });
});
afterEach(async () => {
  vi.useRealTimers();
  await core.cleanup();
});

const ADMIN = { username: 'Wang', displayName: '王主任', password: 'secret1' };

describe('first run and sign-in', () => {
  it('asks for an administrator first, refuses a second one, and signs the new one in', async () => {
    expect(await ok<AuthStatusT>('auth.status', {})).toMatchObject({ needsSetup: true, user: null, locked: false, idleMinutes: 10 });
    const s = await ok<AuthStatusT>('auth.setup', ADMIN);
    expect(s).toMatchObject({ needsSetup: false, locked: false, user: { username: 'Wang', displayName: '王主任', role: 'admin' } });
    expect(s.user?.permissions).toContain('users.manage');
    const again = await call('auth.setup', { ...ADMIN, username: 'li' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.ctx.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('a short password is refused in Chinese', async () => {
    const r = await call('auth.setup', { ...ADMIN, password: '12345' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: '密码至少6位' } } });
  });

  it('one message for an unknown name and a wrong password; user names ignore case', async () => {
    await ok('auth.setup', ADMIN);
    await ok('auth.logout', {});
    const unknown = await call('auth.login', { username: 'nobody', password: 'secret1' });
    const wrong = await call('auth.login', { username: 'wang', password: 'secret2' });
    expect(unknown).toEqual({ ok: false, error: { code: 'VALIDATION', message: '用户名或密码不正确' } });
    expect(wrong).toEqual(unknown);
    const s = await ok<AuthStatusT>('auth.login', { username: 'WANG', password: 'secret1' });
    expect(s.user?.displayName).toBe('王主任');
    const dup = await call('users.create', { username: 'wang', displayName: '另一个', role: 'clerk', password: 'secret9' });
    expect(dup).toMatchObject({ ok: false, error: { fields: { username: '该用户名已被使用' } } });
  });

  it('after 5 wrong passwords for a name, that name waits 30 seconds, even with the right one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await ok('auth.setup', ADMIN);
    await ok('auth.logout', {});
    for (let i = 0; i < 5; i++) await call('auth.login', { username: 'wang', password: 'wrong00' });
    const held = await call('auth.login', { username: 'wang', password: 'secret1' });
    expect(held).toMatchObject({ ok: false, error: { message: '密码错误次数过多，请 30 秒后再试' } });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await ok<AuthStatusT>('auth.login', { username: 'wang', password: 'secret1' })).user?.username).toBe('Wang');
  });

  it('a disabled user cannot sign in; nothing is deleted', async () => {
    await ok('auth.setup', ADMIN);
    const clerk = await ok<UserRowT>('users.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'secret2' });
    await ok('users.update', { id: clerk.id, disabled: true });
    await ok('auth.logout', {});
    expect(await call('auth.login', { username: 'xiaoli', password: 'secret2' })).toMatchObject({
      ok: false,
      error: { message: '该账号已停用，请联系管理员' },
    });
    expect(await core.ctx.db.selectFrom('users').select('id').execute()).toHaveLength(2);
  });
});

describe('lock', () => {
  it('locks after the idle minutes: calls answer LOCKED until the password unlocks', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await ok('auth.setup', ADMIN);
    await ok('system.settings.update', { idleMinutes: 2 });
    expect((await ok<AuthStatusT>('auth.status', {})).idleMinutes).toBe(2);
    vi.setSystemTime(Date.now() + 119_000);
    await ok('archives.estates.list', {});
    vi.setSystemTime(Date.now() + 119_000);
    await ok('archives.estates.list', {});
    vi.setSystemTime(Date.now() + 121_000);
    expect(await call('archives.estates.list', {})).toEqual({ ok: false, error: { code: 'LOCKED', message: '已锁定，请重新登录' } });
    expect(await ok<AuthStatusT>('auth.status', {})).toMatchObject({ locked: true, user: { username: 'Wang' } });
    expect(await call('auth.unlock', { password: 'nope123' })).toMatchObject({ ok: false, error: { fields: { password: '密码不正确' } } });
    expect(await ok<AuthStatusT>('auth.unlock', { password: 'secret1' })).toMatchObject({ locked: false });
    await ok('archives.estates.list', {});
  });

  it('auth.lock locks at once; 切换用户 signs out and another user signs in', async () => {
    await ok('auth.setup', ADMIN);
    await ok('users.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'secret2' });
    await ok('auth.lock', {});
    expect(await call('archives.estates.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const s = await ok<AuthStatusT>('auth.login', { username: 'xiaoli', password: 'secret2' });
    expect(s).toMatchObject({ locked: false, user: { displayName: '小李', role: 'clerk', permissions: [] } });
  });

  it('idle minutes outside 1–240 are refused', async () => {
    await ok('auth.setup', ADMIN);
    for (const idleMinutes of [0, 241, 1.5])
      expect(await call('system.settings.update', { idleMinutes })).toMatchObject({
        ok: false,
        error: { fields: { idleMinutes: '自动锁定时间应为 1 至 240 分钟' } },
      });
  });
});

describe('users and their audit lines', () => {
  it('every account change is audited with before → after, never the password or its hash', async () => {
    await ok('auth.setup', ADMIN);
    const clerk = await ok<UserRowT>('users.create', { username: 'xiaoli', displayName: '小李', role: 'clerk', password: 'pass-one' });
    await ok('users.update', { id: clerk.id, displayName: '李小丽', role: 'supervisor' });
    await ok('users.resetPassword', { id: clerk.id, password: 'pass-two' });
    await ok('auth.changePassword', { oldPassword: 'secret1', newPassword: 'secret-3' });
    const rows = await core.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'user').orderBy('id').execute();
    expect(rows.map((r) => [r.actor, r.action])).toEqual([
      ['王主任', 'create'],
      ['王主任', 'login'],
      ['王主任', 'create'],
      ['王主任', 'update'],
      ['王主任', 'resetPassword'],
      ['王主任', 'changePassword'],
    ]);
    expect(JSON.parse(rows[3].detail ?? '')).toEqual({ username: 'xiaoli', changes: { displayName: ['小李', '李小丽'], role: ['clerk', 'supervisor'] } });
    const hashes = (await core.ctx.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash);
    const all = rows.map((r) => r.detail).join('\n');
    for (const secret of ['secret1', 'secret-3', 'pass-one', 'pass-two', ...hashes, 'scrypt']) expect(all).not.toContain(secret);
    await ok('auth.logout', {});
    await ok('auth.login', { username: 'xiaoli', password: 'pass-two' });
  });

  it('the last enabled administrator can be neither demoted nor disabled, and nobody disables themself', async () => {
    const s = await ok<AuthStatusT>('auth.setup', ADMIN);
    const id = s.user?.id ?? 0;
    expect(await call('users.update', { id, role: 'clerk' })).toMatchObject({ ok: false, error: { message: '至少要保留一个启用的管理员账号' } });
    expect(await call('users.update', { id, disabled: true })).toMatchObject({ ok: false, error: { message: '不能停用当前登录的账号' } });
    const other = await ok<UserRowT>('users.create', { username: 'zhao', displayName: '赵管理', role: 'admin', password: 'secret4' });
    await ok('users.update', { id, role: 'supervisor' });
    // the session follows at once: a supervisor manages no accounts
    expect((await ok<AuthStatusT>('auth.status', {})).user).toMatchObject({ role: 'supervisor' });
    expect(await call('users.update', { id: other.id, role: 'clerk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok('auth.login', { username: 'zhao', password: 'secret4' });
    expect(await call('users.update', { id: other.id, role: 'clerk' })).toMatchObject({ ok: false, error: { message: '至少要保留一个启用的管理员账号' } });
  });
});

describe('attribution', () => {
  it('records and audit lines name the signed-in user, not the staff name setting', async () => {
    await ok('auth.setup', ADMIN);
    await ok('system.settings.update', { staffName: '值班员' });
    const estate = await ok<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
    const b = await ok<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '3' });
    const h = await ok<{ id: number }>('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' });
    const t = await ok<{ ticket: { receivedBy: string } }>('desk.tickets.create', {
      type: '报修',
      channel: '来访',
      houseId: h.id,
      category: '工程维修',
      urgency: '一般',
      reporter: '王芳',
      phone: '13800001111',
      description: '厨房水龙头漏水',
    });
    expect(t.ticket.receivedBy).toBe('王主任');
    const line = await core.ctx.db.selectFrom('audit_log').select('actor').where('entity', '=', 'estate').executeTakeFirstOrThrow();
    expect(line.actor).toBe('王主任');
    await ok('auth.logout', {});
    // nobody signed in (a core's calls are refused then; the command line has its own actor): the staff name setting
    expect(await core.ctx.actor()).toBe('值班员');
  });
});
