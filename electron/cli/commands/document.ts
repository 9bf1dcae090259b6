import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError, parse, positiveInt, required, userPath } from '../args';
import { mustExist, openCliContext } from '../context';
import type { CoreContext } from '../../core/context';
import { UserError } from '../../core/errors';
import { CLI_NAMES, documentByCliName, renderWord, sourceFor, ticketIdByNo } from '../../core/documents/registry';
import { logPrint } from '../../core/documents/print-log';
import { houseIdByRoom, houseIdsOfBuilding } from '../../core/documents/targets';
import { cliRequestFor } from '../../core/documents/cli-targets';
import { DOCUMENT_KIND_TITLES, type DocumentKindT, type DocumentRequestT } from '../../../shared/contract/documents';

const kinds = Object.values(CLI_NAMES).join('|');
export const documentUsage = `document ${kinds} --db 数据库文件 --out 文件.docx [--house 房号 | --building 楼栋号 | --ticket 工单号] [--template 模板名称] [--estate 项目编号] [--pdf 文件.pdf]`;

export interface Target {
  ticket?: string;
  house?: string;
  building?: string;
  template?: string;
  estateId?: number;
}

/** What the arguments ask to print, as the same request the app sends. */
async function requestFor(ctx: CoreContext, kind: DocumentKindT, t: Target): Promise<DocumentRequestT> {
  const title = DOCUMENT_KIND_TITLES[kind];
  switch (kind) {
    case 'acceptanceSlip':
    case 'workOrder':
      if (!t.ticket) throw new UsageError(`${title}需要 --ticket 工单号`);
      return { document: kind, ticketId: await ticketIdByNo(ctx, t.ticket) };
    case 'moveInPacket':
      if (t.house) return { document: kind, houseIds: [await houseIdByRoom(ctx, t.house, t.estateId)] };
      if (t.building) return { document: kind, houseIds: (await houseIdsOfBuilding(ctx, t.building, t.estateId)).houseIds };
      throw new UsageError(`${title}需要 --house 房号 或 --building 楼栋号`);
    default:
      return cliRequestFor(ctx, kind, t);
  }
}

/** Any printout as an editable Word file, and with --pdf the PDF the desk would print. */
export async function documentCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      out: { type: 'string' },
      pdf: { type: 'string' },
      ticket: { type: 'string' },
      house: { type: 'string' },
      building: { type: 'string' },
      template: { type: 'string' },
      estate: { type: 'string' },
    },
    1,
  );
  const kindName = positionals[0];
  if (!kindName) throw new UsageError(`缺少单据类型（${kinds}）`);
  const kind = documentByCliName(kindName);
  if (!kind) throw new UsageError(`未知的单据类型：${kindName}（可选：${kinds}）`);
  const db = userPath(required(values.db, '--db'));
  const out = userPath(required(values.out, '--out'));
  if (!/\.docx$/i.test(out)) throw new UsageError('--out 应为 .docx 文件');
  const pdf = typeof values.pdf === 'string' ? userPath(values.pdf) : null;
  if (pdf && !/\.pdf$/i.test(pdf)) throw new UsageError('--pdf 应为 .pdf 文件');
  if ([values.ticket, values.house, values.building].filter(Boolean).length > 1) throw new UsageError('--ticket、--house、--building 只能选一个');
  const target: Target = {
    ticket: values.ticket,
    house: values.house,
    building: values.building,
    template: values.template,
    estateId: values.estate === undefined ? undefined : positiveInt(values.estate, '--estate', 1),
  };
  mustExist(db);
  const { ctx, close } = await openCliContext(db);
  try {
    const request = await requestFor(ctx, kind, target);
    const title = DOCUMENT_KIND_TITLES[kind];
    if (!pdf) {
      const src = await sourceFor(ctx, request);
      const bytes = await renderWord(src);
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, bytes);
      // logged like 导出Word in the window, with its printFull lines (docs/PRIVACY.md)
      await logPrint(ctx, src, 'docx', null);
      console.log(`已生成 ${title}（Word，${src.count} 份）：${out}`);
      return 0;
    }
    // with a PDF: the app's own batch path (docs/PRINTING.md), the PDF from the same Chromium print pipeline the harness uses
    const { harnessPrintHandlers, openPrinter, closePrinter } = await import('../../harness/print-pdf');
    openPrinter();
    const printer = harnessPrintHandlers(ctx, async (fileName, data) => {
      const path = /\.pdf$/i.test(fileName) ? pdf : out;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
      return path;
    });
    try {
      let status = await printer['documents.batch.start']({ request });
      let shown = '';
      while (status.state === 'running') {
        await new Promise((r) => setTimeout(r, 200));
        status = await printer['documents.batch.status']({ batchId: status.batchId });
        const line = `${status.phase} ${status.done}/${status.total}`;
        if (line !== shown && process.stderr.isTTY) process.stderr.write(`\r${line}   `);
        shown = line;
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (status.state !== 'done' || !status.result) throw new UserError('INTERNAL', status.message ?? '生成失败');
      await printer['documents.batch.save']({ batchId: status.batchId, format: 'docx' });
      await printer['documents.batch.save']({ batchId: status.batchId, format: 'pdf' });
      console.log(`已生成 ${title}（Word，${status.result.units} 份）：${out}`);
      console.log(`已生成 ${title}（PDF，共 ${status.result.pages} 页）：${pdf}`);
    } finally {
      await printer.close();
      await closePrinter();
    }
    return 0;
  } finally {
    await close();
  }
}
