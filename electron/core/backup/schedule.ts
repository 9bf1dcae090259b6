import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { BackupRecordT, BackupSettingsT } from '../../../shared/contract/backup';
import { cstDate } from '../../../shared/domain/time';
import type { CoreContext } from '../context';
import { audit } from '../db/audit';
import { UserError, invalid } from '../errors';
import { backupIntoFolder } from './backup';
import { fsReason, makeDirs } from './files';
import { applyRetention } from './retention';

type Ctx = Pick<CoreContext, 'db' | 'sqlite' | 'dbFile' | 'now' | 'actor'>;

const SETTINGS_KEY = 'backup.settings';
const HISTORY_KEY = 'backup.history';
/** the history shown in 设置: enough for weeks of start, quit and daily backups */
const HISTORY_MAX = 100;
/** after a failed daily backup (the USB stick is out), the timer tries again this much later, not every tick */
export const DAILY_RETRY_MS = 60 * 60_000;

export const DEFAULT_BACKUP_SETTINGS: BackupSettingsT = { folder: null, auto: true };

async function readKey<T>(ctx: Pick<Ctx, 'db'>, key: string): Promise<T | null> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

async function writeKey(ctx: Pick<Ctx, 'db'>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await ctx.db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}

export async function readBackupSettings(ctx: Pick<Ctx, 'db'>): Promise<BackupSettingsT> {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(await readKey<Partial<BackupSettingsT>>(ctx, SETTINGS_KEY)) };
}

/** newest first */
export async function readBackupHistory(ctx: Pick<Ctx, 'db'>): Promise<BackupRecordT[]> {
  const list = await readKey<BackupRecordT[]>(ctx, HISTORY_KEY);
  return Array.isArray(list) ? list : [];
}

export async function writeBackupState(ctx: Pick<Ctx, 'db'>, settings: BackupSettingsT, history: BackupRecordT[]): Promise<void> {
  await writeKey(ctx, SETTINGS_KEY, settings);
  await writeKey(ctx, HISTORY_KEY, history.slice(0, HISTORY_MAX));
}

export async function addBackupRecord(ctx: Pick<Ctx, 'db'>, record: BackupRecordT): Promise<void> {
  await writeKey(ctx, HISTORY_KEY, [record, ...(await readBackupHistory(ctx))].slice(0, HISTORY_MAX));
}

/**
 * A folder chosen in 设置 must be usable now: an absolute path, made if missing (the stick is in
 * while the admin chooses it), writable. Later an automatic backup only checks that it is there.
 */
export async function updateBackupSettings(ctx: Ctx, patch: Partial<BackupSettingsT>): Promise<BackupSettingsT> {
  const before = await readBackupSettings(ctx);
  const next = { ...before, ...patch };
  if (patch.folder) {
    if (!isAbsolute(patch.folder)) throw invalid('请填写完整的文件夹路径，例如 D:\\FrontDesk备份', { folder: '请填写完整的文件夹路径' });
    const folder = resolve(patch.folder);
    makeDirs(folder, '备份文件夹');
    try {
      accessSync(folder, constants.W_OK);
    } catch (err) {
      throw new UserError('FILE', `备份文件夹不能使用：${folder}（${fsReason(err)}）`, { folder: fsReason(err) });
    }
    next.folder = folder;
  }
  const actor = await ctx.actor();
  await ctx.db.transaction().execute(async (trx) => {
    await writeKey({ db: trx }, SETTINGS_KEY, next);
    await audit(trx, actor, 'backup', null, 'settings', { before, after: next });
  });
  return next;
}

export type BackupReason = Exclude<BackupRecordT['reason'], 'restore'>;

const describe = (err: unknown) => (err instanceof UserError ? err.message : `备份失败：${err instanceof Error ? err.message : String(err)}`);

/**
 * The automatic and manual backups of one open database (docs/BACKUP.md): one at a time, each
 * verified (backupIntoFolder reads it back), its result kept in the history, and retention applied
 * after a good one. A missing folder never blocks anything: the result says so.
 */
export class BackupScheduler {
  private running: Promise<BackupRecordT> | null = null;
  private lastDailyFailure = -Infinity;
  /** where retention's deletions and failures are written besides the history (the shells pass their log file) */
  log: (message: string) => void = (m) => console.warn(`[backup] ${m}`);

  constructor(private readonly ctx: Ctx) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** resolves when no backup is being written (a restore waits for this before closing the database) */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** A backup now into the chosen folder; never throws: a failure is a record with ok false. */
  async run(reason: BackupReason): Promise<BackupRecordT> {
    // one at a time: a second asks after the first (a manual one while the start backup runs gets its own)
    await this.idle();
    const job = this.write(reason);
    this.running = job;
    try {
      return await job;
    } finally {
      if (this.running === job) this.running = null;
    }
  }

  /** the backup after the database opened, when automatic backups are on */
  async atStart(): Promise<BackupRecordT | null> {
    return (await this.autoFolder()) ? this.run('start') : null;
  }

  /** the backup before the app closes */
  async atQuit(): Promise<BackupRecordT | null> {
    return (await this.autoFolder()) ? this.run('quit') : null;
  }

  /**
   * Called by the shells every few minutes: the daily backup of an app left open past midnight (China
   * time). It runs when automatic backups are on, none succeeded today and none is running; after a
   * failure it waits DAILY_RETRY_MS before trying again.
   */
  async tick(): Promise<BackupRecordT | null> {
    if (this.running || !(await this.autoFolder())) return null;
    const now = this.ctx.now();
    if (now.getTime() - this.lastDailyFailure < DAILY_RETRY_MS) return null;
    const today = cstDate(now);
    const history = await readBackupHistory(this.ctx);
    if (history.some((r) => r.ok && r.reason !== 'restore' && cstDate(new Date(r.at)) === today)) return null;
    const record = await this.run('daily');
    this.lastDailyFailure = record.ok ? -Infinity : now.getTime();
    return record;
  }

  private async autoFolder(): Promise<string | null> {
    const s = await readBackupSettings(this.ctx);
    return s.auto && s.folder ? s.folder : null;
  }

  private async write(reason: BackupReason): Promise<BackupRecordT> {
    const at = this.ctx.now();
    const record: BackupRecordT = { at: at.toISOString(), reason, ok: false, file: null, bytes: null, photos: null, message: null, removed: [] };
    const { folder } = await readBackupSettings(this.ctx);
    try {
      if (!folder) throw new UserError('VALIDATION', '还没有选择备份文件夹：请在 设置 → 数据备份 中选择');
      // an automatic backup never creates the folder: a missing one is usually an unplugged stick or share
      const stat = statSync(folder, { throwIfNoEntry: false });
      if (!stat) throw new UserError('FILE', `备份目录不可用：${folder} 不存在（U 盘是否已拔出，或网络共享是否已断开？）`);
      if (!stat.isDirectory()) throw new UserError('FILE', `备份目录不可用：${folder} 不是文件夹`);
      const report = await backupIntoFolder(this.ctx.sqlite, folder, { now: at });
      record.ok = true;
      record.file = report.file;
      record.bytes = report.bytes;
      record.photos = report.photos.files;
      const notes: string[] = [];
      if (report.photos.missing.length) notes.push(`有 ${report.photos.missing.length} 张照片在备份前已丢失`);
      try {
        const kept = applyRetention(folder, this.log);
        record.removed = kept.removed;
        if (kept.failed.length) notes.push(`有 ${kept.failed.length} 个过期备份无法删除：${kept.failed.join('；')}`);
      } catch (err) {
        notes.push(`未能清理过期备份（${fsReason(err)}）`);
      }
      record.message = notes.length ? notes.join('；') : null;
    } catch (err) {
      record.message = describe(err);
      this.log(record.message);
    }
    try {
      await addBackupRecord(this.ctx, record);
    } catch (err) {
      // the database is closing (a quit backup racing the close): the record is lost, the backup is not
      this.log(`备份记录未能保存：${err instanceof Error ? err.message : String(err)}`);
    }
    return record;
  }
}

const schedulers = new WeakMap<object, BackupScheduler>();

/** The scheduler of this open database: the channels, the shells' start/quit/timer calls and a restore share it. */
export function backups(ctx: Ctx): BackupScheduler {
  let s = schedulers.get(ctx);
  if (!s) schedulers.set(ctx, (s = new BackupScheduler(ctx)));
  return s;
}

/** how often the shells' timer calls tick(): an app open past midnight backs up within minutes */
const TICK_MS = 5 * 60_000;

export interface AutoBackups {
  /** the quit backup, waited for at most `maxMs` (a slow network share must not hold the app open for ever), then the timer stops */
  quit(maxMs: number): Promise<void>;
  stop(): void;
}

/**
 * What both shells run once the core is open: the start backup in the background, tick() every five
 * minutes, and the quit backup before the core closes. `core.ctx` is read on every call, because a
 * restore reopens the database under a new context.
 */
export function startAutoBackups(core: { ctx: CoreContext }, log: (message: string) => void): AutoBackups {
  const scheduler = () => {
    const s = backups(core.ctx);
    s.log = log;
    return s;
  };
  const report = (r: BackupRecordT | null) => {
    if (r && !r.ok) log(`自动备份失败：${r.message ?? ''}`);
  };
  const failed = (err: unknown) => log(`自动备份出错：${err instanceof Error ? err.message : String(err)}`);
  void scheduler().atStart().then(report, failed);
  const timer = setInterval(() => void scheduler().tick().then(report, failed), TICK_MS);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    quit: async (maxMs) => {
      clearInterval(timer);
      let timeout: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((r) => (timeout = setTimeout(r, maxMs)));
      try {
        await Promise.race([scheduler().atQuit().then(report, failed), limit]);
      } finally {
        clearTimeout(timeout);
      }
    },
  };
}
