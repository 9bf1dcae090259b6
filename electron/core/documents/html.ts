// Printable documents are plain HTML + CSS rendered by Chromium (Electron's printToPDF / print,
// or headless Chromium in the harness), so the preview, the PDF and the paper are the same thing.

export const escapeHtml = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Tagged template that escapes every interpolated value unless it is already `Raw`. */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);
export function h(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  values.forEach((v, i) => {
    const part = v instanceof Raw ? v.html : Array.isArray(v) ? v.map((x) => (x instanceof Raw ? x.html : escapeHtml(String(x)))).join('') : escapeHtml(v as string);
    out += part + strings[i + 1];
  });
  return new Raw(out);
}

export type PageSize = 'A4' | 'A5';

const BASE_CSS = `
@page { size: var(--page); margin: 12mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif;
  color: #111; font-size: 10.5pt; line-height: 1.55; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.doc { page-break-after: always; }
.doc:last-child { page-break-after: auto; }
.org { text-align: center; font-size: 11pt; color: #333; letter-spacing: 1px; }
h1 { text-align: center; font-size: 18pt; margin: 2mm 0 1mm; letter-spacing: 6px; font-weight: 700; }
.meta { display: flex; justify-content: space-between; font-size: 9.5pt; color: #333; margin: 2mm 0 3mm; }
.no { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-weight: 700; font-size: 11pt; color: #000; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid th, table.grid td { border: 0.8pt solid #222; padding: 1.6mm 2mm; vertical-align: top; text-align: left; word-break: break-all; }
table.grid th { width: 22mm; background: #f1f3f5; font-weight: 600; white-space: nowrap; }
.tall { height: 26mm; }
.sign { display: flex; gap: 6mm; margin-top: 4mm; }
.sign > div { flex: 1; border-bottom: 0.8pt solid #222; padding-top: 9mm; font-size: 9.5pt; }
.note { font-size: 9pt; color: #333; margin-top: 3mm; }
.stub { border-top: 1pt dashed #666; margin-top: 6mm; padding-top: 3mm; }
.promise { border: 1pt solid #222; padding: 2mm 3mm; margin-top: 3mm; font-size: 10.5pt; }
.muted { color: #555; }
`;

export function page(title: string, size: PageSize, body: Raw | Raw[]): string {
  const content = Array.isArray(body) ? body.map((b) => b.html).join('') : body.html;
  const css = BASE_CSS.replace('var(--page)', size === 'A5' ? 'A5' : 'A4') + (size === 'A5' ? 'body { font-size: 9.5pt; } h1 { font-size: 15pt; } table.grid th { width: 19mm; } .stub { page-break-before: always; border-top: none; margin-top: 0; padding-top: 0; }' : '');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"><title>${escapeHtml(title)}</title><style>${css}</style></head><body>${content}</body></html>`;
}
