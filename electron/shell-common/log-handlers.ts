// system.log.write and system.log.open over a log file, for both shells; only "open" differs
// (Electron hands the file to the system's viewer, the harness has no desktop and only returns its text).
import type { LogHandlers } from '../core';
import type { LogFile } from './log-file';

export function logHandlers(log: LogFile, openFile: (path: string) => Promise<boolean>): LogHandlers {
  return {
    'system.log.write': async ({ level, source, message, detail }) => {
      log.write(level, source, message, detail);
      return { path: log.path };
    },
    'system.log.open': async () => {
      // an empty log still opens: say so in it rather than show a missing file
      if (!log.tail(1)) log.write('info', 'main', '日志文件已创建（此前没有记录任何错误）');
      const opened = await openFile(log.path);
      return { path: log.path, opened, text: log.tail() };
    },
  };
}
