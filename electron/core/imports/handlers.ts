import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { conflict, UserError } from '../errors';
import { buildReport } from './roster/report';
import { RosterSessions, type RosterSession } from './roster/sessions';
import { commitLoaded, ensureEstate, loadRoster, planRoster, resolveMapping, toPreview, type LoadedRoster } from './roster/service';
import { rememberMapping } from './roster/mapping-store';
import { decodeUpload } from './upload';
import { ledgerHandlers } from './ledger/handlers';

export { previewRoster, commitRoster } from './roster/service';

const loadedOf = (s: RosterSession): LoadedRoster => ({
  fileName: s.fileName,
  fileHash: s.fileHash,
  grid: s.grid,
  headerRow: s.headerRow,
  headers: s.headers,
  suggested: s.mapping,
});

/** The owner-roster import: preview (with a session), re-map, commit all-or-nothing, problem report. */
export function rosterHandlers(ctx: CoreContext, sessions: RosterSessions = new RosterSessions()): HandlerGroup<'imports.roster.'> {
  const session = (token: string): RosterSession => {
    const s = sessions.get(token);
    if (!s) throw new UserError('NOT_FOUND', '导入已过期（超过30分钟未操作）或已关闭，请重新选择文件');
    return s;
  };

  return {
    'imports.roster.preview': async (input) => {
      const buffer = decodeUpload(input.dataBase64);
      await ensureEstate(ctx.db, input.estateId);
      const loaded = await loadRoster(buffer, input.fileName);
      const { mapping, remembered } = await resolveMapping(ctx.db, loaded, input.mapping);
      if (input.mapping) await rememberMapping(ctx.db, loaded.headers, mapping);
      const plan = await planRoster(ctx.db, loaded, mapping, input.estateId);
      const s = sessions.add({ ...loaded, estateId: input.estateId, mapping, rows: plan.rows, committed: false });
      return toPreview(s.token, loaded, mapping, remembered, plan);
    },

    'imports.roster.remap': async (input) => {
      const s = session(input.token);
      if (s.committed) throw conflict('这个文件已经导入，不能再修改列对应关系；如需重新导入，请重新选择文件');
      const loaded = loadedOf(s);
      const { mapping } = await resolveMapping(ctx.db, loaded, input.mapping);
      // the user's own choice is remembered for the next file with these headers
      await rememberMapping(ctx.db, s.headers, mapping);
      const plan = await planRoster(ctx.db, loaded, mapping, s.estateId);
      s.mapping = mapping;
      s.rows = plan.rows;
      return toPreview(s.token, loaded, mapping, false, plan);
    },

    'imports.roster.commit': async (input) => {
      const s = session(input.token);
      if (s.committed) throw conflict('这个文件已经导入过了；如需再次导入，请重新选择文件');
      const done = await commitLoaded(ctx, loadedOf(s), s.mapping, s.estateId);
      s.committed = true;
      s.rows = done.rows;
      return done.result;
    },

    'imports.roster.report': async (input) => {
      const s = session(input.token);
      return buildReport(s.rows, s.fileName);
    },
  };
}

export function importsHandlers(ctx: CoreContext): HandlerGroup<'imports.'> {
  return { ...rosterHandlers(ctx), ...ledgerHandlers(ctx) };
}
