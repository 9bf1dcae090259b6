import type { HandlerGroup } from '../dispatch';
import { UserError } from '../errors';

// The ticket-ledger import (imports.ledger.*) is in the contract but not built yet. Until its
// handlers replace these, the channels answer with a clear refusal instead of being missing.
const pending = async (): Promise<never> => {
  throw new UserError('UNAVAILABLE', '工单台账导入功能尚未提供');
};

export const ledgerPending: HandlerGroup<'imports.ledger.'> = {
  'imports.ledger.preview': pending,
  'imports.ledger.remap': pending,
  'imports.ledger.commit': pending,
  'imports.ledger.report': pending,
};
