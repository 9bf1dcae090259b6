import { parse, required, userPath } from '../args';
import { restoreDatabase } from '../../core/backup/restore';
import { KNOWN_SCHEMA_VERSION } from '../../core/backup/inspect';

export const restoreUsage = 'restore --from 备份文件 --db 数据库文件（请先关闭桌面程序）';

export async function restoreCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { from: { type: 'string' }, db: { type: 'string' } });
  const from = userPath(required(values.from, '--from'));
  const db = userPath(required(values.db, '--db'));
  const r = await restoreDatabase({ from, dbFile: db });
  console.log(`已从备份恢复：${r.dbFile}（数据版本 ${r.schemaVersion}）`);
  if (r.photos) {
    console.log(`照片 ${r.photos.restored} 张已恢复${r.photos.missing ? `（另有 ${r.photos.missing} 张在备份时就已缺失）` : ''}`);
  } else console.log('这是旧版本程序的备份，只含数据库、不含照片：照片文件夹保持原样');
  if (r.safetyCopy) console.log(`恢复前的数据库已另存为：${r.safetyCopy}`);
  if (r.photos?.safetyCopy) console.log(`恢复前的照片文件夹已移到：${r.photos.safetyCopy}`);
  if (r.schemaVersion < KNOWN_SCHEMA_VERSION) console.log(`该备份的数据版本较旧，下次打开程序（或运行 migrate）时会自动升级到版本 ${KNOWN_SCHEMA_VERSION}`);
  return 0;
}
