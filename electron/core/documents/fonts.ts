// The printout font, embedded in every printed document (docs/PRINTING.md).
//
// resources/fonts/FrontDeskPrint-*.ttf is the GB 2312 repertoire of Noto Sans CJK SC with TrueType
// outlines (scripts/build-print-font.py). Chromium's PDF writer embeds TrueType as CID fonts; the CFF
// faces installed on the system come out as dozens of Type 3 fonts and cost seconds of CPU per slip.
// Each document carries its own subset (only the characters it uses) as a data: URL, so the PDF is
// small, quick to write and looks the same on every PC; the print CSP allows font-src data:.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

export const PRINT_FONT_FAMILY = 'FrontDesk Print';
const FACES = [
  { weight: 400, file: 'FrontDeskPrint-Regular.ttf' },
  { weight: 700, file: 'FrontDeskPrint-Bold.ttf' },
] as const;

/** Characters every document may show whatever its text (digits, Latin, the usual punctuation). */
const ALWAYS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s + '　，。、；：？！“”‘’（）【】《》—…·□■○●√×';
})();

// The Electron shell points at its packaged resources (set before this module loads, on first use);
// otherwise the repo's resources/fonts is found.
let fontDir: string | null = process.env.FRONTDESK_FONTS_DIR ? resolve(process.env.FRONTDESK_FONTS_DIR) : null;

function findFontDir(): string {
  if (fontDir) return fontDir;
  // from electron/core/documents (sources, tests) or out/main (the built app): the nearest resources/fonts
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FACES[0].file))) return (fontDir = candidate);
    dir = dirname(dir);
  }
  throw new Error('未找到打印字体（resources/fonts/FrontDeskPrint-Regular.ttf）');
}

// the 2 MB font files, read once per process
let faces: Promise<Buffer[]> | null = null;
function loadFaces(): Promise<Buffer[]> {
  if (!faces) {
    const dir = findFontDir();
    faces = Promise.all(FACES.map((f) => readFile(join(dir, f.file))));
    faces.catch(() => {
      faces = null;
    });
  }
  return faces;
}

/** The distinct characters of a text plus ALWAYS, in code point order (a stable cache key). */
function charactersOf(text: string): string {
  const set = new Set<string>(ALWAYS);
  for (const ch of text) if (ch > '\u007f') set.add(ch);
  return [...set].sort().join('');
}

// the same document is usually previewed again (paper size, reopening): keep a few recent subsets
const SUBSET_CACHE_SIZE = 16;
const subsets = new Map<string, Promise<string>>();

async function buildCss(chars: string): Promise<string> {
  const files = await loadFaces();
  const rules: string[] = [];
  for (let i = 0; i < FACES.length; i++) {
    const ttf = await subsetFont(files[i], chars, { targetFormat: 'truetype' });
    rules.push(
      `@font-face { font-family: "${PRINT_FONT_FAMILY}"; font-weight: ${FACES[i].weight}; font-style: normal; font-display: block; src: url(data:font/ttf;base64,${ttf.toString('base64')}) format("truetype"); }`,
    );
  }
  return rules.join('\n');
}

/** @font-face rules embedding both faces, cut down to the characters of `text`. */
export function printFontCss(text: string): Promise<string> {
  const chars = charactersOf(text);
  let css = subsets.get(chars);
  if (css) {
    subsets.delete(chars);
  } else {
    css = buildCss(chars);
    css.catch(() => subsets.delete(chars));
  }
  subsets.set(chars, css);
  while (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value as string);
  return css;
}

/** Reads the font files and starts harfbuzz ahead of the first printout (the shells call it at start). */
export async function warmPrintFonts(): Promise<void> {
  await printFontCss('受理单派工单');
}
