/** Renovation and pass numbers come masked (docs/PRIVACY.md); sent back unchanged, main keeps the stored number (core/renovation/numbers.ts). */
export const MASKED_HINT = '号码已隐藏，不改动即保留原号码';
