import { useMemo } from 'react';
import type { RosterCommitResultT, RosterMappingT, RosterPreviewT } from '../../../../shared/contract/imports';
import { api } from '../../bridge';
import { useImportFlow, type ImportOps } from './useImportFlow';

/** The roster import flow over the imports.roster.* channels. */
export function useRosterImport(estateId: number) {
  const ops = useMemo<ImportOps<RosterPreviewT, RosterMappingT, RosterCommitResultT>>(
    () => ({
      preview: (fileName, dataBase64) => api['imports.roster.preview']({ fileName, dataBase64, estateId }),
      remap: (token, mapping) => api['imports.roster.remap']({ token, mapping }),
      commit: (token) => api['imports.roster.commit']({ token }),
      report: (token) => api['imports.roster.report']({ token }),
    }),
    [estateId],
  );
  return useImportFlow(ops);
}
