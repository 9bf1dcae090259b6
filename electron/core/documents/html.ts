// Printable documents are plain HTML + CSS rendered by Chromium (Electron's printToPDF / print,
// or headless Chromium in the harness), so the preview, the PDF and the paper are the same thing.
// Sizes are in mm and pt so fit.ts can work out what fits a page (docs/PRINTING.md).
import { PRINT_FONT_FAMILY } from './fonts';

const escapeHtml = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Tagged template that escapes every interpolated value unless it is already `Raw`. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);
export function h(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  values.forEach((v, i) => {
    const part =
      v instanceof Raw ? v.html : Array.isArray(v) ? v.map((x) => (x instanceof Raw ? x.html : escapeHtml(String(x)))).join('') : escapeHtml(v as string);
    out += part + strings[i + 1];
  });
  return new Raw(out);
}

export type PageSize = 'A4' | 'A5';

/** Paper and the @page margins below, in mm: what the documents lay out against. */
const PAPER_MM: Record<PageSize, { w: number; h: number }> = { A4: { w: 210, h: 297 }, A5: { w: 148, h: 210 } };
const MARGIN_MM = { x: 14, y: 12 };
export const contentMm = (size: PageSize) => ({ w: PAPER_MM[size].w - 2 * MARGIN_MM.x, h: PAPER_MM[size].h - 2 * MARGIN_MM.y });

/** Table header column and cell padding (mm): a value cell spanning the table is this much narrower than the page. */
export const GRID = { th: 20, padX: 2, padY: 1.2, border: 0.3 };

// The printout face first; installed CJK faces only for characters outside GB 2312 (rare names).
const FONT_STACK = `"${PRINT_FONT_FAMILY}", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif`;

const css = (size: PageSize) => `
@page { size: ${size}; margin: ${MARGIN_MM.y}mm ${MARGIN_MM.x}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; color: #111; font-size: 10pt; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.doc { break-after: page; }
.doc:last-child { break-after: auto; }
.org { text-align: center; font-size: 10pt; line-height: 5mm; height: 5mm; color: #333; letter-spacing: 1px; }
.org-logo { height: 4.5mm; width: auto; vertical-align: -1mm; margin-right: 1.5mm; }
h1 { text-align: center; font-size: 16pt; line-height: 8mm; height: 8mm; margin: 0.5mm 0 0; letter-spacing: 6px; font-weight: 700; }
.meta { display: flex; justify-content: space-between; gap: 4mm; font-size: 9pt; line-height: 5mm; height: 5mm; color: #333; margin: 0.5mm 0 1mm; white-space: nowrap; }
.copy-label { font-weight: 700; color: #000; border: 0.3mm solid #222; padding: 0 1.5mm; }
.no { font-weight: 700; font-size: 10pt; color: #000; letter-spacing: 0.3px; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid th, table.grid td { border: ${GRID.border}mm solid #222; padding: ${GRID.padY}mm ${GRID.padX}mm; vertical-align: top; text-align: left; word-break: break-all; overflow-wrap: anywhere; }
table.grid th { width: ${GRID.th}mm; background: #f1f3f5; font-weight: 700; white-space: nowrap; }
table.grid col.th { width: ${GRID.th}mm; }
.text { white-space: pre-wrap; }
.sign { display: flex; gap: 6mm; margin-top: 3mm; }
.sign > div { flex: 1; border-bottom: 0.3mm solid #222; padding-top: 7mm; font-size: 9pt; line-height: 4.5mm; }
.note { font-size: 8.5pt; line-height: 4.5mm; color: #444; margin-top: 1mm; }
.promise { border: 0.3mm solid #222; border-top: none; padding: 1.2mm 2mm; font-size: 9.5pt; line-height: 1.45; }
.promise b { font-weight: 700; }
.cut { position: relative; border-top: 0.3mm dashed #666; margin: 4mm 0 3mm; height: 0; }
.cut span { position: absolute; left: 50%; top: -2.2mm; transform: translateX(-50%); background: #fff; padding: 0 2mm; font-size: 8pt; line-height: 4mm; color: #666; }
.blank { display: inline-block; min-width: 24mm; }
.continued h1 { font-size: 14pt; }
`;

export function page(title: string, size: PageSize, body: Raw | Raw[], fontCss: string): string {
  const content = Array.isArray(body) ? body.map((b) => b.html).join('') : body.html;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"><title>${escapeHtml(title)}</title><style>${fontCss}\n${css(size)}</style></head><body>${content}</body></html>`;
}
