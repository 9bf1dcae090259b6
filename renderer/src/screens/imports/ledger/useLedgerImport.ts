import { useCallback, useMemo, useRef } from 'react';
import type { LedgerCommitResultT, LedgerMappingT, LedgerPreviewT, TicketT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';
import { useImportFlow, type ImportOps } from '../useImportFlow';

type TicketType = TicketT['type'];

/**
 * The ledger import flow over the imports.ledger.* channels (same steps as the roster import),
 * plus the ledger's own choice: what rows with an empty 类型 become (none unless chosen).
 */
export function useLedgerImport(estateId: number) {
  // read by remap: the choice travels with every re-preview of this file
  const defaultType = useRef<TicketType | null>(null);
  const ops = useMemo<ImportOps<LedgerPreviewT, LedgerMappingT, LedgerCommitResultT>>(
    () => ({
      preview: (fileName, dataBase64) => {
        // a new file starts without the choice made for the previous one
        defaultType.current = null;
        return api['imports.ledger.preview']({ fileName, dataBase64, estateId });
      },
      remap: (token, mapping) => api['imports.ledger.remap']({ token, mapping, defaultType: defaultType.current }),
      commit: (token) => api['imports.ledger.commit']({ token }),
      report: (token) => api['imports.ledger.report']({ token }),
    }),
    [estateId],
  );
  const flow = useImportFlow(ops);
  const { preview, remap } = flow;
  const chooseDefaultType = useCallback(
    (type: TicketType | null) => {
      if (!preview) return;
      defaultType.current = type;
      void remap(preview.mapping);
    },
    [preview, remap],
  );
  return { ...flow, chooseDefaultType };
}
