import type { Handlers } from './dispatch';
import { createDispatcher, type Dispatch } from './dispatch';
import { openDatabase, type OpenOptions } from './db/connection';
import type { CoreContext, ShellInfo } from './context';
export type { ShellInfo } from './context';
import { archivesHandlers } from './archives/handlers';
import { searchHandlers } from './search/handlers';
import { importsHandlers } from './imports/handlers';
import { systemHandlers } from './system/handlers';
import { deskHandlers } from './desk/handlers';
import { documentsHandlers } from './documents/handlers';
import { packetHandlers } from './documents/packet/handlers';
import { moveinHandlers } from './movein/handlers';
import { noticesHandlers } from './notices/handlers';
import { renovationHandlers } from './renovation/handlers';
import { reportsHandlers } from './reports/handlers';
import { auditHandlers } from './audit/handlers';
import { privacyHandlers } from './privacy/handlers';
import { UserError } from './errors';
import { quarantineOrphanPhotos } from './desk/attachments';
import { staffNameSync } from './system/settings';
import { backupHandlers, type BackupShellHandlers } from './backup/handlers';
import { reopenable } from './backup/reopen';
import { accountsHandlers } from './accounts/handlers';
import { Session } from './accounts/session';
import { gate } from './accounts/gate';

/** Channels a shell (Electron or harness) answers itself, because they touch the desktop. */
export type ShellChannel = 'system.files.save';
export type ShellHandlers = Pick<Handlers, ShellChannel>;
/** Printing needs a Chromium: Electron's webContents or the harness's headless Chromium (documents/print-service.ts). */
import type { PrintHandlers } from './documents/print-service';
export type { PrintHandlers };

/** The log file lives in the shell's user-data folder (electron/shell-common/log-file.ts). */
export type LogChannel = 'system.log.write' | 'system.log.open';
export type LogHandlers = Pick<Handlers, LogChannel>;

const noLogFile: LogHandlers = {
  'system.log.write': async ({ level, source, message, detail }) => {
    console.error(`[${level}] [${source}] ${message}`, detail ?? '');
    return { path: '' };
  },
  'system.log.open': async () => {
    throw new UserError('UNAVAILABLE', '当前环境没有日志文件');
  },
};

const unavailable = async (): Promise<never> => {
  throw new UserError('UNAVAILABLE', '当前环境无法生成打印预览或打印');
};
const noPrinter: PrintHandlers = {
  'documents.print.preview': unavailable,
  'documents.print.print': unavailable,
  'documents.print.save': unavailable,
  'documents.batch.start': unavailable,
  'documents.batch.status': unavailable,
  'documents.batch.cancel': unavailable,
  'documents.batch.save': unavailable,
  'documents.printers.list': async () => ({ printers: [], note: '当前环境没有打印机' }),
};

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function createContext(opened: Awaited<ReturnType<typeof openDatabase>>): CoreContext {
  const now = () => new Date();
  const session = new Session(opened.sqlite, now);
  const ctx: CoreContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    dbFile: opened.file,
    session,
    // the signed-in user (受理人 on slips); the staff name setting where nobody signed in. Read
    // synchronously so it is safe inside a Kysely transaction (which holds the one connection)
    actor: async () => session.user?.displayName ?? staffNameSync(opened.sqlite),
    now,
  };
  return ctx;
}

export function coreHandlers(ctx: CoreContext, shell: ShellInfo): Omit<Handlers, ShellChannel> {
  return {
    ...noPrinter,
    ...noLogFile,
    ...deskHandlers(ctx),
    ...documentsHandlers(ctx),
    ...packetHandlers(ctx),
    ...moveinHandlers(ctx),
    ...noticesHandlers(ctx),
    ...renovationHandlers(ctx),
    ...reportsHandlers(ctx),
    ...accountsHandlers(ctx, ctx.session ?? new Session(ctx.sqlite, ctx.now)),
    ...auditHandlers(ctx),
    ...privacyHandlers(ctx),
    ...systemHandlers(ctx, shell),
    ...archivesHandlers(ctx),
    ...searchHandlers(ctx),
    ...importsHandlers(ctx),
    ...backupHandlers(ctx),
  };
}

export type ShellSide = ShellHandlers & Partial<PrintHandlers> & Partial<LogHandlers> & Partial<BackupShellHandlers>;

/**
 * Opens the database and wires every channel: the one backend both shells share. `log` receives
 * unexpected errors (the shells pass their log file's writer; default: the console).
 */
export async function createCore(
  opts: OpenOptions,
  shell: ShellInfo,
  shellHandlers: ShellSide | ((ctx: CoreContext) => ShellSide),
  log?: (message: string, err: unknown) => void,
): Promise<Core> {
  // a restore closes the database, replaces it and opens it again behind the same dispatch (backup/reopen.ts)
  return reopenable(() => openCore(opts, shell, shellHandlers, log));
}

async function openCore(
  opts: OpenOptions,
  shell: ShellInfo,
  shellHandlers: ShellSide | ((ctx: CoreContext) => ShellSide),
  log?: (message: string, err: unknown) => void,
): Promise<Core> {
  const opened = await openDatabase(opts);
  const ctx = createContext(opened);
  const own = typeof shellHandlers === 'function' ? shellHandlers(ctx) : shellHandlers;
  const dispatch = createDispatcher({ ...coreHandlers(ctx, shell), ...own }, log, (channel, raw) => gate(ctx.session, channel, raw));
  // photo files a crash left without their row go to attachments-quarantine/, in the background (desk/attachments.ts)
  if (!opts.readonly)
    void quarantineOrphanPhotos(ctx).catch((err: unknown) => {
      if (ctx.sqlite.open) (log ?? console.error)('检查照片文件夹时出错', err);
    });
  return { ctx, dispatch, close: opened.close };
}
