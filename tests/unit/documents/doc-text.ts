// Reading a rendered document back in tests: the words of the HTML page and of the Word file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** the text of an HTML page, tags and the style sheet left out */
export const htmlText = (html: string) => unescape(html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));

/** one part of a .docx (word/document.xml unless named), read with unzip */
export function wordXml(bytes: Buffer, part = 'word/document.xml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-docx-'));
  try {
    const file = join(dir, 'x.docx');
    writeFileSync(file, bytes);
    return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** the text of the runs in a document.xml */
export const runsText = (xml: string) => unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

/** the text of a Word file's body */
export const wordText = (bytes: Buffer) => runsText(wordXml(bytes));
