// Blocks → the HTML page Chromium previews and prints (docs/PRINTING.md). Every page of the model
// is one `.doc` sheet; content longer than a sheet flows onto the next one (tables repeat their
// header row), so nothing is ever cut off.
import { contentMm, GRID, h, page, raw, type PageSize, type Raw } from './html';
import { printFontCss } from './fonts';
import type { Align, Block, DocPage, Letterhead } from './model';

const LETTERHEAD_CSS = `
.lh { display: flex; align-items: center; gap: 3mm; border-bottom: 0.5mm solid #222; padding-bottom: 1.5mm; margin-bottom: 2mm; min-height: 12mm; }
.lh img { height: 11mm; width: auto; max-width: 40mm; object-fit: contain; }
.lh .lh-org { flex: 1; font-size: 11pt; font-weight: 700; line-height: 5.5mm; }
.lh .lh-org small { display: block; font-size: 8.5pt; font-weight: 400; color: #444; line-height: 4.5mm; }
.lh .lh-phone { font-size: 9pt; white-space: nowrap; color: #333; }
h2 { font-size: 12pt; line-height: 7mm; margin: 2mm 0 1mm; font-weight: 700; }
p.p { margin: 0 0 1.2mm; white-space: pre-wrap; word-break: break-all; }
p.p.indent { text-indent: 2em; }
ol.list, ul.list { margin: 0 0 1.5mm; padding-left: 7mm; }
ol.list li, ul.list li { margin-bottom: 0.8mm; }
table.tbl { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 2mm; }
table.tbl th, table.tbl td { border: ${GRID.border}mm solid #222; padding: ${GRID.padY}mm ${GRID.padX}mm; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
table.tbl th { background: #f1f3f5; font-weight: 700; text-align: center; }
table.tbl tr { break-inside: avoid; }
table.grid { margin-bottom: 2mm; }
table.grid tr { break-inside: avoid; }
.checks { display: grid; gap: 1mm 4mm; margin: 1mm 0 2mm; }
.checks.c1 { grid-template-columns: 1fr; } .checks.c2 { grid-template-columns: 1fr 1fr; } .checks.c3 { grid-template-columns: 1fr 1fr 1fr; }
.seal { display: flex; margin-top: 6mm; break-inside: avoid; }
.seal.right { justify-content: flex-end; } .seal.left { justify-content: flex-start; } .seal.none { justify-content: flex-end; }
.seal .seal-box { position: relative; min-width: 62mm; text-align: center; padding: 4mm 2mm; }
.seal .seal-stamp { position: absolute; left: 50%; top: 50%; width: 34mm; height: 34mm; margin: -17mm 0 0 -17mm; border: 0.3mm dashed #999; border-radius: 50%;
  color: #aaa; font-size: 8pt; display: flex; align-items: center; justify-content: center; }
.seal .seal-line { position: relative; line-height: 7mm; }
.box { border: 0.4mm solid #222; padding: 3mm 4mm; margin: 2mm 0; white-space: pre-wrap; break-inside: avoid; display: flex; flex-direction: column; justify-content: center; }
.a-left { text-align: left; } .a-center { text-align: center; } .a-right { text-align: right; }
`;

const alignClass = (a: Align | undefined) => (a ? ` a-${a}` : '');
const pct = (w: number, total: number) => `${((w / total) * 100).toFixed(3)}%`;

function letterheadHtml(lh: Letterhead): Raw {
  const logo = lh.logo ? h`<img src="${raw(lh.logo.dataUrl)}" alt="">` : '';
  const names = lh.company ? h`${lh.company}<small>${lh.centre}</small>` : h`${lh.centre}`;
  return h`<div class="lh">${logo}<div class="lh-org">${names}</div>${lh.phone ? h`<div class="lh-phone">服务电话：${lh.phone}</div>` : ''}</div>`;
}

function blockHtml(b: Block, lh: Letterhead, size: PageSize): Raw {
  switch (b.t) {
    case 'letterhead':
      return letterheadHtml(lh);
    case 'title':
      return h`<h1${raw(b.text.length > 8 ? ' style="letter-spacing:2px"' : '')}>${b.text}</h1>`;
    case 'meta':
      return h`<div class="meta">${b.items.map((x) => h`<span>${x}</span>`)}</div>`;
    case 'heading':
      return h`<h2>${b.text}</h2>`;
    case 'para': {
      const style = [b.sizePt ? `font-size:${b.sizePt}pt` : '', b.bold ? 'font-weight:700' : ''].filter(Boolean).join(';');
      return h`${b.text.split(/\r?\n/).map((line) => h`<p class="p${raw(b.indent ? ' indent' : '')}${raw(alignClass(b.align))}"${raw(style ? ` style="${style}"` : '')}>${line || raw('&nbsp;')}</p>`)}`;
    }
    case 'list':
      return b.numbered ? h`<ol class="list">${b.items.map((x) => h`<li>${x}</li>`)}</ol>` : h`<ul class="list">${b.items.map((x) => h`<li>${x}</li>`)}</ul>`;
    case 'grid':
      return h`<table class="grid"><colgroup><col class="th"><col><col class="th"><col></colgroup>${b.rows.map(({ cells, minMm }) => {
        const style = minMm ? raw(` style="height:${minMm}mm"`) : '';
        return cells.length === 1
          ? h`<tr${style}><th>${cells[0][0]}</th><td colspan="3" class="text">${cells[0][1]}</td></tr>`
          : h`<tr${style}><th>${cells[0][0]}</th><td class="text">${cells[0][1]}</td><th>${cells[1][0]}</th><td class="text">${cells[1][1]}</td></tr>`;
      })}</table>`;
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
      const rowStyle = b.minRowMm ? raw(` style="height:${b.minRowMm}mm"`) : '';
      return h`<table class="tbl"><colgroup>${b.columns.map((c) => h`<col style="width:${raw(pct(c.width, total))}">`)}</colgroup><thead><tr>${b.columns.map(
        (c) => h`<th>${c.label}</th>`,
      )}</tr></thead><tbody>${b.rows.map((r) => h`<tr${rowStyle}>${b.columns.map((c, i) => h`<td class="text${raw(alignClass(c.align))}">${r[i] ?? ''}</td>`)}</tr>`)}</tbody></table>`;
    }
    case 'checks':
      return h`<div class="checks c${raw(String(b.columns ?? 1))}">${b.items.map((x) => h`<div>□ ${x}</div>`)}</div>`;
    case 'signs':
      return h`<div class="sign">${b.labels.map((x) => h`<div>${x}</div>`)}</div>`;
    case 'seal':
      return h`<div class="seal ${raw(lh.seal)}"><div class="seal-box">${lh.seal === 'none' ? '' : h`<div class="seal-stamp">（盖章）</div>`}${b.lines.map(
        (x) => h`<div class="seal-line">${x}</div>`,
      )}</div></div>`;
    case 'note':
      return h`<div class="note">${b.text}</div>`;
    case 'cut':
      return h`<div class="cut"><span>${b.label}</span></div>`;
    case 'space':
      return h`<div style="height:${raw(String(Math.min(b.mm, contentMm(size).h)))}mm"></div>`;
    case 'box': {
      const style = [b.minMm ? `min-height:${b.minMm}mm` : '', b.sizePt ? `font-size:${b.sizePt}pt` : ''].filter(Boolean).join(';');
      return h`<div class="box${raw(alignClass(b.align ?? 'center'))}"${raw(style ? ` style="${style}"` : '')}>${b.text}</div>`;
    }
  }
}

/** the pages' sheets, without the surrounding page (a batch joins chunks of them) */
export function pagesHtml(pages: DocPage[], lh: Letterhead, size: PageSize): Raw[] {
  return pages.map((p) => h`<div class="doc">${p.blocks.map((b) => blockHtml(b, lh, size))}</div>`);
}

/** A self-contained HTML document (print font subset embedded) of these pages. */
export async function renderPagesHtml(title: string, pages: DocPage[], lh: Letterhead, size: PageSize): Promise<string> {
  const body = pagesHtml(pages, lh, size);
  const content = body.map((b) => b.html).join('');
  const fontCss = await printFontCss(content);
  return page(title, size, body, `${fontCss}\n${LETTERHEAD_CSS}`);
}
