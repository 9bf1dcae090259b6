import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docCore, type DocCore } from '../documents/fixtures';
import type { TicketDetailT } from '../../../shared/contract/desk';

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
});
