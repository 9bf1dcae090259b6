// The command line's --house / --building / --template for notices, permits and passes: the record
// each names (the latest of that house), as the request the app would send. Filled in as those
// domains land.
import type { CoreContext } from '../context';
import { UserError } from '../errors';
import type { DocumentKindT, DocumentRequestT } from '../../../shared/contract/documents';

export interface CliTarget {
  house?: string;
  building?: string;
  template?: string;
  estateId?: number;
}

export async function cliRequestFor(_ctx: CoreContext, kind: DocumentKindT, _t: CliTarget): Promise<DocumentRequestT> {
  throw new UserError('UNAVAILABLE', `命令行暂不支持 ${kind}`);
}
