import { existsSync } from 'node:fs';
import { UserError } from '../core/errors';
import { openDatabase } from '../core/db/connection';
import type { CoreContext } from '../core/context';

export const CLI_ACTOR = '命令行';

/** The same services over the same file as the app; audit lines say the command line did it. */
export async function openCliContext(dbFile: string): Promise<{ ctx: CoreContext; close(): Promise<void> }> {
  const opened = await openDatabase({ file: dbFile });
  const ctx: CoreContext = { db: opened.db, sqlite: opened.sqlite, dbFile: opened.file, actor: async () => CLI_ACTOR, now: () => new Date() };
  return { ctx, close: opened.close };
}

export function mustExist(dbFile: string): void {
  if (!existsSync(dbFile)) throw new UserError('NOT_FOUND', `数据库文件不存在：${dbFile}`);
}
