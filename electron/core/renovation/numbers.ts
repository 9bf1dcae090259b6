// Numbers on renovation and move-out screens (docs/PRIVACY.md): every read that goes to a screen
// carries the resident's phone and the workers' numbers masked; the contractor's phone is a business
// number and stays whole. There is no 显示 for these records, so the form round trip does the rest: a
// masked value sent back as it was shown keeps the stored number, and one that is the mask of a
// current occupant's phone (the form prefills the applicant from the household, whose phones the
// screen also has masked) takes that occupant's number; any other value with a * is refused.
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { MoveOutPassT, RenovationT } from '../../../shared/contract/renovation';
import { isMasked, maskIdNumber, maskPhone } from '../../../shared/domain/mask';
import { invalid } from '../errors';

export const MASKED_PHONE_REFUSAL = '电话号码不能包含 *，请输入完整号码';
export const MASKED_ID_REFUSAL = '证件号码不能包含 *，请输入完整号码';

type Worker = RenovationT['workers'][number];

const phoneMask = (v: string | null) => (v ? maskPhone(v) : null);
const idMask = (v: string | null) => (v ? maskIdNumber(v) : null);

/** A renovation as a screen shows it: applicant's phone and the workers' ID numbers and phones masked. */
export const renovationForScreen = (r: RenovationT): RenovationT => ({
  ...r,
  applicantPhone: phoneMask(r.applicantPhone),
  workers: r.workers.map((w) => ({ ...w, idNo: idMask(w.idNo), phone: phoneMask(w.phone) })),
});

/** A pass as a screen shows it: the resident's phone masked. */
export const passForScreen = (p: MoveOutPassT): MoveOutPassT => ({ ...p, phone: phoneMask(p.phone) });

/** the phones of the house's current residents: what a masked applicant phone may stand for */
export async function occupantPhones(trx: Transaction<DB>, houseId: number): Promise<string[]> {
  const rows = await trx
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['p.phone', 'p.phone2'])
    .where('o.house_id', '=', houseId)
    .where('o.ended_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .execute();
  return rows.flatMap((r) => [r.phone, r.phone2]).filter((v): v is string => !!v);
}

/** The phone to store for what the form sent: as typed, or the known number whose mask it is. */
export function keptPhone(sent: string | null, known: Array<string | null>, field: string): string | null {
  if (!isMasked(sent)) return sent;
  const shown = sent.replace(/\s+/g, '');
  const match = known.find((k) => k && maskPhone(k) === shown);
  if (match) return match;
  throw invalid(MASKED_PHONE_REFUSAL, { [field]: MASKED_PHONE_REFUSAL });
}

/** The workers to store: each masked ID number or phone back to the stored worker's (the same name first). */
export function keptWorkers(sent: Worker[], stored: Worker[]): Worker[] {
  return sent.map((w, i) => {
    const mine = stored.filter((s) => s.name === w.name);
    let idNo = w.idNo;
    if (isMasked(idNo)) {
      const shown = idNo.toUpperCase();
      const match = [...mine, ...stored].find((s) => s.idNo && maskIdNumber(s.idNo).toUpperCase() === shown);
      if (!match) throw invalid(MASKED_ID_REFUSAL, { [`workers.${i}.idNo`]: MASKED_ID_REFUSAL });
      idNo = match.idNo;
    }
    const phone = keptPhone(
      w.phone,
      [...mine, ...stored].map((s) => s.phone),
      `workers.${i}.phone`,
    );
    return { ...w, idNo, phone };
  });
}
