import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../../shared/contract';
import type { AppError } from '../../../shared/contract/result';
import { must as mustValue, signInAs, signInTestAdmin, tempCore } from '../helpers/temp-core';

// The household file and the move-in screens get every phone and ID number masked, whatever the role
// (docs/PRIVACY.md); the full number only through privacy.reveal (ID numbers with ids.full), audited.
// An edit form sends the masked values back: unchanged they keep the stored numbers, any other * is refused.

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;

type Answer<C extends Channel> = { ok: true; value: Output<C> } | { ok: false; error: AppError };
const call = async <C extends Channel>(channel: C, input: Input<C>) => (await core.dispatch(channel, input)) as Answer<C>;
const must = <C extends Channel>(channel: C, input: Input<C>) => mustValue(call(channel, input));

const PHONE = '13812345678';
const PHONE2 = '13987654321';
const EMERGENCY = '075588886666';
const ID = '11010519491231002X';
/** any of the full numbers, in any answer */
const FULL = new RegExp([PHONE, PHONE2, EMERGENCY, ID].join('|'));

const auditRows = () =>
  core.ctx.sqlite.prepare('select actor, entity, entity_id as entityId, action, detail from audit_log order by id').all() as {
    actor: string;
    entity: string;
    entityId: number;
    action: string;
    detail: string;
  }[];
const storedNumbers = (id: number) =>
  core.ctx.sqlite.prepare('select phone, phone2, emergency_phone as emergencyPhone, id_number as idNumber from people where id = ?').get(id);

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

/** a sold house with an owner carrying every number, created by the administrator */
async function setup() {
  const estate = await must('archives.estates.create', { name: '翠湖花园' });
  const building = await must('archives.buildings.create', { estateId: estate.id, name: '3', floors: 32 });
  const house = await must('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已售未交付' });
  const occ = await must('archives.people.attach', {
    houseId: house.id,
    role: 'owner',
    person: { name: '张伟', phone: PHONE, phone2: PHONE2, idNumber: ID, emergencyContact: '李娜', emergencyPhone: EMERGENCY },
  });
  return { houseId: house.id, buildingId: building.id, personId: occ.person.id, attached: occ };
}

const MASKED = { phone: '138****5678', phone2: '139****4321', emergencyPhone: '075*****6666', idNumber: '110***********002X', idMasked: true };

describe('people are masked on every read that reaches a screen', () => {
  for (const role of ['clerk', 'supervisor', 'admin'] as const) {
    it(`as ${role}: household, finder (by full numbers), duplicates, attach and update answers, move-in owners`, async () => {
      const { houseId, personId, attached } = await setup();
      expect(attached.person).toMatchObject(MASKED);
      await signInAs(core.dispatch, role);

      const hh = await must('archives.household.get', { houseId });
      expect(hh.occupants[0].person).toMatchObject(MASKED);
      expect(JSON.stringify(hh)).not.toMatch(FULL);

      // the finder still searches the stored numbers: the whole phone, the whole ID number, a tail
      for (const query of [PHONE, ID, '5678', '002X']) {
        const found = await must('archives.people.find', { query });
        expect(
          found.map((m) => m.person.id),
          query,
        ).toEqual([personId]);
        expect(found[0].person).toMatchObject(MASKED);
        expect(JSON.stringify(found)).not.toMatch(FULL);
      }
      const dup = await must('archives.people.duplicates', { phone: PHONE, idNumber: ID });
      expect(dup.map((m) => [m.person.id, m.person.phone, m.person.idNumber])).toEqual([[personId, MASKED.phone, MASKED.idNumber]]);

      const updated = await must('archives.people.update', { id: personId, name: '张伟', phone: PHONE, idNumber: ID, emergencyPhone: EMERGENCY });
      expect(updated).toMatchObject({ phone: MASKED.phone, idNumber: MASKED.idNumber, emergencyPhone: MASKED.emergencyPhone, phone2: null });

      const view = await must('movein.handover.get', { houseId });
      expect(view.owners).toEqual([{ personId, name: '张伟', phone: MASKED.phone }]);
      const ho = await must('movein.handover.save', {
        houseId,
        checklist: [],
        keys: [],
        meters: { water: null, electricity: null, gas: null },
        defects: [],
        signatures: { owner: true, staff: true },
        receiverName: '张伟',
        receiverPhone: '13700001111',
        notes: null,
      });
      expect(ho.receiverPhone).toBe('137****1111');
      expect(JSON.stringify(await must('movein.handover.get', { houseId }))).not.toMatch(/13700001111|13812345678/);
    });
  }
});

describe('privacy.reveal of a person', () => {
  it('a clerk may not see the ID number (FORBIDDEN in Chinese, nothing written); a supervisor may, with one audit line', async () => {
    const { personId } = await setup();
    await signInAs(core.dispatch, 'clerk', '小王');
    const before = auditRows().length;
    const refused = await call('privacy.reveal', { subject: 'person', id: personId, field: 'idNumber' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('FORBIDDEN');
      expect(refused.error.message).toBe('当前账号（前台客服）没有权限：查看完整证件号码');
    }
    expect(auditRows()).toHaveLength(before);

    await must('auth.logout', {});
    await signInTestAdmin(core.dispatch);
    await signInAs(core.dispatch, 'supervisor', '赵主管');
    const start = auditRows().length;
    expect((await must('privacy.reveal', { subject: 'person', id: personId, field: 'idNumber' })).value).toBe(ID);
    const lines = auditRows().slice(start);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor: '赵主管', entity: 'person', entityId: personId, action: 'reveal' });
    expect(JSON.parse(lines[0].detail).field).toBe('idNumber');
    expect(lines[0].detail).not.toMatch(/1101051949|002X/);
  });

  it('a clerk may reveal a phone, and it is audited', async () => {
    const { personId } = await setup();
    await signInAs(core.dispatch, 'clerk', '小王');
    const start = auditRows().length;
    expect((await must('privacy.reveal', { subject: 'person', id: personId, field: 'emergencyPhone' })).value).toBe(EMERGENCY);
    const lines = auditRows().slice(start);
    expect(lines.map((l) => [l.actor, l.entity, l.entityId, l.action, JSON.parse(l.detail).field])).toEqual([
      ['小王', 'person', personId, 'reveal', 'emergencyPhone'],
    ]);
    expect(lines[0].detail).not.toMatch(FULL);
  });
});

describe('the edit form round trip', () => {
  it('masked values sent back unchanged keep every stored number, and the audit line names only what changed', async () => {
    const { houseId, personId } = await setup();
    await signInAs(core.dispatch, 'clerk', '小王');
    const shown = (await must('archives.household.get', { houseId })).occupants[0].person;
    const before = storedNumbers(personId);
    const start = auditRows().length;
    // the form as 编辑人员 sends it: every value as shown, the work unit typed
    await must('archives.people.update', {
      id: personId,
      name: shown.name,
      phone: shown.phone,
      phone2: shown.phone2,
      idType: shown.idType,
      idNumber: shown.idNumber,
      emergencyContact: shown.emergencyContact,
      emergencyPhone: shown.emergencyPhone,
      workUnit: '市一中',
    });
    expect(storedNumbers(personId)).toEqual(before);
    expect(storedNumbers(personId)).toEqual({ phone: PHONE, phone2: PHONE2, emergencyPhone: EMERGENCY, idNumber: ID });
    const lines = auditRows().slice(start);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0].detail).fields).toEqual(['work_unit']);
    // the finder still finds them by the stored digits
    expect((await must('archives.people.find', { query: PHONE })).map((m) => m.person.id)).toEqual([personId]);
  });

  it('any other value with a * is refused on its field in Chinese, and nothing changes', async () => {
    const { houseId, personId } = await setup();
    await signInAs(core.dispatch, 'clerk', '小王');
    const before = storedNumbers(personId);
    const start = auditRows().length;
    const cases: [Record<string, string>, string][] = [
      [{ phone: '138****5679' }, 'phone'],
      [{ phone2: '138****5678' }, 'phone2'], // the main phone's mask is not phone2's
      [{ emergencyPhone: '***' + '6666' + '00' }, 'emergencyPhone'],
      [{ idNumber: '110***********0021' }, 'idNumber'],
    ];
    for (const [fields, field] of cases) {
      const r = await call('archives.people.update', { id: personId, name: '张伟', ...fields });
      expect(r.ok, field).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields?.[field], field).toBe(field === 'idNumber' ? '证件号码不能包含 *，请输入完整号码' : '电话号码不能包含 *，请输入完整号码');
      }
    }
    // a new person cannot bring a masked number either: there is nothing stored to keep
    const attach = await call('archives.people.attach', { houseId, role: 'family', person: { name: '张小伟', phone: '138****5678' } });
    expect(attach.ok).toBe(false);
    if (!attach.ok) expect(attach.error.fields?.['person.phone']).toBe('电话号码不能包含 *，请输入完整号码');
    expect(storedNumbers(personId)).toEqual(before);
    expect(auditRows()).toHaveLength(start);
    expect((await must('archives.household.get', { houseId })).occupants).toHaveLength(1);
  });
});
