import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { ticketWordFile } from './registry';

/** Documents main builds itself; previewing and printing need a Chromium and live in the shells. */
export function documentsHandlers(ctx: CoreContext): Pick<Handlers, 'documents.word.save'> {
  return {
    'documents.word.save': async (i) => {
      const f = await ticketWordFile(ctx, i);
      return { fileName: f.fileName, dataBase64: f.bytes.toString('base64') };
    },
  };
}
