// Masked personal data (docs/PRIVACY.md): what every screen, export and printout shows unless the
// user reveals one number (privacy.reveal, audited) or a printout needs the full one and says so.
export { maskIdNumber } from './idcard';

/**
 * Phones are shown with the middle hidden ("138****5678"): the screen faces the counter. The last 4
 * stay, because that is what staff match on.
 */
export function maskPhone(raw: string | null | undefined): string {
  if (!raw) return '';
  const d = raw.replace(/[^\d+]/g, '');
  if (d.length <= 4) return d;
  if (d.length < 8) return '*'.repeat(d.length - 4) + d.slice(-4);
  return d.slice(0, 3) + '*'.repeat(d.length - 7) + d.slice(-4);
}

/** a stored phone as a screen gets it; none stays none */
export const maskedPhone = (raw: string | null): string | null => (raw ? maskPhone(raw) || null : null);

/** A masked value (it has a *) the form sent back as it was shown. */
export const isMasked = (v: string | null | undefined): v is string => !!v && v.includes('*');
