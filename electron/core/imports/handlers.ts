import type { CoreContext } from '../context';
import { lazyGroup, type HandlerGroup } from '../dispatch';
import { conflict, UserError } from '../errors';
import { RosterSessions, type RosterSession } from './roster/sessions';
import type * as Service from './roster/service';
import type { LoadedRoster } from './roster/service';
import { rememberMapping } from './roster/mapping-store';

// The workbook reader and writer (exceljs) and the pinyin of new people (pinyin-pro) load on the first
// import, not at start (docs/PERFORMANCE.md, "Start").
const service = () => import('./roster/service');
const upload = () => import('./upload');

/** The roster's entry points without a session (tests, CLI), loaded on first use like the handlers. */
export const previewRoster = async (...args: Parameters<typeof Service.previewRoster>) => (await service()).previewRoster(...args);
export const commitRoster = async (...args: Parameters<typeof Service.commitRoster>) => (await service()).commitRoster(...args);

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
      const buffer = (await upload()).decodeUpload(input.dataBase64);
      const { ensureEstate, loadRoster, planRoster, resolveMapping, toPreview } = await service();
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
      const { planRoster, resolveMapping, toPreview } = await service();
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
      const done = await (await service()).commitLoaded(ctx, loadedOf(s), s.mapping, s.estateId);
      s.committed = true;
      s.rows = done.rows;
      return done.result;
    },

    'imports.roster.report': async (input) => {
      const s = session(input.token);
      const { buildReport } = await import('./roster/report');
      return buildReport(s.rows, s.fileName);
    },
  };
}

export function importsHandlers(ctx: CoreContext): HandlerGroup<'imports.'> {
  return { ...rosterHandlers(ctx), ...lazyGroup('imports.ledger.', async () => (await import('./ledger/handlers')).ledgerHandlers(ctx)) };
}
