import type { CoreContext } from '../context';
import { isMasked } from '../../../shared/domain/mask';
import { normalisePhone } from '../../../shared/domain/text';
import { residentPhones, unmaskPhone } from '../privacy/masked-form';

// Screens get a ticket's phone masked (docs/PRIVACY.md), and so do the household and lookup answers the
// intake form fills the reporter from. A form may therefore send a masked number back; it stands for a
// stored one or for nothing, never for itself (privacy/masked-form.ts).

/** The number a sent phone stands for: typed digits normalised; a masked value, the one candidate whose mask it is. */
export function phoneFromForm(sent: string | null | undefined, candidates: (string | null)[]): string | null {
  if (!sent) return null;
  if (!isMasked(sent)) return normalisePhone(sent) || null;
  return normalisePhone(unmaskPhone(sent, candidates, 'phone'));
}

/**
 * 受理 from a house: the reporter and phone were filled from one of its current residents, whose
 * number the household read gave masked. Their stored numbers are the candidates (a public-area
 * request has none: a masked number there is refused).
 */
export async function intakePhone(ctx: CoreContext, sent: string | null | undefined, houseId: number | null | undefined): Promise<string | null> {
  if (!isMasked(sent) || !houseId) return phoneFromForm(sent, []);
  return phoneFromForm(sent, await residentPhones(ctx.db, houseId));
}
