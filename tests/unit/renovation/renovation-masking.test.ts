import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore, must } from '../helpers/temp-core';
import type { MoveOutPassT, RenovationInputT, RenovationT } from '../../../shared/contract/renovation';

// Renovation and move-out screens get the resident's phone and the workers' numbers masked
// (docs/PRIVACY.md); the form sends them back as shown and main keeps the stored numbers
// (core/renovation/numbers.ts). The contractor's phone is a business number and stays whole.
type Core = Awaited<ReturnType<typeof tempCore>>;
let core: Core;
let houseId: number;
const call = (channel: string, input: unknown) => core.dispatch(channel, input);
const ok = <T>(channel: string, input: unknown) => must(call(channel, input) as never) as Promise<T>;
const refusal = async (channel: string, input: unknown) => {
  const r = await call(channel, input);
  if (r.ok) throw new Error(`${channel} 应被拒绝`);
  return r.error as { code: string; message: string; fields?: Record<string, string> };
};
const stored = (id: number) =>
  core.ctx.sqlite.prepare('select applicant_phone, contractor_phone, workers from renovations where id = ?').get(id) as {
    applicant_phone: string | null;
    contractor_phone: string | null;
    workers: string;
  };
const REFUSAL = '电话号码不能包含 *，请输入完整号码';

beforeEach(async () => {
  core = await tempCore();
  core.ctx.now = () => new Date('2026-12-05T02:00:00.000Z');
  const estate = await ok<{ id: number }>('archives.estates.create', { name: '翠湖花园' });
  const b = await ok<{ id: number }>('archives.buildings.create', { estateId: estate.id, name: '3' });
  houseId = (await ok<{ id: number }>('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' })).id;
  await ok('archives.people.attach', { houseId, role: 'owner', person: { name: '王芳', phone: '13600006666' } });
});
afterEach(async () => {
  await core.cleanup();
});

const registration = (extra: Partial<RenovationInputT> = {}): RenovationInputT => ({
  houseId,
  applicant: '王芳',
  applicantPhone: '13800001111',
  contractor: '深圳市美家装饰工程有限公司',
  contractorContact: '李工',
  contractorPhone: '13900002222',
  workers: [{ name: '张师傅', idNo: '440301199001011234', phone: '13700003333' }],
  startDate: '2026-12-08',
  endDate: '2027-02-28',
  scope: '客厅墙面翻新',
  items: ['防水'],
  deposit: 2000,
  fees: [],
  hotWork: null,
  ...extra,
});

/** what the edit form sends back: the record as the screen got it */
const asForm = (r: RenovationT, extra: Partial<RenovationInputT> = {}): RenovationInputT => ({
  ...registration(),
  id: r.id,
  applicantPhone: r.applicantPhone,
  contractorPhone: r.contractorPhone,
  workers: r.workers,
  ...extra,
});

describe('renovation numbers on screens', () => {
  it('every read masks the applicant and the workers; the contractor stays whole', async () => {
    const saved = await ok<RenovationT>('renovation.save', registration());
    for (const r of [saved, await ok<RenovationT>('renovation.get', { id: saved.id }), ...(await ok<RenovationT[]>('renovation.list', { houseId }))]) {
      expect(r.applicantPhone).toBe('138****1111');
      expect(r.contractorPhone).toBe('13900002222');
      expect(r.workers).toEqual([{ name: '张师傅', idNo: '440***********1234', phone: '137****3333' }]);
    }
    const started = await ok<RenovationT>('renovation.start', { id: saved.id });
    expect(started.applicantPhone).toBe('138****1111');
    expect(JSON.stringify(started)).not.toContain('13800001111');
  });

  it('the edit form sends the masked numbers back: the stored ones are kept', async () => {
    const saved = await ok<RenovationT>('renovation.save', registration());
    const edited = await ok<RenovationT>('renovation.save', asForm(saved, { scope: '客厅、卧室墙面翻新' }));
    expect(edited.scope).toBe('客厅、卧室墙面翻新');
    expect(stored(saved.id)).toEqual({
      applicant_phone: '13800001111',
      contractor_phone: '13900002222',
      workers: JSON.stringify([{ name: '张师傅', idNo: '440301199001011234', phone: '13700003333' }]),
    });
    // a number typed anew replaces it
    await ok<RenovationT>('renovation.save', asForm(edited, { applicantPhone: '13811112222' }));
    expect(stored(saved.id).applicant_phone).toBe('13811112222');
  });

  it('any other value with a * is refused on its field, in Chinese', async () => {
    const saved = await ok<RenovationT>('renovation.save', registration());
    const e = await refusal('renovation.save', asForm(saved, { applicantPhone: '139****1111' }));
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { applicantPhone: REFUSAL } });
    const w = await refusal('renovation.save', asForm(saved, { workers: [{ name: '张师傅', idNo: '440***********9999', phone: null }] }));
    expect(w.fields).toEqual({ 'workers.0.idNo': '证件号码不能包含 *，请输入完整号码' });
    const p = await refusal('renovation.save', asForm(saved, { workers: [{ name: '张师傅', idNo: null, phone: '137****0000' }] }));
    expect(p.fields).toEqual({ 'workers.0.phone': REFUSAL });
    // the contractor's phone is shown whole: a * there is no phone at all
    const c = await refusal('renovation.save', asForm(saved, { contractorPhone: '139****2222' }));
    expect(Object.keys(c.fields ?? {})).toEqual(['contractorPhone']);
    expect(stored(saved.id).applicant_phone).toBe('13800001111');
  });

  it('a new registration prefilled from the household (its phone masked) stores the resident\u2019s number', async () => {
    const r = await ok<RenovationT>('renovation.save', registration({ applicantPhone: '136****6666' }));
    expect(stored(r.id).applicant_phone).toBe('13600006666');
    expect(r.applicantPhone).toBe('136****6666');
    expect((await refusal('renovation.save', registration({ applicantPhone: '136****0000' }))).fields).toEqual({ applicantPhone: REFUSAL });
  });
});

describe('move-out pass numbers on screens', () => {
  const pass = (phone: string | null) => ({
    houseId,
    applicant: '王芳',
    phone,
    relation: '业主',
    items: [{ name: '冰箱', qty: 1 }],
    plate: null,
    validFrom: '2026-12-05',
    validTo: '2026-12-06',
    approver: '陈主管',
  });
  const storedPhone = (id: number) => (core.ctx.sqlite.prepare('select phone from move_out_passes where id = ?').get(id) as { phone: string | null }).phone;

  it('the resident\u2019s phone is masked in every answer; a masked prefill from the household stores the whole number', async () => {
    const typed = await ok<MoveOutPassT>('moveout.save', pass('13800001111'));
    expect(typed.phone).toBe('138****1111');
    expect(storedPhone(typed.id)).toBe('13800001111');
    const prefilled = await ok<MoveOutPassT>('moveout.save', pass('136****6666'));
    expect(storedPhone(prefilled.id)).toBe('13600006666');
    expect((await ok<MoveOutPassT[]>('moveout.list', { houseId })).map((p) => p.phone)).toEqual(['136****6666', '138****1111']);
    expect((await ok<MoveOutPassT>('moveout.check', { id: typed.id })).phone).toBe('138****1111');
    expect((await refusal('moveout.save', pass('138****0000'))).fields).toEqual({ phone: REFUSAL });
  });
});
