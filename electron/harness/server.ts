// startHarness: the whole browser harness (database + core + HTTP layer) for the CLI and for tests.
import { existsSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { lazyHandlers, type Dispatch } from '../core/dispatch';
import { closeServer, createHarnessServer, HARNESS_HOST, listenLoopback } from './http';
import { harnessShellHandlers, saveToDownloads } from './shell-handlers';
import { createLogFile, describeError } from '../shell-common/log-file';
import type * as PrintPdf from './print-pdf';
import { PRINT_CHANNELS } from '../shell-common/print-channels';
import { startAutoBackups } from '../core/backup/schedule';

/** <repo>/out, or FRONTDESK_OUT_DIR: where electron.vite.config.ts builds (sources: electron/harness; built: out/main). */
function buildDir(): string {
  if (process.env.FRONTDESK_OUT_DIR) return resolve(process.env.FRONTDESK_OUT_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'out');
}

// FRONTDESK_RENDERER_DIR lets parallel work trees test their own build (see electron.vite.config.ts)
export const DEFAULT_RENDERER_DIR = process.env.FRONTDESK_RENDERER_DIR ? resolve(process.env.FRONTDESK_RENDERER_DIR) : join(buildDir(), 'renderer');

export interface HarnessOptions {
  dbFile: string;
  /** 0 picks a free port */
  port: number;
  /** where "saved" files go (<dataDir>/downloads); defaults to the database's folder */
  dataDir?: string;
  rendererDir?: string;
  /**
   * When Chromium for printing starts (print-pdf.ts loads playwright-core, about a second in a fresh
   * process): 'start' right away (tests: their process has it loaded already), 'first-answer' (default)
   * once the first API call is answered or after 2 s, so that first answer doesn't wait (docs/PERFORMANCE.md, "Start").
   */
  warmPrinter?: 'start' | 'first-answer';
}

export interface Harness {
  url: string;
  port: number;
  dbFile: string;
  dataDir: string;
  downloadsDir: string;
  /** <dataDir>/logs/frontdesk.log: unexpected errors and what the window reports (system.log.write) */
  logFile: string;
  /** the core dispatcher, for seeding test data without going through HTTP */
  dispatch: Dispatch;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const dbFile = resolve(opts.dbFile);
  const dataDir = resolve(opts.dataDir ?? dirname(dbFile));
  mkdirSync(dataDir, { recursive: true });
  const log = createLogFile(join(dataDir, 'logs'));
  // the print engine (playwright-core) and the print service (pdf-lib, docx) load on first use
  let warm = (): void => undefined;
  let closed: Promise<void> | null = null;
  let printing: Promise<{ module: typeof PrintPdf; handlers: ReturnType<typeof PrintPdf.harnessPrintHandlers> }> | null = null;
  const core = await createCore(
    { file: dbFile },
    { kind: 'harness' },
    (ctx) => {
      // called again when a restore reopens the core (core/backup/reopen.ts): print handlers of the closed database go
      const stale = printing;
      printing = null;
      void stale?.then((l) => l.handlers.close().then(() => l.module.closePrinter())).catch(() => undefined);
      const loadPrinting = () =>
        (printing ??= import('./print-pdf').then(
          (module) => {
            module.openPrinter();
            const handlers = module.harnessPrintHandlers(ctx, (fileName, data) => saveToDownloads(dataDir, fileName, data.toString('base64')));
            return { module, handlers };
          },
          (err: unknown) => {
            printing = null;
            throw err;
          },
        ));
      const print = lazyHandlers(PRINT_CHANNELS, async () => (await loadPrinting()).handlers);
      warm = () => {
        if (!closed) loadPrinting().catch((err: unknown) => log.write('warn', 'main', '打印引擎加载失败', err));
      };
      return { ...harnessShellHandlers(dataDir, log), ...print };
    },
    (message, err) => {
      console.error(message, describeError(err));
      log.write('error', 'main', `${message} 程序内部错误`, err);
    },
  );
  const server = createHarnessServer({ dispatch: core.dispatch, rendererDir: opts.rendererDir ?? DEFAULT_RENDERER_DIR });
  let port: number;
  try {
    port = await listenLoopback(server, opts.port);
  } catch (err) {
    await core.close();
    throw err;
  }
  const autoBackups = startAutoBackups(core, (message) => log.write('warn', 'backup', message));
  // Chromium for printing starts in the background, so the first preview finds it warm
  if (opts.warmPrinter === 'start') warm();
  else {
    const timer = setTimeout(warm, 2000);
    timer.unref();
    const afterFirstAnswer = (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith('/api/')) return;
      server.off('request', afterFirstAnswer);
      clearTimeout(timer);
      res.once('finish', () => setImmediate(warm));
    };
    server.on('request', afterFirstAnswer);
  }
  return {
    url: `http://${HARNESS_HOST}:${port}`,
    port,
    dbFile,
    dataDir,
    downloadsDir: join(dataDir, 'downloads'),
    logFile: log.path,
    dispatch: core.dispatch,
    // prints still running finish (and may still read the database) before anything closes under them
    close: () =>
      (closed ??= closeServer(server)
        .then(() => autoBackups.quit(30_000))
        .then(async () => {
          const loaded = await printing?.catch(() => null);
          if (!loaded) return;
          // batches stop first: they read the database between pages
          await loaded.handlers.close();
          await loaded.module.closePrinter();
        })
        .then(() => core.close())),
  };
}
