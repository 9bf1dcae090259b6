import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewRoster, commitRoster } from '../../../electron/core/imports/handlers';
import { buildReport } from '../../../electron/core/imports/roster/report';
import { importRosterCommand } from '../../../electron/cli/commands/import-roster';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withCheckDigit } from '../../fixtures/roster/make-messy-roster';
import { book, newEstate, readXlsx, tempCtx } from './helpers';

// Issue 11: ID numbers leave the database only masked. A roster that changes an ID must not write
// the old and new numbers into audit_log in full, and a number the import complains about is shown
// masked in the preview, the CLI's JSON and the report workbook. Phones echoed in messages likewise.

type T = Awaited<ReturnType<typeof tempCtx>>;
let t: T;
beforeEach(async () => {
  t = await tempCtx();
});
afterEach(async () => {
  await t.cleanup();
});

const OLD_ID = withCheckDigit('11010519800101001');
const NEW_ID = withCheckDigit('11010519800101003');
const SECOND_ID = withCheckDigit('11010519850202002');
/** the right check digit replaced by a wrong one */
const BAD_ID = (() => {
  const good = withCheckDigit('11010119900307002');
  return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
})();
const ODD_PHONE = '1234567890123';
/** every way a full number could be written: as it is, and with the digits spaced or in a JSON string */
const leaks = (text: string, ...ids: string[]) => ids.filter((id) => text.includes(id) || text.includes(id.slice(3, 14)));

describe('ID numbers and phones in roster imports', () => {
  it('an ID number changed by a roster is audited masked, before → after', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主姓名', '身份证号'];
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '张三', OLD_ID]]), 'a.xlsx', estateId);
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '张三', NEW_ID]]), 'b.xlsx', estateId);
    const stored = t.ctx.sqlite.prepare('select id_number from people').all() as { id_number: string }[];
    expect(stored).toEqual([{ id_number: NEW_ID }]); // the database keeps the number itself
    const audit = t.ctx.sqlite.prepare("select detail from audit_log where action = 'import.update' and entity = 'person'").all() as { detail: string }[];
    const line = audit.map((a) => JSON.parse(a.detail) as { field: string; from: unknown; to: unknown }).find((d) => d.field === 'id_number');
    expect(line).toMatchObject({ from: '110***********' + OLD_ID.slice(-4), to: '110***********' + NEW_ID.slice(-4) });
    const all = (t.ctx.sqlite.prepare('select group_concat(detail) as d from audit_log').get() as { d: string }).d;
    expect(leaks(all, OLD_ID, NEW_ID)).toEqual([]);
  });

  it('a second ID number for the same owner goes into the notes, and the audit line of that note is masked', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主姓名', '身份证号'];
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '张三', OLD_ID]]), 'a.xlsx', estateId);
    const p = await previewRoster(t.ctx, await book([header, ['3-2-1502', '张三', `${OLD_ID}、${SECOND_ID}`]]), 'b.xlsx', estateId);
    expect(leaks(JSON.stringify(p), SECOND_ID)).toEqual([]);
    await commitRoster(t.ctx, await book([header, ['3-2-1502', '张三', `${OLD_ID}、${SECOND_ID}`]]), 'b.xlsx', estateId);
    const notes = (t.ctx.sqlite.prepare('select notes from people').get() as { notes: string }).notes;
    expect(notes).toContain(SECOND_ID); // kept on the person's record, where the roster put it
    const all = (t.ctx.sqlite.prepare('select group_concat(detail) as d from audit_log').get() as { d: string }).d;
    expect(leaks(all, OLD_ID, SECOND_ID)).toEqual([]);
  });

  it('a bad-checksum ID and an odd phone are masked in the preview, the CLI JSON and the report workbook', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主姓名', '联系电话', '身份证号'];
    const buf = await book([header, ['3-2-1502', '王五', ODD_PHONE, BAD_ID]]);
    const p = await previewRoster(t.ctx, buf, 'a.xlsx', estateId);
    const warning = p.warnings.find((w) => w.row === 2 && w.reason.includes('校验位'))?.reason ?? '';
    expect(warning).toContain(`请核对：${BAD_ID.slice(0, 3)}***********${BAD_ID.slice(-4)}`);
    const phoneWarning = p.warnings.find((w) => w.reason.includes('电话'))?.reason ?? '';
    expect(phoneWarning).toContain('123******0123');
    expect(leaks(JSON.stringify({ warnings: p.warnings, rows: p.rows.map((r) => [r.reason, r.warnings]) }), BAD_ID, ODD_PHONE)).toEqual([]);

    const report = await buildReport(p.rows, 'a.xlsx');
    const wb = await readXlsx(Buffer.from(report.dataBase64, 'base64'));
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join('\n')).toContain('校验位');
    expect(leaks(texts.join('\n'), BAD_ID, ODD_PHONE)).toEqual([]);

    const file = join(t.dir, 'a.xlsx');
    writeFileSync(file, buf);
    let out = '';
    const code = await importRosterCommand({ file, db: t.file, dryRun: true, json: true }, { stdout: (s) => void (out += s), stderr: (s) => void (out += s) });
    expect(code).toBe(0);
    expect(out).toContain('校验位');
    expect(leaks(out, BAD_ID, ODD_PHONE)).toEqual([]);
  });

  it('phones beyond two and IDs beyond one per owner are named masked in the warnings', async () => {
    const estateId = await newEstate(t.ctx);
    const header = ['房屋', '业主姓名', '联系电话', '身份证号'];
    const p = await previewRoster(
      t.ctx,
      await book([header, ['3-2-1502', '张三', '13800138000/13900139000/13700137000', `${OLD_ID}、${SECOND_ID}`]]),
      'a.xlsx',
      estateId,
    );
    const reasons = p.warnings.map((w) => w.reason).join('\n');
    expect(reasons).toContain('137****7000');
    expect(reasons).toContain(`110***********${SECOND_ID.slice(-4)}`);
    expect(leaks(reasons, SECOND_ID, '13700137000')).toEqual([]);
  });
});
