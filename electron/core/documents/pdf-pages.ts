import { PDFDocument } from 'pdf-lib';

/**
 * Number of pages in a PDF. Chromium writes plain page objects, counted without parsing; a PDF
 * written with object streams (pdf-lib's merge of a batch) hides them, so it is parsed instead.
 */
export async function countPdfPages(pdf: Buffer): Promise<number> {
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g);
  if (matches) return matches.length;
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}
