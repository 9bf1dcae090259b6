import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docCore, numberedText, type DocCore } from './fixtures';

// The Word copies of the 受理单 and 派工单 (electron/core/documents/word/), through the contract
// channel the preview's 另存为 Word calls, read back from the .docx's word/document.xml.

let core: DocCore | null = null;
afterEach(async () => {
  await core?.cleanup();
  core = null;
});

interface Saved {
  fileName: string;
  dataBase64: string;
}

/** word/document.xml of a .docx, unpacked by unzip as any reader would */
function documentXml(c: DocCore, saved: Saved): string {
  const file = join(c.dir, saved.fileName);
  writeFileSync(file, Buffer.from(saved.dataBase64, 'base64'));
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
}
/** the text Word shows: the runs' text joined, tags dropped */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('受理单 and 派工单 as Word files', () => {
  it('受理单: both 联 with the ticket, house, reporter and phone, the cut line, in fixed-width tables', async () => {
    core = await docCore({ staffName: '李静' });
    const t = await core.ticket();
    const saved = (await core.call('documents.word.save', { document: 'acceptanceSlip', ticketId: t.ticket.id })) as Saved;
    expect(saved.fileName).toBe(`受理单-${t.ticket.no}.docx`);
    const xml = documentXml(core, saved);
    const text = textOf(xml);
    // both 联 carry the facts
    expect(text.split(t.ticket.no)).toHaveLength(3);
    expect(text.split('3栋2单元1502').length).toBeGreaterThanOrEqual(3);
    expect(text.split('王芳')).toHaveLength(3);
    // the slip goes home with the resident: the phone masked (docs/PRIVACY.md)
    expect(text.split('138****1111')).toHaveLength(3);
    expect(text).not.toContain('13800001111');
    expect(text).toContain('业主联');
    expect(text).toContain('存根联');
    expect(text).toContain('沿虚线裁开');
    expect(text).toContain('受理人签字：');
    expect(text).toContain('李静');
    expect(text).toContain('0755-88886666');
    expect(xml).toMatch(/<w:pBdr><w:top w:val="dashed"/);
    // every table is fixed, its columns given in twips and summing to the A4 text width
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBe(3);
    expect(xml.match(/<w:tblLayout w:type="fixed"\/>/g)).toHaveLength(tables.length);
    for (const grid of xml.match(/<w:tblGrid>.*?<\/w:tblGrid>/g) ?? []) {
      const cols = [...grid.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(cols.reduce((s, w) => s + w, 0)).toBe(11906 - 2 * 794);
    }
    // the page is A4 and the East Asian face is named (styles carry the default)
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const file = join(core.dir, saved.fileName);
    const styles = execFileSync('unzip', ['-p', file, 'word/styles.xml'], { encoding: 'utf8' });
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans CJK SC"/);
    expect(styles).toMatch(/w:eastAsia="zh-CN"/);
  });

  it('派工单: the job, the dispatch note and the sign-off boxes; a long description is kept whole', async () => {
    core = await docCore({ staffName: '李静' });
    const description = numberedText(900);
    const t = await core.ticket({ description });
    await core.call('desk.tickets.transition', { id: t.ticket.id, action: 'dispatch', department: '工程部', assignee: '张师傅', note: '带上 8 号扳手' });
    const saved = (await core.call('documents.word.save', { document: 'workOrder', ticketId: t.ticket.id })) as Saved;
    expect(saved.fileName).toBe(`派工单-${t.ticket.no}.docx`);
    const text = textOf(documentXml(core, saved));
    for (const s of [
      t.ticket.no,
      '3栋2单元1502',
      '王芳',
      '13800001111',
      '工程部',
      '张师傅',
      '带上 8 号扳手',
      '处理情况',
      '使用材料',
      '处理人签字：',
      '业主签字确认：',
      '客服复核：',
    ]) {
      expect(text).toContain(s);
    }
    // no continuation sheet in Word: the whole description is there to edit
    expect(text).toContain(description);
  });

  it('refuses an unknown ticket in Chinese', async () => {
    core = await docCore();
    const r = (await core.dispatch('documents.word.save', { document: 'workOrder', ticketId: 999 })) as { ok: boolean; error?: { message: string } };
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/工单/);
  });
});
