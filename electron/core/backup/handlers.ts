import { rmSync, writeFileSync } from 'node:fs';
import type { BackupRecordT } from '../../../shared/contract/backup';
import type { CoreContext } from '../context';
import type { HandlerGroup } from '../dispatch';
import { audit } from '../db/audit';
import { UserError } from '../errors';
import { fsReason } from './files';
import { reopenOf } from './reopen';
import { restoreDatabase, type RestoreReport } from './restore';
import { addBackupRecord, backups, readBackupHistory, readBackupSettings, updateBackupSettings, writeBackupState } from './schedule';
import { fileStamp } from './stamp';

/** answered by the shells: their dialogs (Electron), or a refusal (the harness, tests) */
type BackupShellChannel = 'backup.pickFolder' | 'backup.pickFile';
export type BackupShellHandlers = Pick<HandlerGroup<'backup.'>, BackupShellChannel>;

const noDialog = async (): Promise<never> => {
  throw new UserError('UNAVAILABLE', '当前环境不能弹出选择窗口：请直接填写文件夹路径，或上传备份文件');
};

/**
 * A restore from the settings screen (docs/BACKUP.md): the database is closed, restoreDatabase checks
 * the file in full and swaps it in (keeping the current data aside), and the core opens the database
 * again. The backup settings and history of the data being replaced carry over (they describe this
 * PC's backups, not the backup's), with the restore added to the history and the audit log.
 */
async function restoreFrom(ctx: CoreContext, from: string, shownAs: string): Promise<{ ctx: CoreContext; report: RestoreReport }> {
  const reopen = reopenOf(ctx);
  if (!reopen) throw new UserError('UNAVAILABLE', '当前环境不能在运行中恢复：请关闭程序后用命令行 restore 恢复');
  const settings = await readBackupSettings(ctx);
  const history = await readBackupHistory(ctx);
  const actor = await ctx.actor();
  const signedIn = ctx.session?.user ?? null;
  const at = ctx.now();
  await backups(ctx).idle();
  const outcome: { report: RestoreReport | null; failure: unknown } = { report: null, failure: null };
  const next = await reopen(async () => {
    try {
      outcome.report = await restoreDatabase({ from, dbFile: ctx.dbFile, now: at });
    } catch (err) {
      outcome.failure = err;
    }
  });
  const done = outcome.report;
  const failure = outcome.failure;
  const record: BackupRecordT = {
    at: at.toISOString(),
    reason: 'restore',
    ok: done !== null,
    file: shownAs,
    bytes: null,
    photos: done ? (done.photos?.restored ?? null) : null,
    message: done ? `恢复前的数据已另存为 ${done.safetyCopy ?? '（无）'}` : failure instanceof UserError ? failure.message : '恢复失败：程序内部错误',
    removed: [],
  };
  if (done) {
    await writeBackupState(next, settings, [record, ...history]);
    await audit(next.db, actor, 'backup', null, 'restore', { from: shownAs, safetyCopy: done.safetyCopy, photosSafetyCopy: done.photos?.safetyCopy ?? null });
  } else {
    await addBackupRecord(next, record);
    // a refused restore left the data as it was: whoever asked stays signed in (after a restore they sign in again, docs/BACKUP.md)
    if (signedIn) next.session?.signIn(signedIn);
    throw failure;
  }
  return { ctx: next, report: done };
}

export function backupHandlers(ctx: CoreContext): Omit<HandlerGroup<'backup.'>, BackupShellChannel> & BackupShellHandlers {
  return {
    'backup.settings.get': () => readBackupSettings(ctx),
    'backup.settings.update': (patch) => updateBackupSettings(ctx, patch),
    'backup.run': async () => {
      const record = await backups(ctx).run('manual');
      if (!record.ok) throw new UserError('FILE', record.message ?? '备份失败');
      return record;
    },
    'backup.history': async () => ({ settings: await readBackupSettings(ctx), records: await readBackupHistory(ctx), running: backups(ctx).busy }),
    'backup.restore': async ({ path, upload }) => {
      let from = path ?? '';
      let shownAs = path ?? '';
      if (upload) {
        // the harness's window uploads the file: it goes beside the database (same disk as the staging files), then away
        from = `${ctx.dbFile}.upload-${fileStamp(ctx.now())}.tar`;
        shownAs = upload.fileName;
        try {
          writeFileSync(from, Buffer.from(upload.dataBase64, 'base64'));
        } catch (err) {
          rmSync(from, { force: true });
          throw new UserError('FILE', `无法接收上传的备份文件（${fsReason(err)}）。当前数据库未做任何改动。`);
        }
      }
      try {
        const { report } = await restoreFrom(ctx, from, shownAs);
        return {
          safetyCopy: report.safetyCopy,
          photosSafetyCopy: report.photos?.safetyCopy ?? null,
          photos: report.photos?.restored ?? null,
          schemaVersion: report.schemaVersion,
        };
      } finally {
        if (upload) rmSync(from, { force: true });
      }
    },
    'backup.pickFolder': noDialog,
    'backup.pickFile': noDialog,
  };
}
