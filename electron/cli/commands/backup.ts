import { parse, required, userPath } from '../args';
import { mustExist } from '../context';
import { openSqlite } from '../../core/db/connection';
import { backupDatabase, backupTarget } from '../../core/backup/backup';
import { formatBytes } from '../../core/backup/inspect';

export const backupUsage = 'backup --db 数据库文件 --out 备份目录或 .tar 文件';

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
    console.log(`大小 ${formatBytes(r.bytes)}，数据版本 ${r.schemaVersion}，照片 ${r.photos.files} 张（${formatBytes(r.photos.bytes)}）`);
    console.log(`已校验：数据库完整性正常，${tables} 张表行数与原库一致；写入后逐项读回核对无误`);
    if (r.photos.missing.length)
      console.log(
        `注意：有 ${r.photos.missing.length} 张照片在备份前就已找不到文件，未能备份：${r.photos.missing.slice(0, 5).join('、')}${r.photos.missing.length > 5 ? ' 等' : ''}`,
      );
    return 0;
  } finally {
    sqlite.close();
  }
}
