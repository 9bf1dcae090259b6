import { useMemo } from 'react';
import type { LedgerCommitResultT, LedgerMappingT, LedgerPreviewT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { useImportFlow, type ImportOps } from '../useImportFlow';

/** The ledger import flow over the imports.ledger.* channels (same steps as the roster import). */
export function useLedgerImport(estateId: number) {
  const ops = useMemo<ImportOps<LedgerPreviewT, LedgerMappingT, LedgerCommitResultT>>(
    () => ({
      preview: (fileName, dataBase64) => api['imports.ledger.preview']({ fileName, dataBase64, estateId }),
      remap: (token, mapping) => api['imports.ledger.remap']({ token, mapping }),
      commit: (token) => api['imports.ledger.commit']({ token }),
      report: (token) => api['imports.ledger.report']({ token }),
    }),
    [estateId],
  );
  return useImportFlow(ops);
}
