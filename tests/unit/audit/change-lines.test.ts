import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';

// issue 11: every change writes who, when, what, before → after; an ID number never in clear
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

const ID_OLD = '110105194912310021';
const ID_NEW = '11010519491231002X';

async function lines(entity: string, action?: string) {
  let q = core.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', entity);
  if (action) q = q.where('action', '=', action);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}

async function allAuditText() {
  return (await core.ctx.db.selectFrom('audit_log').select('detail').execute()).map((r) => r.detail ?? '').join('\n');
}

async function setupPerson() {
  const estate = (await must(call('archives.estates.create', { name: '翠湖花园', phone: '0755-88886666' }) as never)) as { id: number };
  const building = (await must(call('archives.buildings.create', { estateId: estate.id, name: '3', floors: 32 }) as never)) as { id: number };
  const house = (await must(
    call('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已交付' }) as never,
  )) as {
    id: number;
  };
  const occ = (await must(
    call('archives.people.attach', { houseId: house.id, role: 'owner', person: { name: '张三', phone: '13812345678', idNumber: ID_OLD } }) as never,
  )) as { person: { id: number } };
  return { house, personId: occ.person.id };
}

describe('audit lines of archive updates', () => {
  it('people.update writes before → after of each changed field, the ID number masked', async () => {
    const { personId } = await setupPerson();
    await must(call('archives.people.update', { id: personId, name: '张三', phone: '13900000000', idNumber: ID_NEW }) as never);
    const [line] = await lines('person', 'update');
    expect(line.detail).toMatchObject({
      changes: { phone: ['13812345678', '13900000000'], id_number: ['110***********0021', '110***********002X'] },
    });
    const text = await allAuditText();
    expect(text).not.toContain(ID_OLD);
    expect(text).not.toContain(ID_NEW);
  });

  it('an ID number typed into a note is masked in the audit line too (people and houses)', async () => {
    const { personId, house } = await setupPerson();
    await must(call('archives.people.update', { id: personId, name: '张三', phone: '13812345678', idNumber: ID_OLD, notes: `配偶 ${ID_NEW}` }) as never);
    await must(call('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', notes: `租客证件 ${ID_NEW}` }) as never);
    const b = await core.ctx.db.selectFrom('buildings').select('id').executeTakeFirstOrThrow();
    await must(call('archives.houses.create', { buildingId: b.id, roomNo: '1601', type: '住宅', status: '空置', notes: `原业主 ${ID_OLD}` }) as never);
    expect((await lines('person', 'update'))[0].detail).toMatchObject({ changes: { notes: [null, '配偶 110***********002X'] } });
    expect((await lines('house', 'update'))[0].detail).toMatchObject({ notes: [null, '租客证件 110***********002X'] });
    const text = await allAuditText();
    expect(text).not.toContain(ID_OLD);
    expect(text).not.toContain(ID_NEW);
  });

  it('houses.update keeps before → after', async () => {
    const { house } = await setupPerson();
    await must(call('archives.houses.update', { id: house.id, type: '住宅', status: '已入住', notes: '钥匙在前台' }) as never);
    const [line] = await lines('house', 'update');
    expect(line.detail).toMatchObject({ status: ['已交付', '已入住'], notes: [null, '钥匙在前台'] });
  });
});

describe('audit lines of settings', () => {
  it('the company name and the staff name write before → after, in one line per save', async () => {
    await must(call('system.settings.update', { companyName: '安居物业', staffName: '小王' }) as never);
    const got = await lines('settings', 'update');
    expect(got).toHaveLength(1);
    expect(got[0].detail).toEqual({ changes: { companyName: ['', '安居物业'], staffName: ['前台', '小王'] } });
    // the line is attributed to who was at the counter when it was saved
    expect(got[0].actor).toBe('前台');
  });

  it('a logo change is recorded as changed, never with its data URL', async () => {
    const logo = `data:image/png;base64,${'iVBORw0KGgo'.padEnd(400, 'A')}`;
    await must(call('system.settings.update', { logo }) as never);
    const [line] = await lines('settings', 'update');
    expect(line.detail).toEqual({ changes: { logo: 'changed' } });
    expect(await allAuditText()).not.toContain('base64');
  });

  it('a save that changes nothing writes no line', async () => {
    await must(call('system.settings.update', { staffName: '前台' }) as never);
    expect(await lines('settings', 'update')).toHaveLength(0);
  });

  it('desk.config.update writes before → after of what changed', async () => {
    const cfg = (await must(call('desk.config.get', {}) as never)) as { dueSoonMinutes: number; counterHours: { open: string; close: string } };
    await must(call('desk.config.update', { dueSoonMinutes: 120, counterHours: { open: '09:00', close: cfg.counterHours.close } }) as never);
    const [line] = await lines('desk_config', 'update');
    expect(line.detail).toEqual({
      changes: { dueSoonMinutes: [cfg.dueSoonMinutes, 120], counterHours: [cfg.counterHours, { open: '09:00', close: cfg.counterHours.close }] },
    });
  });
});
