import { execFileSync } from 'node:child_process';

/** Text of a PDF via poppler's pdftotext (installed by .ci/run): what a person would read on the page. */
export function pdfText(file: string): string {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`无法读取 PDF（需要 poppler-utils：apt-get install poppler-utils）：${String(err)}`);
  }
}
