import type { CoreContext } from '../../context';
import type { HandlerGroup } from '../../dispatch';
import type { LedgerMappingT, LedgerPreviewT, TicketT } from '../../../../shared/contract/desk';
import { conflict, UserError } from '../../errors';
import { TokenSessions } from '../roster/sessions';
import { ensureEstate } from '../roster/service';
import { decodeUpload } from '../upload';
import { buildLedgerReport } from './report';
import { commitLoadedLedger, loadLedger, planLoaded, rememberLedgerMapping, resolveLedgerMapping, toLedgerPreview, type LoadedLedger } from './service';

interface LedgerSession {
  loaded: LoadedLedger;
  estateId: number;
  mapping: LedgerMappingT;
  defaultType: TicketT['type'] | null;
  rows: LedgerPreviewT['rows'];
  committed: boolean;
}

/** The historic complaint-ledger import: preview, re-map, commit all-or-nothing, problem report. */
export function ledgerHandlers(ctx: CoreContext, sessions = new TokenSessions<LedgerSession>()): HandlerGroup<'imports.ledger.'> {
  const session = (token: string) => {
    const s = sessions.get(token);
    if (!s) throw new UserError('NOT_FOUND', '导入已过期（超过30分钟未操作）或已关闭，请重新选择文件');
    return s;
  };
  return {
    'imports.ledger.preview': async (input) => {
      const buffer = decodeUpload(input.dataBase64);
      await ensureEstate(ctx.db, input.estateId);
      const loaded = await loadLedger(buffer, input.fileName);
      const { mapping, remembered } = await resolveLedgerMapping(ctx, loaded, input.mapping);
      const defaultType = input.defaultType ?? null;
      const plan = await planLoaded(ctx, loaded, mapping, input.estateId, defaultType);
      const s = sessions.add({ loaded, estateId: input.estateId, mapping, defaultType, rows: plan.rows, committed: false });
      return toLedgerPreview(s.token, loaded, mapping, remembered, plan, defaultType);
    },
    'imports.ledger.remap': async (input) => {
      const s = session(input.token);
      if (s.committed) throw conflict('这个文件已经导入，不能再修改列对应关系；如需重新导入，请重新选择文件');
      const { mapping } = await resolveLedgerMapping(ctx, s.loaded, input.mapping);
      await rememberLedgerMapping(ctx, s.loaded.headers, mapping);
      // left out: keep the choice made before; null clears it
      const defaultType = input.defaultType === undefined ? s.defaultType : input.defaultType;
      const plan = await planLoaded(ctx, s.loaded, mapping, s.estateId, defaultType);
      s.mapping = mapping;
      s.defaultType = defaultType;
      s.rows = plan.rows;
      return toLedgerPreview(s.token, s.loaded, mapping, false, plan, defaultType);
    },
    'imports.ledger.commit': async (input) => {
      const s = session(input.token);
      if (s.committed) throw conflict('这个文件已经导入过了；如需再次导入，请重新选择文件');
      const done = await commitLoadedLedger(ctx, s.loaded, s.mapping, s.estateId, s.defaultType);
      s.committed = true;
      s.rows = done.plan.rows;
      return done.result;
    },
    'imports.ledger.report': async (input) => {
      const s = session(input.token);
      return buildLedgerReport(s.rows, s.loaded.fileName, s.loaded.otherSheets);
    },
  };
}
