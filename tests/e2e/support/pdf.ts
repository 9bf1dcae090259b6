import { execFileSync } from 'node:child_process';

/** Text of a PDF via poppler's pdftotext (installed by .ci/run): what a person would read on the page. */
export function pdfText(file: string): string {
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`无法读取 PDF（需要 poppler-utils：apt-get install poppler-utils）：${String(err)}`, { cause: err });
  }
}

/** Font types in a PDF via poppler's pdffonts ("CID TrueType", "Type 3", …), one per embedded font. */
export function pdfFontTypes(file: string): string[] {
  let out: string;
  try {
    out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`无法读取 PDF 字体（需要 poppler-utils：apt-get install poppler-utils）：${String(err)}`, { cause: err });
  }
  // columns: name, type, encoding, emb, sub, uni, object ID; the type sits between two runs of spaces
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => /^\S+\s+(.+?)\s{2,}/.exec(l)?.[1] ?? l);
}
