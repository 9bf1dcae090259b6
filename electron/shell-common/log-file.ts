// The app's log file, for the admin when an error message says 查看日志: unexpected errors in main,
// and errors the window reports through system.log.write. Plain Node (no 'electron'): the Electron
// shell keeps it in <userData>/logs, the harness in <data-dir>/logs.
// Size-capped: past maxBytes the file becomes frontdesk.1.log (older ones shift up to `keep`), so a
// loop of errors can never fill the disk. Writing never throws: a log that fails must not add a
// second failure to the first.
import { appendFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cstDateTime } from '../../shared/domain/time';

export type LogLevel = 'error' | 'warn' | 'info';

export const LOG_FILE_NAME = 'frontdesk.log';

export interface LogFileOptions {
  /** rotate when the file would grow past this (default 5 MiB) */
  maxBytes?: number;
  /** how many rotated files to keep besides the current one (default 3) */
  keep?: number;
  now?: () => Date;
}

export interface LogFile {
  /** the current file: <dir>/frontdesk.log */
  readonly path: string;
  write(level: LogLevel, source: string, message: string, detail?: unknown): void;
  /** the end of the current file (at most maxChars characters), for showing on screen */
  tail(maxChars?: number): string;
}

/** An Error's stack (which starts with its message), or the value as text. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause === undefined ? '' : `\n原因 / cause: ${describeError(err.cause)}`;
    return `${err.stack ?? `${err.name}: ${err.message}`}${cause}`;
  }
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

const LEVEL_LABEL: Record<LogLevel, string> = { error: 'ERROR', warn: 'WARN ', info: 'INFO ' };

/** 5 MiB × (current + 3 rotated): months of starts, quits and errors, at most 20 MiB on disk */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export function createLogFile(dir: string, opts: LogFileOptions = {}): LogFile {
  const maxBytes = opts.maxBytes ?? LOG_MAX_BYTES;
  const keep = Math.max(1, opts.keep ?? 3);
  const now = opts.now ?? (() => new Date());
  const path = join(dir, LOG_FILE_NAME);
  const rotated = (n: number) => join(dir, `frontdesk.${n}.log`);

  function sizeOf(file: string): number {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  }

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    renameSync(path, rotated(1));
  }

  function entry(level: LogLevel, source: string, message: string, detail: unknown): string {
    // one header line in China time (the users' zone, whatever the machine says), details indented below
    const head = `${cstDateTime(now(), true)} ${LEVEL_LABEL[level]} [${source}] ${message.replace(/\s*\n\s*/g, ' ')}`;
    const body = detail === undefined || detail === null || detail === '' ? '' : `\n${describeError(detail).replace(/^/gm, '    ')}`;
    return `${head}${body}\n`;
  }

  return {
    path,
    write(level, source, message, detail) {
      try {
        let text = entry(level, source, message, detail);
        // one entry never takes more than half the cap, or it would rotate away everything before it
        const limit = Math.floor(maxBytes / 2);
        if (Buffer.byteLength(text, 'utf8') > limit)
          text = `${Buffer.from(text, 'utf8')
            .subarray(0, limit)
            .toString('utf8')
            .replace(/\uFFFD*$/, '')}…（已截断）\n`;
        mkdirSync(dir, { recursive: true });
        if (sizeOf(path) > 0 && sizeOf(path) + Buffer.byteLength(text, 'utf8') > maxBytes) rotate();
        appendFileSync(path, text, 'utf8');
      } catch (err) {
        console.error('[log] 无法写入日志文件', path, err);
        console.error(`[${source}] ${message}`, detail ?? '');
      }
    },
    tail(maxChars = 20_000) {
      try {
        const size = sizeOf(path);
        if (!size) return '';
        // read only the end of the file: 4 bytes a character covers any UTF-8
        const bytes = Math.min(size, maxChars * 4);
        const buf = Buffer.alloc(bytes);
        const fd = openSync(path, 'r');
        try {
          readSync(fd, buf, 0, bytes, size - bytes);
        } finally {
          closeSync(fd);
        }
        const text = buf.toString('utf8').replace(/^\uFFFD+/, '');
        return text.length > maxChars ? text.slice(text.length - maxChars) : text;
      } catch {
        return '';
      }
    },
  };
}
