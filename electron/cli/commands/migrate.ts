import { existsSync } from 'node:fs';
import { parse, required, userPath } from '../args';
import { UserError } from '../../core/errors';
import { openDatabase, schemaVersion } from '../../core/db/connection';
import { KNOWN_SCHEMA_VERSION, openReadonly } from '../../core/backup/inspect';

export const migrateUsage = 'migrate --db 数据库文件';

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' } });
  const db = userPath(required(values.db, '--db'));
  const existed = existsSync(db);
  let before = 0;
  if (existed) {
    const ro = openReadonly(db);
    try {
      before = schemaVersion(ro);
    } finally {
      ro.close();
    }
    if (before > KNOWN_SCHEMA_VERSION)
      throw new UserError('CONFLICT', `该数据库来自较新版本的程序（数据版本 ${before}），本程序只支持到版本 ${KNOWN_SCHEMA_VERSION}，未做改动`);
  }
  const opened = await openDatabase({ file: db });
  try {
    const after = schemaVersion(opened.sqlite);
    if (!existed) console.log(`数据库文件不存在，已新建：${db}`);
    console.log(before === after ? `数据版本 ${after}，已是最新` : `数据版本 ${before} → ${after}，升级完成`);
    return 0;
  } finally {
    await opened.close();
  }
}
