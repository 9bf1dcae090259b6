// Automatic backups in the desktop app (docs/BACKUP.md): the start backup once the core is open, a
// timer for the daily one, and the quit backup before the database closes. The logic is the core's
// (core/backup/schedule.ts, shared with the harness); this only ties it to the app's life.
import type { Core } from '../core';
import { startAutoBackups } from '../core/backup/schedule';
import type { LogFile } from '../shell-common/log-file';

/** how long the quit backup may hold a closing app (a slow network share); after that the app closes anyway */
const QUIT_WAIT_MS = 30_000;

export function startBackupTimer(core: Core, log: LogFile): { quit(): Promise<void> } {
  const auto = startAutoBackups(core, (message) => log.write('warn', 'backup', message));
  return {
    quit: async () => {
      log.write('info', 'backup', '退出前备份');
      await auto.quit(QUIT_WAIT_MS);
    },
  };
}
