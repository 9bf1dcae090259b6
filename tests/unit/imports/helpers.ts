import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection';
import { createContext } from '../../../electron/core/index';
import { createEstate } from '../../../electron/core/archives/places';
import type { CoreContext } from '../../../electron/core/context';

export type Cell = string | number | Date | null;

/** A real database file in a fresh temp folder, with a core context over it. */
export async function tempCtx(): Promise<{ ctx: CoreContext; dir: string; file: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-roster-'));
  const file = join(dir, 'frontdesk.sqlite');
  const opened = await openDatabase({ file });
  const ctx = createContext(opened);
  return {
    ctx,
    dir,
    file,
    cleanup: async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function newEstate(ctx: CoreContext, name = '阳光花园'): Promise<number> {
  return (await createEstate(ctx, { name })).id;
}

export function count(ctx: CoreContext, table: string, where = '1=1'): number {
  return (ctx.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
}

/** An .xlsx with one sheet: rows from row 1, merges like "A1:D1". */
export async function book(rows: Cell[][], opts: { merges?: string[]; sheetName?: string; numFmt?: Record<string, string> } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1');
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const [addr, fmt] of Object.entries(opts.numFmt ?? {})) ws.getCell(addr).numFmt = fmt;
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(buf).buffer);
  return wb;
}
