// The harness has no desktop: "saving" a file writes it into <data-dir>/downloads, never overwriting.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogHandlers, ShellHandlers } from '../core';
import type { LogFile } from '../shell-common/log-file';
import { logHandlers } from '../shell-common/log-handlers';
import { safeFileName, writeNewFile } from '../shell-common/saved-file';

export async function saveToDownloads(dataDir: string, fileName: string, dataBase64: string): Promise<string> {
  const downloads = join(dataDir, 'downloads');
  await mkdir(downloads, { recursive: true });
  // "报表.xlsx" → "报表 (1).xlsx" → "报表 (2).xlsx" …, so nothing already saved is lost
  return writeNewFile(downloads, safeFileName(fileName), dataBase64);
}

export function harnessShellHandlers(dataDir: string, log: LogFile): ShellHandlers & LogHandlers {
  return {
    'system.files.save': async ({ fileName, dataBase64 }) => ({ saved: true, path: await saveToDownloads(dataDir, fileName, dataBase64) }),
    // no desktop to open the file with: the window shows the text it gets back
    ...logHandlers(log, async () => false),
  };
}
