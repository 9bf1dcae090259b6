/** Number of pages in a PDF produced by Chromium (counts page objects, not the page tree). */
export function countPdfPages(pdf: Buffer): number {
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g);
  return matches ? matches.length : 0;
}
