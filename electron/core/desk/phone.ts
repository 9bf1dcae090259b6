import type { CoreContext } from '../context';
import { isMasked, maskPhone } from '../../../shared/domain/mask';
import { normalisePhone, toHalfWidth } from '../../../shared/domain/text';
import { invalid } from '../errors';

// Screens get a ticket's phone masked (docs/PRIVACY.md), and so do the household and lookup answers the
// intake form fills the reporter from. A form may therefore send a masked number back; it stands for a
// stored one or for nothing, never for itself.

export const MASKED_PHONE_REFUSAL = '电话号码不能包含 *，请输入完整号码';

const refused = (message = MASKED_PHONE_REFUSAL) => invalid(message, { phone: message });

/** the masked text as the form sent it, in the shape maskPhone writes (half-width, no spaces or dashes) */
const sentMask = (sent: string) => toHalfWidth(sent).replace(/[\s\-()（）]/g, '');

/**
 * The number a sent phone stands for: typed digits as they are (normalised); a masked value, the one
 * candidate whose mask it is. A mask of none of them, or of two different numbers, is refused on the
 * field: staff then type the number in full.
 */
export function phoneFromForm(sent: string | null | undefined, candidates: (string | null)[]): string | null {
  if (!sent) return null;
  if (!isMasked(sent)) return normalisePhone(sent) || null;
  const mask = sentMask(sent);
  const matches = new Set(candidates.filter((c): c is string => !!c && maskPhone(c) === mask).map(normalisePhone));
  if (matches.size === 1) return [...matches][0];
  if (matches.size > 1) throw refused(`本户有多个号码显示为 ${mask}，请输入完整号码`);
  throw refused();
}

/**
 * 受理 from a house: the reporter and phone were filled from one of its current residents, whose
 * number the household read gave masked. Their stored numbers are the candidates (a public-area
 * request has none: a masked number there is refused).
 */
export async function intakePhone(ctx: CoreContext, sent: string | null | undefined, houseId: number | null | undefined): Promise<string | null> {
  if (!isMasked(sent) || !houseId) return phoneFromForm(sent, []);
  const people = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['p.phone', 'p.phone2'])
    .where('o.house_id', '=', houseId)
    .where('o.ended_at', 'is', null)
    .where('p.voided_at', 'is', null)
    .execute();
  return phoneFromForm(
    sent,
    people.flatMap((p) => [p.phone, p.phone2]),
  );
}
