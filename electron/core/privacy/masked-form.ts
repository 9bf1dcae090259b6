import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { maskIdNumber, maskPhone } from '../../../shared/domain/mask';
import { toHalfWidth } from '../../../shared/domain/text';
import { invalid } from '../errors';

// Forms get numbers masked like every screen (docs/PRIVACY.md) and may send a mask back: it stands for
// a stored number, or for nothing, never for itself. One rule for every form that takes a number.

export const MASKED_PHONE_REFUSAL = '电话号码不能包含 *，请输入完整号码';
export const MASKED_ID_REFUSAL = '证件号码不能包含 *，请输入完整号码';

/** a mask as a form sent it, in the shape maskPhone writes (half-width, no spaces, dashes or brackets) */
const sentPhoneMask = (sent: string) => toHalfWidth(sent).replace(/[\s\-()（）]/g, '');

/**
 * The stored phone a masked one stands for: the one candidate whose mask it is. A mask of none, or of
 * two different numbers, is refused on `field`: staff then type the number in full.
 */
export function unmaskPhone(sent: string, candidates: ReadonlyArray<string | null | undefined>, field: string): string {
  const mask = sentPhoneMask(sent);
  const matches = [...new Set(candidates.filter((c): c is string => !!c && maskPhone(c) === mask))];
  const distinct = new Set(matches.map((m) => m.replace(/\D/g, '')));
  if (distinct.size > 1) {
    const message = `本户有多个号码显示为 ${mask}，请输入完整号码`;
    throw invalid(message, { [field]: message });
  }
  if (!matches.length) throw invalid(MASKED_PHONE_REFUSAL, { [field]: MASKED_PHONE_REFUSAL });
  return matches[0];
}

/** The stored ID number a masked one stands for: the first candidate (in the caller's order of preference) whose mask it is. */
export function unmaskIdNumber(sent: string, candidates: ReadonlyArray<string | null | undefined>, field: string): string {
  const mask = sent.replace(/\s+/g, '').toUpperCase();
  const match = candidates.find((c) => !!c && maskIdNumber(c).toUpperCase() === mask);
  if (!match) throw invalid(MASKED_ID_REFUSAL, { [field]: MASKED_ID_REFUSAL });
  return match;
}

/**
 * The phones of a house's current residents (owners only, for a handover's receiver): what a form
 * prefilled from the household, whose phones the screen has masked, may have sent back.
 */
export async function residentPhones(db: Kysely<DB>, houseId: number, opts: { ownersOnly?: boolean } = {}): Promise<string[]> {
  let q = db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['p.phone', 'p.phone2'])
    .where('o.house_id', '=', houseId)
    .where('o.ended_at', 'is', null)
    .where('p.voided_at', 'is', null);
  if (opts.ownersOnly) q = q.where('o.role', 'in', ['owner', 'co_owner']);
  const rows = await q.orderBy('o.id').execute();
  return rows.flatMap((r) => [r.phone, r.phone2]).filter((v): v is string => !!v);
}
