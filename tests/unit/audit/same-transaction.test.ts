import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { tempCore, must } from '../helpers/temp-core';

// "every change … in the database in the same transaction as the change" (issue 11): when the
// audit line cannot be written, the change must not land either
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

/** from now on every audit line is refused, as a full disk or a broken table would */
const breakAudit = () => sql`create trigger audit_refused before insert on audit_log begin select raise(abort, 'audit refused'); end`.execute(core.ctx.db);
const count = async (table: 'estates' | 'buildings' | 'houses') =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(core.ctx.db)).rows[0].n);
const settingsValue = async (key: string) =>
  (await core.ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;

describe('a change and its audit line land together or not at all', () => {
  it('creating an estate or a building', async () => {
    const estate = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
    await breakAudit();
    expect((await call('archives.estates.create', { name: '碧水苑' })).ok).toBe(false);
    expect((await call('archives.buildings.create', { estateId: estate.id, name: '5' })).ok).toBe(false);
    expect(await count('estates')).toBe(1);
    expect(await count('buildings')).toBe(0);
  });

  it('updating a person, a house, the settings and the desk config', async () => {
    const estate = (await must(call('archives.estates.create', { name: '翠湖花园' }) as never)) as { id: number };
    const b = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3' }) as never)) as { id: number };
    const h = (await must(call('archives.houses.create', { buildingId: b.id, roomNo: '1502', type: '住宅', status: '已交付' }) as never)) as { id: number };
    const occ = (await must(call('archives.people.attach', { houseId: h.id, role: 'owner', person: { name: '张三', phone: '13812345678' } }) as never)) as {
      person: { id: number };
    };
    const settingsBefore = await settingsValue('app.settings');
    const deskBefore = await settingsValue('desk.config');
    await breakAudit();

    expect((await call('archives.people.update', { id: occ.person.id, name: '张三', phone: '13900000000' })).ok).toBe(false);
    expect((await call('archives.houses.update', { id: h.id, type: '住宅', status: '已入住' })).ok).toBe(false);
    expect((await call('system.settings.update', { companyName: '安居物业' })).ok).toBe(false);
    expect((await call('desk.config.update', { dueSoonMinutes: 120 })).ok).toBe(false);

    const person = await core.ctx.db.selectFrom('people').select('phone').where('id', '=', occ.person.id).executeTakeFirstOrThrow();
    expect(person.phone).toBe('13812345678');
    const house = await core.ctx.db.selectFrom('houses').select('status').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(house.status).toBe('已交付');
    expect(await settingsValue('app.settings')).toBe(settingsBefore);
    expect(await settingsValue('desk.config')).toBe(deskBefore);
  });
});
