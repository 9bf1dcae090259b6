import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docCore, type DocCore } from '../documents/fixtures';
import type { TicketDetailT } from '../../../shared/contract/desk';
import { cstDate } from '../../../shared/domain/time';

// `npm run cli -- document ...` as an admin runs it: a separate process over the app's database file.
const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(tsx, ['electron/cli/main.ts', ...args], { cwd: root, env: { ...process.env, INIT_CWD: root, FRONTDESK_DEBUG: '' } }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('command line: document', () => {
  let core: DocCore;
  let t: TicketDetailT;
  beforeAll(async () => {
    core = await docCore({ staffName: '李静' });
    t = await core.ticket();
  });
  afterAll(() => core.cleanup());

  it('writes the 受理单 as a Word file for a ticket number, and with --pdf the PDF the desk prints', async () => {
    const out = join(core.dir, 'out', '受理单.docx');
    const pdf = join(core.dir, 'out', '受理单.pdf');
    const r = await cli('document', 'acceptance-slip', '--db', core.file, '--ticket', t.ticket.no, '--out', out, '--pdf', pdf);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(t.ticket.no);
    expect(xml).toContain('王芳');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(r.stdout).toContain('共 1 页');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the 派工单 Word file with the full phone, logged and audited like 导出Word in the window (docs/PRIVACY.md)', async () => {
    const out = join(core.dir, 'out', '派工单.docx');
    const r = await cli('document', 'work-order', '--db', core.file, '--ticket', t.ticket.no, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const stored = core.ctx.sqlite.prepare('select phone from tickets where id = ?').pluck().get(t.ticket.id) as string;
    expect(stored).toMatch(/^\d{11}$/);
    const xml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(`${stored}（完整号码）`);
    const log = core.ctx.sqlite.prepare("select actor, action from print_log where kind = 'workOrder' and ref_id = ?").all(t.ticket.id);
    expect(log).toEqual([{ actor: '命令行', action: 'docx' }]);
    const line = core.ctx.sqlite
      .prepare("select actor, detail from audit_log where action = 'printFull' and entity = 'ticket' and entity_id = ?")
      .get(t.ticket.id) as { actor: string; detail: string };
    expect(line.actor).toBe('命令行');
    expect(JSON.parse(line.detail)).toMatchObject({ document: '派工单', fields: ['phone'], output: 'docx' });
    expect(line.detail).not.toContain(stored);
  });

  it('refuses an unknown ticket number in Chinese, writing nothing', async () => {
    const out = join(core.dir, 'none.docx');
    const r = await cli('document', 'work-order', '--db', core.file, '--ticket', 'BX20990101-999', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有工单号为「BX20990101-999」的工单');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown document kind as wrong usage', async () => {
    const r = await cli('document', 'invoice', '--db', core.file, '--ticket', t.ticket.no, '--out', join(core.dir, 'x.docx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的单据类型：invoice');
  });

  const docXml = (file: string) => execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('writes the 入住资料包 of one house (written as staff write it) and of a whole building', async () => {
    await core.call('archives.people.attach', { houseId: core.houseId, role: 'owner', person: { name: '陈建国', phone: '13800002222' } });
    const one = join(core.dir, 'out', '资料包-1502.docx');
    let r = await cli('document', 'move-in-packet', '--db', core.file, '--house', '3栋2单元1502', '--out', one);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    let xml = docXml(one);
    expect(xml).toContain('陈建国');
    expect(xml).toContain('3栋2单元1502');
    expect(xml.split('<w:pageBreakBefore/>').length).toBe(9);

    const all = join(core.dir, 'out', '资料包-3栋.docx');
    r = await cli('document', 'move-in-packet', '--db', core.file, '--building', '3', '--out', all);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 份');
    xml = docXml(all);
    expect(xml).toContain('陈建国');

    r = await cli('document', 'move-in-packet', '--db', core.file, '--house', '9-9-999', '--out', join(core.dir, 'x.docx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有找到房屋「9-9-999」');
  });

  it('writes the 装修许可证 and the 搬迁放行条 of the house’s latest record; a 动火证 without hot work is refused', async () => {
    const today = cstDate(new Date());
    await core.call('renovation.save', {
      houseId: core.houseId,
      applicant: '王芳',
      applicantPhone: '13800001111',
      contractor: '深圳市美家装饰工程有限公司',
      contractorContact: '李工',
      contractorPhone: '13900002222',
      workers: [{ name: '张师傅', idNo: null, phone: null }],
      startDate: today,
      endDate: today,
      scope: '卫生间重做防水',
      items: ['防水'],
      deposit: 2000,
      fees: [],
      hotWork: null,
    });
    await core.call('moveout.save', {
      houseId: core.houseId,
      applicant: '王芳',
      phone: '13800001111',
      relation: '业主',
      items: [{ name: '双人床', qty: 1 }],
      plate: '粤B12345',
      validFrom: today,
      validTo: today,
      approver: '陈主管',
    });
    const permit = join(core.dir, 'out', '装修许可证.docx');
    let r = await cli('document', 'renovation-permit', '--db', core.file, '--house', '3-2-1502', '--out', permit);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const year = today.slice(0, 4);
    expect(docXml(permit)).toContain(`ZX${year}-0001`);
    expect(docXml(permit)).toContain('深圳市美家装饰工程有限公司');

    const pass = join(core.dir, 'out', '放行条.docx');
    r = await cli('document', 'move-out-pass', '--db', core.file, '--house', '3-2-1502', '--out', pass);
    expect(r.code).toBe(0);
    expect(docXml(pass)).toContain('双人床');
    expect(docXml(pass)).toContain('粤B12345');

    r = await cli('document', 'hot-work-permit', '--db', core.file, '--house', '3-2-1502', '--out', join(core.dir, 'hot.docx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有含动火作业的装修登记');
    r = await cli('document', 'renovation-permit', '--db', core.file, '--out', join(core.dir, 'p.docx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('需要 --house 房号');
  });

  it('writes a notice as it was issued: the latest from --template, for --building or --house', async () => {
    const list = (await core.call('notices.templates.list', {})) as Array<{
      id: number;
      name: string;
      kind: string;
      title: string;
      body: string;
      fields: string[];
    }>;
    const t = list.find((x) => x.name === '停水通知')!;
    const b = (await core.call('archives.buildings.list', { estateId: 1 })) as Array<{ id: number; name: string }>;
    const building = b.find((x) => x.name.startsWith('3'))!;
    const notice = (await core.call('notices.issue', {
      estateId: 1,
      templateId: t.id,
      kind: t.kind,
      title: t.title,
      body: t.body,
      fields: t.fields,
      date: cstDate(new Date()),
      values: { 停水原因: '二次供水水箱清洗', 停水范围: '3栋', 开始时间: '12月9日 9:00', 结束时间: '12月9日 17:00' },
      audience: { kind: 'building', buildingId: building.id },
    })) as { no: string };
    const out = join(core.dir, 'out', '停水通知.docx');
    let r = await cli('document', 'notice', '--db', core.file, '--template', '停水通知', '--building', '3', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const xml = docXml(out);
    expect(xml).toContain(notice.no);
    expect(xml).toContain('二次供水水箱清洗');
    expect(xml).toContain('3栋2单元1502');

    r = await cli('document', 'notice', '--db', core.file, '--template', '停电通知', '--house', '3-2-1502', '--out', join(core.dir, 'n.docx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有找到模板「停电通知」、房屋「3-2-1502」的通知');
  });
});
