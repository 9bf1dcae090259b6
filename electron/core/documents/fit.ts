// How much text fits in a box of a printed document, worked out before Chromium lays it out, so
// a long description shrinks (or moves to a continuation sheet) instead of pushing the cut line
// or the signatures onto a second page (docs/PRINTING.md, "Printouts that fit").
//
// The print font is Noto Sans CJK: every Chinese character and full-width sign is 1 em wide;
// Latin letters and digits are narrower (≤ 0.6 em). Lines break anywhere (word-break: break-all),
// so a greedy fill with a small safety margin (Chromium keeps ，。 off the start of a line by
// pulling a character down) matches what prints.

export const PT_MM = 25.4 / 72;
/** share of a line's width assumed usable, for punctuation that moves a character to the next line */
const SAFETY = 0.98;

const charEm = (ch: string): number => {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20) return 0;
  if (c < 0x7f) return 0.6;
  if (c < 0x2e80 && !(c >= 0x2000 && c < 0x2070) && !(c >= 0x2460 && c < 0x2800)) return 0.6;
  return 1;
};

/** Lines a text takes at a size in a column of a width; every typed line break starts a line. */
export function linesFor(text: string, sizePt: number, widthMm: number): number {
  const lineEm = (widthMm * SAFETY) / (sizePt * PT_MM);
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    lines++;
    for (const ch of para) {
      const w = charEm(ch);
      if (used + w > lineEm) {
        lines++;
        used = 0;
      }
      used += w;
    }
  }
  return lines;
}

export interface TextFit {
  sizePt: number;
  lineHeight: number;
  /** the text to print in the box: all of it, or the start of it when it goes on to a continuation sheet */
  text: string;
  truncated: boolean;
}

export const CONTINUED = '……（全文见续页）';

/**
 * The largest of `sizes` at which `text` fits `heightMm` × `widthMm`; at the smallest size, the
 * start of the text that fits, ending with CONTINUED.
 */
export function fitText(
  text: string,
  box: { widthMm: number; heightMm: number },
  sizes: readonly number[] = [10.5, 10, 9.5, 9.25, 9, 8.75, 8.5, 8.25, 8],
  lineHeight = 1.45,
): TextFit {
  const linesAt = (size: number) => Math.floor(box.heightMm / (size * PT_MM * lineHeight));
  for (const size of sizes) {
    if (linesFor(text, size, box.widthMm) <= linesAt(size)) return { sizePt: size, lineHeight, text, truncated: false };
  }
  const size = sizes[sizes.length - 1];
  const max = linesAt(size);
  const chars = [...text];
  // the longest start (binary search over characters) that fits with the continuation mark
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (linesFor(chars.slice(0, mid).join('') + CONTINUED, size, box.widthMm) <= max) lo = mid;
    else hi = mid - 1;
  }
  return { sizePt: size, lineHeight, text: chars.slice(0, lo).join('').trimEnd() + CONTINUED, truncated: true };
}
