// A real core with one house, for rendering and printing ticket documents in tests.
import { tempCore, must } from '../helpers/temp-core';
import type { TicketDetailT } from '../../../shared/contract/desk';

export type DocCore = Awaited<ReturnType<typeof tempCore>> & {
  call: (channel: string, input: unknown) => Promise<unknown>;
  houseId: number;
  ticket(extra?: Record<string, unknown>): Promise<TicketDetailT>;
};

/** "第1处…第2处…" up to n characters: every stretch is distinct, so a test sees the whole text in order */
export const numberedText = (n: number) => {
  let s = '';
  for (let i = 1; s.length < n; i++) s += `第${i}处墙面渗水发霉，`;
  return s.slice(0, n);
};

/** Renames the signed-in user, who is the actor and 受理人. */
export async function renameUser(call: (channel: string, input: unknown) => Promise<unknown>, displayName: string): Promise<void> {
  const { user } = (await call('auth.status', {})) as { user: { id: number } };
  await call('users.update', { id: user.id, displayName });
}

export async function docCore(opts: { staffName?: string } = {}): Promise<DocCore> {
  const core = await tempCore();
  const call = (channel: string, input: unknown) => must(core.dispatch(channel, input) as never) as Promise<unknown>;
  const estate = (await call('archives.estates.create', { name: '翠湖花园', phone: '0755-88886666' })) as { id: number };
  const b = (await call('archives.buildings.create', { estateId: estate.id, name: '3' })) as { id: number };
  const h = (await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' })) as { id: number };
  // the signed-in user is the actor and 受理人 (docs/ACCOUNTS.md): the test's administrator takes the name
  if (opts.staffName) await renameUser(call, opts.staffName);
  const ticket = (extra: Record<string, unknown> = {}) =>
    call('desk.tickets.create', {
      type: '报修',
      channel: '来访',
      houseId: h.id,
      category: '工程维修',
      urgency: '一般',
      reporter: '王芳',
      phone: '13800001111',
      description: '厨房水龙头漏水',
      ...extra,
    }) as Promise<TicketDetailT>;
  return Object.assign(core, { call, houseId: h.id, ticket });
}
