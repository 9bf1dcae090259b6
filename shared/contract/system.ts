import { z } from 'zod';
import { Empty, Id, SavedFile } from './common';
import { Estate } from './archives';

export const Settings = z.object({
  /** show full ID numbers on screen and in exports (until roles exist) */
  showFullIdNumbers: z.boolean(),
  /** name of the person at the counter, used as 经办人 / 受理人 */
  staffName: z.string(),
  companyName: z.string(),
});
export const SettingsPatch = Settings.partial().extend({
  staffName: z.string().trim().max(20, '姓名不超过20字').optional(),
  companyName: z.string().trim().max(60, '公司名称不超过60字').optional(),
});

export const AppStatus = z.object({
  firstRun: z.boolean(),
  estates: z.array(Estate),
  settings: Settings,
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  shell: z.enum(['electron', 'harness']),
});

export const SetupInput = z.object({
  estateName: z.string().trim().min(1, '请填写项目名称').max(60, '项目名称不超过60字'),
  phone: z.string().trim().max(40).optional(),
  demo: z.boolean(),
  houses: z.number().int().min(20).max(5000).optional(),
});
export const SetupResult = z.object({ estateId: Id, houses: z.number().int(), people: z.number().int() });

export const SaveFileInput = SavedFile;
export const SaveFileResult = z.object({ saved: z.boolean(), path: z.string().nullable() });

export const systemChannels = {
  'system.status': { input: Empty, output: AppStatus },
  'system.setup': { input: SetupInput, output: SetupResult },
  'system.settings.update': { input: SettingsPatch, output: Settings },
  /** answered by the shell: a save dialog in Electron, a downloads folder in the harness */
  'system.files.save': { input: SaveFileInput, output: SaveFileResult },
} as const;

export type SettingsT = z.infer<typeof Settings>;
export type AppStatusT = z.infer<typeof AppStatus>;
