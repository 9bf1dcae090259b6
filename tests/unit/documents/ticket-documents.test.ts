import { afterEach, describe, expect, it } from 'vitest';
import { renderTicketDocument } from '../../../electron/core/documents/ticket-documents';
import { CONTINUED } from '../../../electron/core/documents/fit';
import { cstDateTime } from '../../../shared/domain/time';
import { docCore, numberedText, renameUser, type DocCore } from './fixtures';

let core: DocCore | null = null;
afterEach(async () => {
  await core?.cleanup();
  core = null;
});

/** the page's visible text: tags dropped, entities back to characters */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

describe('受理单 and 派工单 as HTML', () => {
  it('embeds the print font, cut down to the document, as TrueType data: URLs', async () => {
    core = await docCore({ staffName: '李静' });
    const t = await core.ticket();
    const doc = await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: t.ticket.id });
    const faces = doc.html.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(2);
    expect(faces.join('')).toMatch(/font-weight: 400;[^}]*src: url\(data:font\/ttf;base64,/);
    expect(faces.join('')).toMatch(/font-weight: 700;[^}]*src: url\(data:font\/ttf;base64,/);
    // a subset of a few hundred glyphs, not the 2 MB face
    const sizes = faces.map((f) => /base64,([A-Za-z0-9+/=]+)/.exec(f)?.[1].length ?? 0);
    for (const n of sizes) expect(n).toBeGreaterThan(1000);
    for (const n of sizes) expect(n).toBeLessThan(300_000);
    expect(doc.html).toContain('font-family: "FrontDesk Print", "Noto Sans CJK SC"');
  });

  it('names the person who recorded the ticket as 受理人, never the placeholder 前台', async () => {
    core = await docCore({ staffName: '李静' });
    const named = await core.ticket();
    const slip = textOf((await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: named.ticket.id })).html);
    expect(slip).toContain('受理人 李静');
    const typed = await core.ticket({ receivedBy: '小陈' });
    expect(textOf((await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: typed.ticket.id })).html)).toContain('受理人 小陈');

    // a user named like the placeholder: the line is left for a signature
    await renameUser(core.call, '前台');
    const anon = await core.ticket();
    expect(anon.ticket.receivedBy).toBe('前台');
    const anonSlip = textOf((await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: anon.ticket.id })).html);
    expect(anonSlip).not.toContain('前台');
    const work = textOf((await renderTicketDocument(core.ctx, { document: 'workOrder', ticketId: anon.ticket.id })).html);
    expect(work).not.toContain('前台');
  });

  it("prints each estate's own name and service phone, not the first estate's", async () => {
    core = await docCore({ staffName: '李静' });
    const second = (await core.call('archives.estates.create', { name: '锦绣华庭', phone: '0755-22223333' })) as { id: number };
    const b = (await core.call('archives.buildings.create', { estateId: second.id, name: '1' })) as { id: number };
    const h = (await core.call('archives.houses.create', { buildingId: b.id, unitName: '1', roomNo: '101', type: '住宅', status: '已入住' })) as { id: number };
    const t = await core.ticket({ houseId: h.id });
    const slip = textOf((await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: t.ticket.id })).html);
    expect(slip).toContain('锦绣华庭物业服务中心');
    expect(slip).toContain('0755-22223333');
    expect(slip).not.toContain('0755-88886666');
  });

  it('a repair with an agreed visit states the visit and still the response promise', async () => {
    core = await docCore({ staffName: '李静' });
    const visit = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const t = await core.ticket({ expectedVisitAt: visit });
    expect(t.ticket.sla.respondDueAt).toBeTruthy();
    const slip = textOf((await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: t.ticket.id })).html);
    expect(slip).toContain(`预约上门时间：${cstDateTime(visit)}`);
    expect(slip).toContain(`我们承诺：${cstDateTime(t.ticket.sla.respondDueAt!)} 前响应`);
    const work = textOf((await renderTicketDocument(core.ctx, { document: 'workOrder', ticketId: t.ticket.id })).html);
    expect(work).toContain(`要求响应 ${cstDateTime(t.ticket.sla.respondDueAt!)}`);
    expect(work).toContain(`预约上门 ${cstDateTime(visit)}`);
  });

  it('the 派工单 carries the note given at 派工, and who dispatched it', async () => {
    core = await docCore({ staffName: '李静' });
    const t = await core.ticket();
    await core.call('desk.tickets.transition', {
      id: t.ticket.id,
      action: 'dispatch',
      department: '工程部',
      assignee: '李师傅',
      note: '业主下午在家，先电话联系',
    });
    const work = textOf((await renderTicketDocument(core.ctx, { document: 'workOrder', ticketId: t.ticket.id })).html);
    expect(work).toContain('派工说明 业主下午在家，先电话联系');
    expect(work).toContain('处理部门 工程部');
    expect(work).toContain('处理人 李师傅');
    expect(work).toMatch(/派工：\d{4}-\d\d-\d\d \d\d:\d\d · 李静/);

    // a later 转派 replaces it with its own note
    await core.call('desk.tickets.transition', { id: t.ticket.id, action: 'reassign', department: '工程部', assignee: '王师傅', note: '李师傅休假' });
    const again = textOf((await renderTicketDocument(core.ctx, { document: 'workOrder', ticketId: t.ticket.id })).html);
    expect(again).toContain('派工说明 李师傅休假');
    expect(again).not.toContain('业主下午在家');
  });

  it('a 500-character description stays whole on the form, in smaller type; 2000 characters go on a continuation sheet', async () => {
    core = await docCore({ staffName: '李静' });
    const d500 = numberedText(500);
    const t500 = await core.ticket({ description: d500 });
    const slip = (await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: t500.ticket.id })).html;
    expect(slip.split(d500)).toHaveLength(3); // both 联
    expect(slip).not.toContain(CONTINUED);
    expect(slip).not.toContain('续页');
    const size = Number(/class="text" style="font-size:([\d.]+)pt/.exec(slip)?.[1]);
    expect(size).toBeLessThan(10.5);
    expect(size).toBeGreaterThanOrEqual(8);

    const d2000 = numberedText(2000);
    const t2000 = await core.ticket({ description: d2000 });
    const long = (await renderTicketDocument(core.ctx, { document: 'acceptanceSlip', ticketId: t2000.ticket.id })).html;
    expect(long).toContain(CONTINUED);
    expect(long).toContain('受理单（续页）');
    expect(long.split(d2000)).toHaveLength(2); // the whole text once, on the continuation sheet
  });
});
