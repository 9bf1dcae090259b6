// 设置 → 单据抬头 feeds every header, the hand-fitted slips included (docs/PRINTING.md).
import { afterEach, describe, expect, it } from 'vitest';
import { renderTicketDocument } from '../../../electron/core/documents/ticket-documents';
import { letterheadFor } from '../../../electron/core/documents/letterhead';
import { docCore, type DocCore } from './fixtures';

let core: DocCore | null = null;
afterEach(async () => {
  await core?.cleanup();
  core = null;
});

describe('company header', () => {
  it('the slip prints the company, the desk-wide service phone and the shipped logo; hiding the logo drops it', async () => {
    core = await docCore();
    const { ticket } = await core.ticket();
    const slip = () => renderTicketDocument(core!.ctx, { document: 'acceptanceSlip', ticketId: ticket.id }).then((r) => r.html);

    // nothing set: the estate's own phone, the shipped logo
    let html = await slip();
    expect(html).toContain('翠湖花园物业服务中心');
    expect(html).toContain('0755-88886666');
    expect(html).toMatch(/<img class="org-logo" src="data:image\/png;base64,/);

    await core.call('system.settings.update', { companyName: '深圳市安居物业服务有限公司', servicePhone: '400-800-1234', showLogo: false });
    html = await slip();
    expect(html).toContain('深圳市安居物业服务有限公司 · 翠湖花园物业服务中心');
    expect(html).toContain('400-800-1234');
    expect(html).not.toContain('0755-88886666');
    expect(html).not.toContain('<img class="org-logo"');
  });

  it('an uploaded logo replaces the shipped one, with its size read from the file', async () => {
    core = await docCore();
    // a 2×3 PNG (header only matters to the size reader; Chromium is not involved here)
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEklEQVR4nGNgYGD4D8MMDAwMAD8AAf8cVdaNAAAAAElFTkSuQmCC', 'base64');
    await core.call('system.settings.update', { logo: `data:image/png;base64,${png.toString('base64')}`, sealPosition: 'left' });
    const lh = await letterheadFor(core.ctx, null);
    expect(lh.logo).toMatchObject({ type: 'png', widthPx: 2, heightPx: 3 });
    expect(lh.seal).toBe('left');
  });
});
