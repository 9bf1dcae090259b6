import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError, parse, required, userPath } from '../args';
import { mustExist, openCliContext } from '../context';
import { DOCUMENT_KINDS, documentByCliName, ticketIdByNo, ticketWordFile } from '../../core/documents/registry';

const kinds = Object.values(DOCUMENT_KINDS)
  .map((k) => k.cliName)
  .join('|');
export const documentUsage = `document ${kinds} --db 数据库文件 --ticket 工单号 --out 文件.docx [--pdf 文件.pdf]`;

/** One printout of a ticket as an editable Word file, and with --pdf the PDF the desk would print. */
export async function documentCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, ticket: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'string' } }, 1);
  const kind = positionals[0];
  if (!kind) throw new UsageError(`缺少单据类型（${kinds}）`);
  const document = documentByCliName(kind);
  if (!document) throw new UsageError(`未知的单据类型：${kind}（可选：${kinds}）`);
  const db = userPath(required(values.db, '--db'));
  const no = required(values.ticket, '--ticket');
  const out = userPath(required(values.out, '--out'));
  if (!/\.docx$/i.test(out)) throw new UsageError('--out 应为 .docx 文件');
  const pdf = typeof values.pdf === 'string' ? userPath(values.pdf) : null;
  mustExist(db);
  const { ctx, close } = await openCliContext(db);
  try {
    const ticketId = await ticketIdByNo(ctx, no);
    const word = await ticketWordFile(ctx, { document, ticketId });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, word.bytes);
    console.log(`已生成 ${DOCUMENT_KINDS[document].title}（Word）：${out}`);
    if (pdf) {
      // the PDF comes from the same Chromium print pipeline the harness uses (docs/PRINTING.md)
      const { harnessPrintHandlers, openPrinter, closePrinter } = await import('../../harness/print-pdf');
      openPrinter();
      try {
        const printer = harnessPrintHandlers(ctx, async () => '');
        const preview = await printer['documents.print.preview']({ document, ticketId });
        await mkdir(dirname(pdf), { recursive: true });
        await writeFile(pdf, Buffer.from(preview.pdfBase64, 'base64'));
        console.log(`已生成 ${DOCUMENT_KINDS[document].title}（PDF，共 ${preview.pages} 页）：${pdf}`);
      } finally {
        await closePrinter();
      }
    }
    return 0;
  } finally {
    await close();
  }
}
