// startHarness: the whole browser harness (database + core + HTTP layer) for the CLI and for tests.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import type { Dispatch } from '../core/dispatch';
import { closeServer, createHarnessServer, HARNESS_HOST, listenLoopback } from './http';
import { harnessShellHandlers, saveToDownloads } from './shell-handlers';
import { createLogFile, describeError } from '../shell-common/log-file';
import { harnessPrintHandlers, closePrinter, openPrinter } from './print-pdf';

// FRONTDESK_RENDERER_DIR lets parallel work trees test their own build (see electron.vite.config.ts)
export const DEFAULT_RENDERER_DIR = process.env.FRONTDESK_RENDERER_DIR
  ? resolve(process.env.FRONTDESK_RENDERER_DIR)
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');

export interface HarnessOptions {
  dbFile: string;
  /** 0 picks a free port */
  port: number;
  /** where "saved" files go (<dataDir>/downloads); defaults to the database's folder */
  dataDir?: string;
  rendererDir?: string;
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
  let printing: ReturnType<typeof harnessPrintHandlers> | null = null;
  const core = await createCore(
    { file: dbFile },
    { kind: 'harness' },
    (ctx) => {
      printing = harnessPrintHandlers(ctx, (fileName, data) => saveToDownloads(dataDir, fileName, data.toString('base64')));
      const { close: _close, ...handlers } = printing;
      return { ...harnessShellHandlers(dataDir, log), ...handlers };
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
  // Chromium for printing starts now, in the background, so the first preview finds it warm
  openPrinter();
  let closed: Promise<void> | null = null;
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
        // batches stop first: they read the database between pages
        .then(() => printing?.close())
        .then(() => closePrinter())
        .then(() => core.close())),
  };
}
