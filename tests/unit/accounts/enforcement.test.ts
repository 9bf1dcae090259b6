import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import { channels, type Channel } from '../../../shared/contract';
import { ROLES, can, type Role } from '../../../shared/contract/accounts';
import { CHANNEL_ACCESS, permissionFor } from '../../../shared/contract/channel-permissions';

// issue 11 item 1: main refuses what the signed-in user (or nobody) may not do (docs/ACCOUNTS.md)
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const PASSWORD = 'secret-1';
const signInAs = async (role: Role) => must(call('auth.login', { username: role, password: PASSWORD }) as never);

beforeAll(async () => {
  core = await tempCore({ signIn: false });
  await must(call('auth.setup', { username: 'admin', displayName: '管理员甲', password: PASSWORD }) as never);
  await must(call('users.create', { username: 'supervisor', displayName: '主管乙', role: 'supervisor', password: PASSWORD }) as never);
  await must(call('users.create', { username: 'clerk', displayName: '客服丙', role: 'clerk', password: PASSWORD }) as never);
  await must(call('auth.logout', {}) as never);
});
afterAll(async () => {
  await core.cleanup();
});

const OPEN = ['auth.status', 'auth.setup', 'auth.login', 'system.log.write'];
/** every channel that needs a permission whatever its input */
const GATED = channels.filter((c) => typeof CHANNEL_ACCESS[c] === 'string' && permissionFor(c, {}) !== null);

describe('signed out', () => {
  it('every channel but the open ones is refused with 请先登录, before its input is looked at', async () => {
    expect(channels.filter((c) => CHANNEL_ACCESS[c] === 'open').sort()).toEqual([...OPEN].sort());
    for (const channel of channels) {
      const r = await call(channel, { junk: true });
      if (OPEN.includes(channel)) expect(r, channel).not.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      else expect(r, channel).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    }
    expect(await core.ctx.db.selectFrom('tickets').select('id').execute()).toEqual([]);
  });
});

describe('roles', () => {
  it('the gated channels are voiding, restoring, templates, settings, users and the audit log', () => {
    expect([...new Set(GATED.map((c) => permissionFor(c, {})))].sort()).toEqual(
      ['audit.view', 'backup.restore', 'settings.edit', 'templates.edit', 'users.manage'].sort(),
    );
    expect(permissionFor('desk.tickets.transition', { action: 'void' })).toBe('tickets.void');
    expect(permissionFor('desk.tickets.transition', { action: 'respond' })).toBeNull();
  });

  for (const role of ROLES) {
    it(`${role}: each gated channel refused or let through as the matrix says`, async () => {
      await signInAs(role);
      const attempts: [Channel, unknown][] = [...GATED.map((c): [Channel, unknown] => [c, { junk: true }]), ['desk.tickets.transition', { action: 'void' }]];
      for (const [channel, input] of attempts) {
        const needs = permissionFor(channel, input);
        if (!needs) throw new Error(`${channel} needs nothing`);
        const r = await call(channel, input);
        if (can(role, needs)) expect(r, channel).not.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        else
          expect(r, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^当前账号（.+）没有权限：/) as unknown } });
      }
      // everyday work is every role's
      expect(await call('desk.tickets.transition', { id: 999_999, action: 'respond' })).not.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call('desk.tickets.list', {})).toMatchObject({ ok: true });
      await must(call('auth.logout', {}) as never);
    });
  }

  it('a clerk is told in Chinese which right is missing', async () => {
    await signInAs('clerk');
    expect(await call('desk.tickets.transition', { id: 1, action: 'void', reason: '重复' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '当前账号（前台客服）没有权限：作废工单' },
    });
    expect(await call('users.list', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '当前账号（前台客服）没有权限：管理账号' } });
    await must(call('auth.logout', {}) as never);
  });
});

describe('locked', () => {
  it('only status, unlock, sign-out, sign-in and error reports go through', async () => {
    await signInAs('admin');
    await must(call('auth.lock', {}) as never);
    for (const channel of channels) {
      const r = await call(channel, { junk: true });
      if (['auth.status', 'auth.unlock', 'auth.logout', 'auth.login', 'system.log.write'].includes(channel))
        expect(r, channel).not.toMatchObject({ error: { code: 'LOCKED' } });
      else expect(r, channel).toEqual({ ok: false, error: { code: 'LOCKED', message: '已锁定，请重新登录' } });
    }
    await must(call('auth.unlock', { password: PASSWORD }) as never);
  });
});
