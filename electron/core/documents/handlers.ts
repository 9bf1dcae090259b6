import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { listPrintLog, logPrint } from './print-log';

/** Documents main builds itself; previewing and printing need a Chromium (print-service.ts, over the shell's engine). */
export function documentsHandlers(ctx: CoreContext): Pick<Handlers, 'documents.word.save' | 'documents.log.list'> {
  return {
    'documents.word.save': async (req) => {
      // the registry brings the Word writer (docx) and the font subsetter: loaded on first use (docs/PERFORMANCE.md, "Start")
      const { renderWord, sourceFor } = await import('./registry');
      const src = await sourceFor(ctx, req);
      const bytes = await renderWord(src);
      await logPrint(ctx, src, 'docx', null);
      return { fileName: `${src.fileBase}.docx`, dataBase64: bytes.toString('base64') };
    },
    'documents.log.list': (q) => listPrintLog(ctx, q),
  };
}
