import { parse, required, userPath } from '../args';
import { mustExist } from '../context';
import { openSqlite } from '../../core/db/connection';
import { backupDatabase, backupTarget } from '../../core/backup/backup';
import { formatBytes } from '../../core/backup/inspect';

export const backupUsage = 'backup --db 数据库文件 --out 备份文件或目录';

export async function backupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const db = userPath(required(values.db, '--db'));
  const rawOut = required(values.out, '--out');
  // keep a trailing separator: it says "a folder"
  const out = backupTarget(userPath(rawOut) + (/[\\/]$/.test(rawOut) ? '/' : ''), new Date());
  mustExist(db);
  // opened as it is, without migrating: a backup is a copy of what is there
  const sqlite = openSqlite({ file: db });
  try {
    const r = await backupDatabase(sqlite, out);
    const tables = Object.keys(r.tables).length;
    console.log(`备份完成：${r.file}`);
    console.log(`大小 ${formatBytes(r.bytes)}，数据版本 ${r.schemaVersion}；已校验：完整性正常，${tables} 张表行数与原库一致`);
    return 0;
  } finally {
    sqlite.close();
  }
}
