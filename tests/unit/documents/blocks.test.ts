import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPagesHtml } from '../../../electron/core/documents/html-render';
import { renderPagesWord } from '../../../electron/core/documents/word/word-render';
import { imageSize } from '../../../electron/core/documents/letterhead';
import type { Block, DocPage, Letterhead } from '../../../electron/core/documents/model';
import { htmlText, runsText, wordXml } from './doc-text';

// The document model's two renderers (docs/PRINTING.md, "One document, three outputs"): every block
// reaches the HTML page Chromium prints and the Word file, with the same words, and the Word file
// keeps the layout rules that make LibreOffice and WPS show it as Word does.

const logo = readFileSync(join(__dirname, '../../../resources/logo.png'));
const lh = (seal: Letterhead['seal'] = 'right', withLogo = true): Letterhead => ({
  org: '安居物业 · 阳光花园物业服务中心',
  centre: '阳光花园物业服务中心',
  company: '深圳市安居物业服务有限公司',
  phone: '0755-88886666',
  logo: withLogo ? { dataUrl: `data:image/png;base64,${logo.toString('base64')}`, bytes: logo, type: 'png', widthPx: 240, heightPx: 240 } : null,
  seal,
});

const every: Block[] = [
  { t: 'letterhead' },
  { t: 'title', text: '停水通知' },
  { t: 'meta', items: ['〔2026〕第012号', '2026年12月2日'] },
  { t: 'heading', text: '一、停水时间' },
  { t: 'para', text: '因市政管网维修，暂停供水。\n请提前储水。', indent: true },
  { t: 'list', items: ['关闭水龙头', '放水后使用'], numbered: true },
  {
    t: 'grid',
    rows: [
      {
        cells: [
          ['房号', '3栋2单元1502'],
          ['业主', '张三'],
        ],
      },
      { cells: [['备注', '<b>不是标签</b>']], minMm: 12 },
    ],
  },
  {
    t: 'table',
    columns: [
      { label: '钥匙名称', width: 3 },
      { label: '数量', width: 1, align: 'center' },
    ],
    rows: [['入户门钥匙', '3']],
    minRowMm: 8,
  },
  { t: 'checks', items: ['身份证原件', '购房合同', '交房通知书'], columns: 2 },
  { t: 'signs', labels: ['业主签字：', '经办人：'] },
  { t: 'seal', lines: ['阳光花园物业服务中心', '2026年12月2日'] },
  { t: 'note', text: '本通知一式两份。' },
  { t: 'cut', label: '沿虚线剪开' },
  { t: 'space', mm: 5 },
  { t: 'box', text: '欢迎入住', minMm: 30, sizePt: 16 },
];
const WORDS = [
  '停水通知',
  '〔2026〕第012号',
  '一、停水时间',
  '因市政管网维修，暂停供水。',
  '请提前储水。',
  '关闭水龙头',
  '3栋2单元1502',
  '张三',
  '<b>不是标签</b>',
  '钥匙名称',
  '入户门钥匙',
  '身份证原件',
  '交房通知书',
  '业主签字：',
  '阳光花园物业服务中心',
  '本通知一式两份。',
  '沿虚线剪开',
  '欢迎入住',
  '深圳市安居物业服务有限公司',
  '0755-88886666',
];

describe('the document model rendered', () => {
  it('HTML: every block is on the page, text escaped, one sheet per page, the logo and the print font embedded', async () => {
    const pages: DocPage[] = [{ blocks: every }, { blocks: [{ t: 'title', text: '第二页' }] }];
    const html = await renderPagesHtml('样张', pages, lh(), 'A4');
    const text = htmlText(html);
    for (const w of WORDS) expect(text).toContain(w);
    // typed markup is shown as text, never interpreted
    expect(html).not.toContain('<b>不是标签</b>');
    expect(html.match(/<div class="doc">/g)).toHaveLength(2);
    expect(html).toContain('data:image/png;base64,');
    expect(html).toMatch(/@font-face \{ font-family: "FrontDesk Print"/);
    expect(html).toContain('@page { size: A4;');
    // the seal area sits where the settings put it, and is left out when asked
    expect(html).toContain('class="seal right"');
    expect(html).toContain('（盖章）');
    const none = await renderPagesHtml('样张', [{ blocks: [{ t: 'seal', lines: ['某中心'] }] }], lh('none', false), 'A4');
    expect(none).toContain('class="seal none"');
    expect(none).not.toContain('（盖章）');
    expect(none).not.toContain('<img');
  });

  it('Word: the same words, a page break per sheet, fixed tables whose DXA columns fill the A4 text width, the logo as a picture', async () => {
    const pages: DocPage[] = [{ blocks: every }, { blocks: [{ t: 'title', text: '第二页' }] }, { blocks: [{ t: 'para', text: '第三页' }] }];
    const bytes = await renderPagesWord('样张', pages, lh());
    const xml = wordXml(bytes);
    const text = runsText(xml);
    for (const w of WORDS) expect(text).toContain(w);
    expect(text).toContain('第三页');
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    const tables = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((m) =>
      [...m[1].matchAll(/w:w="(\d+)"/g)].reduce((s, x) => s + Number(x[1]), 0),
    );
    expect(tables.length).toBeGreaterThanOrEqual(6);
    // A4 (11906) less 2 × 14 mm margins: every table spans exactly the text width
    for (const w of tables) expect(w).toBe(11906 - 2 * Math.round((14 * 1440) / 25.4));
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)?.length).toBe(tables.length);
    expect(xml).toContain('<pic:pic');
    expect(wordXml(bytes, 'word/_rels/document.xml.rels')).toMatch(/media\/[^"]+\.png/);
    // East Asian face and Chinese language on the default run
    const styles = wordXml(bytes, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(styles).toContain('w:eastAsia="zh-CN"');
  });

  it('reads the size of PNG and JPEG logos, and nothing else', () => {
    expect(imageSize(logo)).toEqual({ type: 'png', w: 240, h: 240 });
    // a minimal JPEG header: SOI, APP0 (16 bytes), SOF0 with 3×2 pixels
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x02,
      0x00,
      0x03,
      ...Array(12).fill(0),
    ]);
    expect(imageSize(jpeg)).toEqual({ type: 'jpg', w: 3, h: 2 });
    expect(imageSize(Buffer.from('GIF89a............................'))).toBeNull();
  });
});
