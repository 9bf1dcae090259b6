import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { renderWord, sourceFor } from './registry';

/** Documents main builds itself; previewing and printing need a Chromium and live in the shells. */
export function documentsHandlers(ctx: CoreContext): Pick<Handlers, 'documents.word.save'> {
  return {
    'documents.word.save': async (req) => {
      const src = await sourceFor(ctx, req);
      const bytes = await renderWord(src);
      return { fileName: `${src.fileBase}.docx`, dataBase64: bytes.toString('base64') };
    },
  };
}
