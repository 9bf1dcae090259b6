// Numbers on printouts (docs/PRIVACY.md): the 受理单 goes home with the resident and masks the phone;
// the 派工单 goes to the technician, prints the whole phone, says so, and every output of it (preview,
// print, PDF, Word) writes a printFull audit line. The move-in packet prints full ID numbers only for
// a role with ids.full, says so on the page and audits each house; renovation papers mask the
// resident's numbers and keep the contractor's; the roster import's preview masks phones.
import { afterEach, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { printHandlers, type PrintEngine } from '../../../electron/core/documents/print-service';
import { renderHtml, renderWord, sourceFor } from '../../../electron/core/documents/registry';
import type { DocumentRequestT } from '../../../shared/contract/documents';
import type { RenovationT, MoveOutPassT } from '../../../shared/contract/renovation';
import { signInAs, signInTestAdmin } from '../helpers/temp-core';
import { docCore, type DocCore } from '../documents/fixtures';
import { htmlText, wordText } from '../documents/doc-text';
import { book } from '../imports/helpers';

let core: DocCore | null = null;
afterEach(async () => {
  await core?.cleanup();
  core = null;
});

const PHONE = '13800001111';
const PHONE_MASKED = '138****1111';
const ID = '11010519491231002X';
const ID_MASKED = '110***********002X';
const FULL_PHONE_NOTE = '本单含完整联系电话，仅供上门联系，用后交回客服中心。';
const FULL_ID_NOTE = '本页含完整证件号码，请妥善保管。';

/** an engine that renders a one-page PDF and prints and saves at once: the service's logging is what is tested */
function engine(): PrintEngine<null> {
  return {
    async render() {
      const doc = await PDFDocument.create();
      doc.addPage([595, 842]);
      return { pdf: Buffer.from(await doc.save()), handle: null };
    },
    async print() {
      return { printed: true, message: '已发送到打印机' };
    },
    dispose() {},
    async printers() {
      return { printers: [], note: null };
    },
    async save(name) {
      return { saved: true, path: `/tmp/${name}` };
    },
  };
}

interface AuditLine {
  actor: string;
  entity: string;
  entity_id: number;
  detail: string;
}
const printFull = (c: DocCore) =>
  (c.ctx.sqlite.prepare("select actor, entity, entity_id, detail from audit_log where action = 'printFull' order by id").all() as AuditLine[]).map((r) => ({
    ...r,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
const printLogCount = (c: DocCore) => (c.ctx.sqlite.prepare('select count(*) as n from print_log').get() as { n: number }).n;

/** the words of a document's HTML page and Word file */
async function texts(c: DocCore, req: DocumentRequestT): Promise<{ html: string; word: string }> {
  const src = await sourceFor(c.ctx, req);
  return { html: htmlText(await renderHtml(src)), word: wordText(await renderWord(src)) };
}

/** every output a user can make of one document: preview, print, PDF, Word */
async function everyOutput(c: DocCore, req: DocumentRequestT): Promise<void> {
  const p = printHandlers(c.ctx, engine());
  const preview = await p['documents.print.preview'](req);
  await p['documents.print.print']({ jobId: preview.jobId });
  await p['documents.print.save']({ jobId: preview.jobId });
  await c.call('documents.word.save', req);
  await p.close();
}

describe('受理单 and 派工单', () => {
  it('the 受理单 masks the phone in the page and the Word file, and no output of it is audited', async () => {
    core = await docCore();
    const { ticket } = await core.ticket({ phone: PHONE });
    const req: DocumentRequestT = { document: 'acceptanceSlip', ticketId: ticket.id };
    for (const t of Object.values(await texts(core, req))) {
      expect(t).toContain(PHONE_MASKED);
      expect(t).not.toContain(PHONE);
      expect(t).not.toContain('完整');
    }
    await everyOutput(core, req);
    expect(printLogCount(core)).toBe(3);
    expect(printFull(core)).toEqual([]);
  });

  it('the 派工单 prints the whole phone and says so, and preview, print, PDF and Word each write a printFull line', async () => {
    core = await docCore();
    const { ticket } = await core.ticket({ phone: PHONE });
    const req: DocumentRequestT = { document: 'workOrder', ticketId: ticket.id };
    for (const t of Object.values(await texts(core, req))) {
      expect(t).toContain(`${PHONE}（完整号码）`);
      expect(t).toContain(FULL_PHONE_NOTE);
    }
    await signInAs(core.dispatch, 'clerk', '小王');
    await everyOutput(core, req);
    const lines = printFull(core);
    expect(lines.map((l) => l.detail.output)).toEqual(['preview', 'print', 'pdf', 'docx']);
    for (const l of lines) {
      expect(l).toMatchObject({ actor: '小王', entity: 'ticket', entity_id: ticket.id });
      expect(l.detail).toMatchObject({ document: '派工单', fields: ['phone'], label: ticket.no });
    }
    // the audit names the number's field, never the number
    expect(JSON.stringify(lines)).not.toContain(PHONE);
    // the preview is audited but not logged as printed
    expect(printLogCount(core)).toBe(3);
    // the audit screen (an administrator's) words it
    await core.call('auth.logout', {});
    await signInTestAdmin(core.dispatch);
    const list = (await core.call('audit.list', { action: 'printFull' })) as { rows: Array<{ summary: string }> };
    expect(list.rows[0].summary).toBe(`打印完整号码 工单 ${ticket.no}：派工单含完整电话`);
  });

  it('a 派工单 without a phone carries no full number: no note, no audit line', async () => {
    core = await docCore();
    const { ticket } = await core.ticket({ phone: null });
    const req: DocumentRequestT = { document: 'workOrder', ticketId: ticket.id };
    for (const t of Object.values(await texts(core, req))) expect(t).not.toContain(FULL_PHONE_NOTE);
    await everyOutput(core, req);
    expect(printFull(core)).toEqual([]);
  });
});

describe('入住资料包', () => {
  async function withOwner(c: DocCore) {
    await c.call('archives.people.attach', {
      houseId: c.houseId,
      role: 'owner',
      person: { name: '李建国', phone: PHONE, idType: '身份证', idNumber: ID, emergencyContact: '李小红', emergencyPhone: '13900002222' },
    });
  }
  const req = (c: DocCore): DocumentRequestT => ({ document: 'moveInPacket', houseIds: [c.houseId], parts: ['ownerForm', 'card'] });

  it('a 前台客服 gets the ID number masked and no audit line', async () => {
    core = await docCore();
    await withOwner(core);
    await signInAs(core.dispatch, 'clerk');
    for (const t of Object.values(await texts(core, req(core)))) {
      expect(t).toContain(ID_MASKED);
      expect(t).not.toContain(ID);
      expect(t).not.toContain(FULL_ID_NOTE);
      expect(t).toContain(PHONE_MASKED);
    }
    await everyOutput(core, req(core));
    expect(printFull(core)).toEqual([]);
  });

  it('a 客服主管 gets the ID number in full, the page says so, each output audits the house; phones stay masked', async () => {
    core = await docCore();
    await withOwner(core);
    await signInAs(core.dispatch, 'supervisor', '张主管');
    for (const t of Object.values(await texts(core, req(core)))) {
      expect(t).toContain(ID);
      expect(t).toContain(FULL_ID_NOTE);
      expect(t).toContain(PHONE_MASKED);
      expect(t).not.toContain(PHONE);
      expect(t).toContain('139****2222');
      expect(t).not.toContain('13900002222');
    }
    await everyOutput(core, req(core));
    const lines = printFull(core);
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      expect(l).toMatchObject({ actor: '张主管', entity: 'house', entity_id: core.houseId });
      expect(l.detail).toMatchObject({ document: '入住资料包', fields: ['idNumber'], label: '3栋2单元1502' });
    }
    expect(JSON.stringify(lines)).not.toContain(ID);
    // a packet without the 业主登记表 prints no ID number: nothing to audit
    await everyOutput(core, { document: 'moveInPacket', houseIds: [core.houseId], parts: ['card'] });
    expect(printFull(core)).toHaveLength(4);
  });

  it('a building batch audits each house with a full ID number once per saved file', async () => {
    core = await docCore();
    await withOwner(core);
    const second = (await core.call('archives.houses.create', {
      buildingId: await buildingOf(core),
      unitName: '2',
      roomNo: '1503',
      type: '住宅',
      status: '已售未交付',
    })) as { id: number };
    await core.call('archives.people.attach', { houseId: second.id, role: 'owner', person: { name: '赵六', idNumber: '110105198001010011' } });
    const empty = (await core.call('archives.houses.create', {
      buildingId: await buildingOf(core),
      unitName: '2',
      roomNo: '1504',
      type: '住宅',
      status: '已售未交付',
    })) as { id: number };
    await signInAs(core.dispatch, 'admin', '李静');
    const p = printHandlers(core.ctx, engine());
    let s = await p['documents.batch.start']({ request: { document: 'moveInPacket', houseIds: [core.houseId, second.id, empty.id], parts: ['ownerForm'] } });
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      s = await p['documents.batch.status']({ batchId: s.batchId });
    }
    expect(s.state).toBe('done');
    expect(printFull(core)).toEqual([]); // made, not yet saved or printed
    await p['documents.batch.save']({ batchId: s.batchId, format: 'pdf' });
    expect(printFull(core).map((l) => l.entity_id)).toEqual([core.houseId, second.id]);
    await p.close();
  });
});

async function buildingOf(c: DocCore): Promise<number> {
  return (c.ctx.sqlite.prepare('select building_id as b from houses where id = ?').get(c.houseId) as { b: number }).b;
}

describe('装修许可证 and 搬迁放行条', () => {
  it("mask the resident's phone and the workers' numbers, keep the contractor's phone whole, and audit nothing", async () => {
    core = await docCore();
    const r = (await core.call('renovation.save', {
      houseId: core.houseId,
      applicant: '王芳',
      applicantPhone: PHONE,
      contractor: '深圳市美家装饰工程有限公司',
      contractorContact: '李工',
      contractorPhone: '0755-26668888',
      workers: [{ name: '张师傅', idNo: '440301199001011234', phone: '13700003333' }],
      startDate: '2026-12-08',
      endDate: '2027-02-28',
      scope: '客厅墙面翻新',
      items: ['防水'],
      deposit: 2000,
      fees: [],
      hotWork: null,
    })) as RenovationT;
    const permit = await texts(core, { document: 'renovationPermit', renovationId: r.id });
    for (const t of Object.values(permit)) {
      expect(t).toContain(`王芳  ${PHONE_MASKED}`);
      expect(t).not.toContain(PHONE);
      expect(t).toContain('0755-26668888');
      expect(t).toContain('440***********1234');
      expect(t).toContain('137****3333');
      expect(t).not.toContain('13700003333');
    }
    const pass = (await core.call('moveout.save', {
      houseId: core.houseId,
      applicant: '王芳',
      phone: PHONE,
      relation: '业主',
      items: [{ name: '冰箱', qty: 1 }],
      plate: null,
      validFrom: '2099-01-01',
      validTo: '2099-01-02',
      approver: '李经理',
    })) as MoveOutPassT;
    for (const t of Object.values(await texts(core, { document: 'moveOutPass', passId: pass.id }))) {
      expect(t).toContain(PHONE_MASKED);
      expect(t).not.toContain(PHONE);
    }
    await everyOutput(core, { document: 'renovationPermit', renovationId: r.id });
    await everyOutput(core, { document: 'moveOutPass', passId: pass.id });
    expect(printFull(core)).toEqual([]);
  });
});

describe('roster import preview', () => {
  it('shows phones masked; the import stores them whole', async () => {
    core = await docCore();
    const estateId = (core.ctx.sqlite.prepare('select estate_id as e from houses where id = ?').get(core.houseId) as { e: number }).e;
    const upload = {
      fileName: 'a.xlsx',
      dataBase64: (
        await book([
          ['楼栋', '房号', '业主姓名', '联系电话'],
          ['5', '101', '张三', '13800138000'],
        ])
      ).toString('base64'),
    };
    const p = (await core.call('imports.roster.preview', { ...upload, estateId })) as { token: string; rows: Array<{ phone: string | null }> };
    expect(p.rows.map((r) => r.phone)).toEqual(['138****8000']);
    expect(JSON.stringify(p)).not.toContain('13800138000');
    await core.call('imports.roster.commit', { token: p.token });
    expect(core.ctx.sqlite.prepare("select phone from people where name = '张三'").get()).toEqual({ phone: '13800138000' });
  });
});
