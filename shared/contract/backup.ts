import { z } from 'zod';
import { Empty, FileUpload } from './common';

/** Automatic backups (docs/BACKUP.md): where they go and whether they run. */
export const BackupSettings = z.object({
  /** the folder backups go to (a USB stick, a network share); null until one is chosen */
  folder: z.string().nullable(),
  /** back up at start, at quit and once a day */
  auto: z.boolean(),
});
export const BackupSettingsPatch = z.object({
  folder: z.string().trim().min(1, '请填写备份文件夹').max(1000, '文件夹路径不超过1000字').nullable().optional(),
  auto: z.boolean().optional(),
});

export const BACKUP_REASONS = ['start', 'quit', 'daily', 'manual', 'restore'] as const;
export const BACKUP_REASON_LABELS: Record<(typeof BACKUP_REASONS)[number], string> = {
  start: '启动时',
  quit: '退出时',
  daily: '每日',
  manual: '手动',
  restore: '从备份恢复',
};

/** One backup (or restore) as the history keeps it. */
export const BackupRecord = z.object({
  /** UTC ISO time it started */
  at: z.string(),
  reason: z.enum(BACKUP_REASONS),
  ok: z.boolean(),
  /** the backup file written (a restore: the file restored from) */
  file: z.string().nullable(),
  bytes: z.number().int().nullable(),
  photos: z.number().int().nullable(),
  /** a failure's Chinese reason, or a note (photos already missing, the safety copy of a restore) */
  message: z.string().nullable(),
  /** old backups removed by retention after this one (file names in the backup folder) */
  removed: z.array(z.string()),
});

export const BackupHistory = z.object({
  settings: BackupSettings,
  /** newest first */
  records: z.array(BackupRecord),
  /** a backup is being written right now */
  running: z.boolean(),
});

/** A restore reads a file the shell's open dialog chose (Electron), or one the window uploads (the harness). */
export const BackupRestoreInput = z
  .object({
    path: z.string().min(1, '请选择备份文件').max(4096, '文件路径太长').optional(),
    upload: FileUpload.optional(),
  })
  .strict()
  .refine((v) => (v.path === undefined) !== (v.upload === undefined), '请选择一个备份文件');
export const BackupRestoreResult = z.object({
  /** the database as it was before, kept beside it */
  safetyCopy: z.string().nullable(),
  /** the photo folder as it was before; null when the backup held no photos or there was none */
  photosSafetyCopy: z.string().nullable(),
  photos: z.number().int().nullable(),
  schemaVersion: z.number().int(),
});

/** a folder or file the shell's dialog chose; null: cancelled */
export const PickedPath = z.object({ path: z.string().nullable() });

export const backupChannels = {
  'backup.settings.get': { input: Empty, output: BackupSettings },
  'backup.settings.update': { input: BackupSettingsPatch, output: BackupSettings },
  /** a backup into the chosen folder now; a failure is kept in the history and answered as a refusal */
  'backup.run': { input: Empty, output: BackupRecord },
  'backup.history': { input: Empty, output: BackupHistory },
  /** replaces the data with a backup's, keeping the current data aside; the core reopens the database */
  'backup.restore': { input: BackupRestoreInput, output: BackupRestoreResult },
  /** answered by the shell: a folder dialog in Electron; the harness has none (the folder is typed) */
  'backup.pickFolder': { input: Empty, output: PickedPath },
  /** answered by the shell: an open dialog for a backup file in Electron; the harness uploads the file instead */
  'backup.pickFile': { input: Empty, output: PickedPath },
} as const;

export type BackupSettingsT = z.infer<typeof BackupSettings>;
export type BackupRecordT = z.infer<typeof BackupRecord>;
export type BackupHistoryT = z.infer<typeof BackupHistory>;
