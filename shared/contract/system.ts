import { z } from 'zod';
import { Empty, Id, optText, SavedFile } from './common';
import { Estate } from './archives';
import { DocumentKind, PrinterPref } from './documents';
import { IDLE_MINUTES } from './accounts';

export const SEAL_POSITIONS = ['right', 'left', 'none'] as const;
export const SEAL_POSITION_LABELS: Record<(typeof SEAL_POSITIONS)[number], string> = { right: '右下', left: '左下', none: '不留盖章处' };

export const Settings = z.object({
  /** name of the person at the counter, used as 经办人 / 受理人 */
  staffName: z.string(),
  companyName: z.string(),
  /** the service phone printed in every header; blank: each estate's own phone (设置 → 项目) */
  servicePhone: z.string(),
  /** the logo printed in headers, as a PNG or JPEG data: URL; null: the one shipped in resources/logo.png */
  logo: z.string().nullable(),
  showLogo: z.boolean(),
  /** where notices and permits put the seal area (盖章处) */
  sealPosition: z.enum(SEAL_POSITIONS),
  /** per document type: the printer it goes to, and whether without the system dialog */
  printers: z.partialRecord(DocumentKind, PrinterPref),
  /** minutes without activity before the window locks (docs/ACCOUNTS.md); absent: IDLE_MINUTES.default */
  idleMinutes: z.number().int().optional(),
});
/** a logo is a small picture: 300 KB as a data: URL */
export const LOGO_MAX_CHARS = 400_000;
const idleMessage = `自动锁定时间应为 ${IDLE_MINUTES.min} 至 ${IDLE_MINUTES.max} 分钟`;
export const SettingsPatch = Settings.partial().extend({
  staffName: z.string().trim().min(1, '请填写经办人姓名').max(20, '姓名不超过20字').optional(),
  companyName: z.string().trim().max(60, '公司名称不超过60字').optional(),
  servicePhone: z.string().trim().max(40, '服务电话不超过40字').optional(),
  logo: z
    .string()
    .max(LOGO_MAX_CHARS, '标志图片不超过 300 KB')
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, '标志应为 PNG 或 JPEG 图片')
    .nullable()
    .optional(),
  idleMinutes: z.number({ message: idleMessage }).int(idleMessage).min(IDLE_MINUTES.min, idleMessage).max(IDLE_MINUTES.max, idleMessage).optional(),
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

/** Long texts are cut, never refused: an error report must reach the log whatever its size. */
const clipped = (max: number) => z.string().transform((s) => (s.length > max ? `${s.slice(0, max)}…` : s));
export const LogWriteInput = z.object({
  level: z.enum(['error', 'warn', 'info']),
  /** where it happened, e.g. 'renderer' */
  source: clipped(60),
  message: clipped(2000),
  /** stack, component stack, context */
  detail: clipped(20_000).optional(),
});
export const LogWriteResult = z.object({ path: z.string() });
/** opened: the shell showed the file (Electron opens it in the system's viewer); text: its end, to show in the window */
export const LogOpenResult = z.object({ path: z.string(), opened: z.boolean(), text: z.string() });

export const systemChannels = {
  'system.status': { input: Empty, output: AppStatus },
  'system.setup': { input: SetupInput, output: SetupResult },
  'system.settings.update': { input: SettingsPatch, output: Settings },
  /** answered by the shell: a save dialog in Electron, a downloads folder in the harness */
  'system.files.save': { input: SaveFileInput, output: SaveFileResult },
  /** answered by the shell: appends to the log file in the user-data folder (<userData>/logs, harness: <data-dir>/logs) */
  'system.log.write': { input: LogWriteInput, output: LogWriteResult },
  /** answered by the shell: opens the log file (Electron) and returns its end */
  'system.log.open': { input: Empty, output: LogOpenResult },
} as const;

export type SettingsT = z.infer<typeof Settings>;
export type AppStatusT = z.infer<typeof AppStatus>;
