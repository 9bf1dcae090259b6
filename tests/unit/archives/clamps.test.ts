import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../../shared/contract';
import type { AppError } from '../../../shared/contract/result';
import { tempCore } from '../helpers/temp-core';

// Values the forms used to clamp or cut silently (issue 7, item 6) are now refused through the
// contract with a Chinese message naming the field and the limit, and nothing is written.

type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<{ ok: true; value: Output<C> } | { ok: false; error: AppError }> {
  return (await core.dispatch(channel, input)) as { ok: true; value: Output<C> } | { ok: false; error: AppError };
}
async function must<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await call(channel, input);
  if (!r.ok) throw new Error(`调用失败：${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}
/** the refusal's message for one field; fails if the call went through */
async function refused<C extends Channel>(channel: C, input: Input<C>, field: string): Promise<string> {
  const r = await call(channel, input);
  expect(r.ok, `${channel} 应被拒绝`).toBe(false);
  if (r.ok) return '';
  expect(r.error.code).toBe('VALIDATION');
  const message = r.error.fields?.[field];
  expect(message, `字段 ${field} 应有提示，实际 ${JSON.stringify(r.error.fields)}`).toBeTruthy();
  expect(message).toMatch(/\p{Script=Han}/u);
  return message ?? '';
}

beforeEach(async () => {
  core = await tempCore();
});
afterEach(async () => {
  await core.cleanup();
});

async function setup() {
  const estate = await must('archives.estates.create', { name: '翠湖花园' });
  const building = await must('archives.buildings.create', { estateId: estate.id, name: '3', floors: 18 });
  const house = await must('archives.houses.create', { buildingId: building.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已交付' });
  const occ = await must('archives.people.attach', { houseId: house.id, role: 'owner', person: { name: '张伟', phone: '13812345678' } });
  return { building, house, person: occ.person };
}

const houseInput = (buildingId: number, extra: Partial<Input<'archives.houses.create'>>): Input<'archives.houses.create'> => ({
  buildingId,
  unitName: '2',
  roomNo: '1601',
  type: '住宅',
  status: '未售',
  ...extra,
});

describe('silent clamps are now refused with the limit in Chinese', () => {
  it('floor −999 is refused with the allowed range (it was stored as −10); −2 and 200 still save', async () => {
    const { building, house } = await setup();
    expect(await refused('archives.houses.create', houseInput(building.id, { floor: -999 }), 'floor')).toBe('楼层应在 -10 到 200 之间（地下层写负数）');
    expect(await refused('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', floor: 201 }, 'floor')).toMatch('-10 到 200');
    expect(await refused('archives.houses.create', houseInput(building.id, { floor: 2.5 }), 'floor')).toBe('楼层应为整数');
    const map = await must('archives.buildings.map', { buildingId: building.id });
    expect(map.cells.map((c) => c.roomNo)).toEqual(['1502']);

    expect((await must('archives.houses.create', houseInput(building.id, { roomNo: 'B201', floor: -2 }))).floor).toBe(-2);
    expect((await must('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', floor: 200 })).floor).toBe(200);
  });

  it('a room number implying an impossible floor stores no floor rather than one the form would refuse', async () => {
    const { building } = await setup();
    expect((await must('archives.houses.create', houseInput(building.id, { roomNo: '99901' }))).floor).toBeNull();
    expect((await must('archives.houses.create', houseInput(building.id, { roomNo: '2101' }))).floor).toBe(21);
  });

  it('area −5 and 0 are refused (−5 was stored as 0), more than two decimals too; 89.55 saves', async () => {
    const { building, house } = await setup();
    expect(await refused('archives.houses.create', houseInput(building.id, { buildingArea: -5 }), 'buildingArea')).toBe('建筑面积应大于 0 ㎡（不清楚可留空）');
    expect(await refused('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', innerArea: 0 }, 'innerArea')).toMatch('套内面积应大于 0');
    expect(await refused('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', buildingArea: 100001 }, 'buildingArea')).toBe(
      '建筑面积不超过 100000 ㎡',
    );
    expect(await refused('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', buildingArea: 89.555 }, 'buildingArea')).toBe(
      '建筑面积最多两位小数',
    );
    expect((await must('archives.household.get', { houseId: house.id })).house.buildingArea).toBeNull();

    const saved = await must('archives.houses.update', { id: house.id, type: '住宅', status: '已交付', buildingArea: 89.55, innerArea: 72.1 });
    expect([saved.buildingArea, saved.innerArea]).toEqual([89.55, 72.1]);
  });

  it('a building of 0 or 121 floors is refused with the range', async () => {
    const { building } = await setup();
    const estateId = (await must('archives.buildings.list', { estateId: 1 }))[0].estateId;
    expect(await refused('archives.buildings.create', { estateId, name: '5', floors: 0 }, 'floors')).toBe('楼层数应在 1 到 120 之间');
    expect(await refused('archives.buildings.create', { estateId, name: '5', floors: 121 }, 'floors')).toBe('楼层数应在 1 到 120 之间');
    expect((await must('archives.buildings.create', { estateId, name: '5', floors: 120 })).floors).toBe(120);
    expect(building.floors).toBe(18);
  });

  it('a 41-character phone number is refused with the limit (the form used to cut it at 40)', async () => {
    const { house, person } = await setup();
    const long = `138${'1'.repeat(38)}`;
    expect(long).toHaveLength(41);
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', phone: long }, 'phone')).toBe('联系电话不超过40个字符');
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', emergencyPhone: long }, 'emergencyPhone')).toBe('紧急联系电话不超过40个字符');
    expect(await refused('archives.people.attach', { houseId: house.id, role: 'family', person: { name: '李娜', phone2: long } }, 'person.phone2')).toBe(
      '备用电话不超过40个字符',
    );
    const hh = await must('archives.household.get', { houseId: house.id });
    expect(hh.occupants.map((o) => o.person.phone)).toEqual(['138****5678']);

    const ok = await must('archives.people.update', { id: person.id, name: '张伟', phone: '0755-8888 6666' });
    expect(ok.phone).toBe('075*****6666');
    expect((await core.ctx.db.selectFrom('people').select('phone').where('id', '=', person.id).executeTakeFirstOrThrow()).phone).toBe('075588886666');
  });

  it('a 5-digit 身份证 number is refused; other document types need a plausible length', async () => {
    const { house, person } = await setup();
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', idNumber: '12345' }, 'idNumber')).toBe(
      '身份证号应为18位（最后一位可为X），旧证为15位数字',
    );
    // no type given means 身份证, as main stores it
    expect(
      await refused(
        'archives.people.attach',
        { houseId: house.id, role: 'family', person: { name: '李娜', idType: null, idNumber: '12345' } },
        'person.idNumber',
      ),
    ).toMatch('18位');
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', idType: '护照', idNumber: 'E12' }, 'idNumber')).toBe(
      '护照号码应为5至17位字母或数字',
    );
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', idType: '港澳通行证', idNumber: '12345678' }, 'idNumber')).toMatch(
      '字母开头',
    );
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', idType: '台胞证', idNumber: '123' }, 'idNumber')).toMatch('8至10位');
    expect((await must('archives.household.get', { houseId: house.id })).occupants[0].person.idNumber).toBeNull();

    // plausible numbers save: 18 digits (spaces and lower-case x tidied), legacy 15, passport, 港澳通行证
    // the answer is masked for every role (docs/PRIVACY.md): the stored number is what was tidied
    const stored = async () => (await core.ctx.db.selectFrom('people').select('id_number').where('id', '=', person.id).executeTakeFirstOrThrow()).id_number;
    expect((await must('archives.people.update', { id: person.id, name: '张伟', idNumber: '110105 19491231 002x' })).idNumber).toBe('110***********002X');
    expect(await stored()).toBe('11010519491231002X');
    const legacy = await must('archives.people.update', { id: person.id, name: '张伟', idNumber: '110105491231002' });
    expect(legacy.idNumber).toBe('110********1002');
    expect(await stored()).toBe('110105491231002');
    expect(legacy.idWarning).toMatch('15位');
    await must('archives.people.update', { id: person.id, name: '张伟', idType: '护照', idNumber: 'E12345678' });
    expect(await stored()).toBe('E12345678');
    await must('archives.people.update', { id: person.id, name: '张伟', idType: '港澳通行证', idNumber: 'C12345678' });
    expect(await stored()).toBe('C12345678');
  });

  it('a wrong GB 11643 check digit stays a warning, not a refusal', async () => {
    const { person } = await setup();
    const saved = await must('archives.people.update', { id: person.id, name: '张伟', idNumber: '110105194912310021' });
    expect(saved.idWarning).toMatch('校验位');
  });

  it('a date that does not exist is refused, not rolled over', async () => {
    const { house, person } = await setup();
    expect(await refused('archives.people.update', { id: person.id, name: '张伟', birthday: '1980-02-30' }, 'birthday')).toBe('没有这一天，请核对日期');
    expect(await refused('archives.parking.add', { houseId: house.id, code: 'B1-001', kind: '产权', startDate: '2026-13-01' }, 'startDate')).toBe(
      '没有这一天，请核对日期',
    );
    expect((await must('archives.people.update', { id: person.id, name: '张伟', birthday: '1980-02-29' })).birthday).toBe('1980-02-29');
  });

  it('a duplicate room is refused next to 房号', async () => {
    const { building } = await setup();
    const r = await call('archives.houses.create', houseInput(building.id, { roomNo: '1502' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.fields?.roomNo).toMatch('已存在');
    }
  });
});
