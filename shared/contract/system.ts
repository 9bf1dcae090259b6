import { z } from 'zod';
import { Empty, Id, optText, SavedFile } from './common';
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

/** First run's demo size: a training estate, generated in seconds. More is refused, never cut down. */
export const SETUP_DEMO_HOUSES = { min: 20, max: 5000 } as const;
const demoHousesMessage = `演示房屋数量应为 ${SETUP_DEMO_HOUSES.min} 至 ${SETUP_DEMO_HOUSES.max} 之间的整数`;

export const SetupInput = z.object({
  estateName: z.string().trim().min(1, '请填写项目名称').max(60, '项目名称不超过60字'),
  /** service phone and address are asked for, optional, and stay blank when not given */
  phone: optText(40, '服务中心电话'),
  address: optText(200, '地址'),
  demo: z.boolean(),
  houses: z
    .number({ message: demoHousesMessage })
    .int(demoHousesMessage)
    .min(SETUP_DEMO_HOUSES.min, `演示房屋至少 ${SETUP_DEMO_HOUSES.min} 户`)
    .max(SETUP_DEMO_HOUSES.max, `演示房屋最多 ${SETUP_DEMO_HOUSES.max} 户；更大的项目请导入业主名册`)
    .optional(),
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
