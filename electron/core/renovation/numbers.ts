// Numbers on renovation and move-out screens (docs/PRIVACY.md): every read that goes to a screen
// carries the resident's phone and the workers' numbers masked; the contractor's phone is a business
// number and stays whole. There is no 显示 for these records, so the form round trip does the rest: a
// masked value sent back as it was shown keeps the stored number, and one that is the mask of a
// current occupant's phone (the form prefills the applicant from the household, whose phones the
// screen also has masked) takes that occupant's number; any other value with a * is refused.
import type { MoveOutPassT, RenovationT } from '../../../shared/contract/renovation';
import { isMasked, maskIdNumber, maskPhone } from '../../../shared/domain/mask';
import { unmaskIdNumber, unmaskPhone } from '../privacy/masked-form';

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

/** The phone to store for what the form sent: as typed, or the known number whose mask it is. */
export function keptPhone(sent: string | null, known: Array<string | null>, field: string): string | null {
  return isMasked(sent) ? unmaskPhone(sent, known, field) : sent;
}

/** The workers to store: each masked ID number or phone back to the stored worker's (the same name first). */
export function keptWorkers(sent: Worker[], stored: Worker[]): Worker[] {
  return sent.map((w, i) => {
    const mine = stored.filter((s) => s.name === w.name);
    let idNo = w.idNo;
    if (isMasked(idNo))
      idNo = unmaskIdNumber(
        idNo,
        [...mine, ...stored].map((s) => s.idNo),
        `workers.${i}.idNo`,
      );
    const phone = keptPhone(
      w.phone,
      [...mine, ...stored].map((s) => s.phone),
      `workers.${i}.phone`,
    );
    return { ...w, idNo, phone };
  });
}
