// The harness has no desktop: "saving" a file writes it into <data-dir>/downloads, never overwriting.
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { LogHandlers, ShellHandlers } from '../core';
import type { LogFile } from '../shell-common/log-file';
import { logHandlers } from '../shell-common/log-handlers';
import { safeFileName, writeSavedFile } from '../shell-common/saved-file';

/** "报表.xlsx" → "报表 (1).xlsx" → "报表 (2).xlsx" … so nothing already saved is lost. */
export function freePath(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = join(dir, name);
  for (let n = 1; existsSync(candidate); n++) candidate = join(dir, `${stem} (${n})${ext}`);
  return candidate;
}

export async function saveToDownloads(dataDir: string, fileName: string, dataBase64: string): Promise<string> {
  const downloads = join(dataDir, 'downloads');
  await mkdir(downloads, { recursive: true });
  const path = freePath(downloads, safeFileName(fileName));
  await writeSavedFile(path, dataBase64);
  return path;
}

export function harnessShellHandlers(dataDir: string, log: LogFile): ShellHandlers & LogHandlers {
  return {
    'system.files.save': async ({ fileName, dataBase64 }) => ({ saved: true, path: await saveToDownloads(dataDir, fileName, dataBase64) }),
    // no desktop to open the file with: the window shows the text it gets back
    ...logHandlers(log, async () => false),
  };
}
