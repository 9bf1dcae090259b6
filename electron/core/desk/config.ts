import type Database from 'better-sqlite3';
import type { CoreContext } from '../context';
import type { DeskConfigT, SlaTargetT } from '../../../shared/contract/desk';
import { TICKET_TYPES, URGENCIES } from '../../../shared/contract/desk';
import { invalid } from '../errors';
import { prepared } from './prepared';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';

const KEY = 'desk.config';
const H = 60;

/** The trade's own targets (docs/DOMAIN.md §3); every one is editable in 设置. */
export const DEFAULT_SLA: SlaTargetT[] = [
  { type: '投诉', urgency: '一般', respondMinutes: 24 * H, resolveMinutes: 48 * H, clock: 'calendar' },
  { type: '投诉', urgency: '紧急', respondMinutes: 2 * H, resolveMinutes: 24 * H, clock: 'calendar' },
  { type: '报修', urgency: '一般', respondMinutes: 24 * H, resolveMinutes: 72 * H, clock: 'calendar' },
  { type: '报修', urgency: '紧急', respondMinutes: 30, resolveMinutes: 24 * H, clock: 'calendar' },
  { type: '咨询', urgency: '一般', respondMinutes: 24 * H, resolveMinutes: 24 * H, clock: 'calendar' },
  { type: '咨询', urgency: '紧急', respondMinutes: 2 * H, resolveMinutes: 24 * H, clock: 'calendar' },
  { type: '建议', urgency: '一般', respondMinutes: 24 * H, resolveMinutes: 7 * 24 * H, clock: 'calendar' },
  { type: '建议', urgency: '紧急', respondMinutes: 24 * H, resolveMinutes: 7 * 24 * H, clock: 'calendar' },
  { type: '表扬', urgency: '一般', respondMinutes: null, resolveMinutes: null, clock: 'calendar' },
  { type: '表扬', urgency: '紧急', respondMinutes: null, resolveMinutes: null, clock: 'calendar' },
];

export const DEFAULT_DESK_CONFIG: DeskConfigT = {
  categories: [
    { name: '工程维修', children: ['水电', '门窗', '电梯', '管道疏通', '墙面渗漏', '公共设施'] },
    { name: '安保秩序', children: ['门禁', '巡逻', '外来人员', '消防'] },
    { name: '环境卫生', children: ['垃圾清运', '保洁', '虫害'] },
    { name: '绿化', children: ['修剪', '病虫害', '补种'] },
    { name: '停车管理', children: ['车位占用', '道闸', '乱停车'] },
    { name: '收费争议', children: ['物业费', '水电费', '车位费'] },
    { name: '装修管理', children: ['违规装修', '施工噪音', '装修垃圾'] },
    { name: '噪音扰民', children: [] },
    { name: '邻里纠纷', children: [] },
    { name: '服务态度', children: [] },
    { name: '其他', children: [] },
  ],
  departments: [
    { name: '工程部', staff: ['李师傅', '王师傅', '张师傅'] },
    { name: '秩序部', staff: ['刘队长', '陈保安'] },
    { name: '环境部', staff: ['周主管', '吴阿姨'] },
    { name: '客服部', staff: ['小陈', '小林'] },
    { name: '财务', staff: ['赵出纳'] },
  ],
  sla: DEFAULT_SLA,
  counterHours: { open: '08:30', close: '17:30' },
  dueSoonMinutes: 4 * H,
  centrePhone: '',
};

/**
 * What the desk caches per connection: the config and the calendar's days, valid while the
 * `cache:desk` counter (bumped by triggers on every write to settings' desk.config, calendar_days
 * and estates, migration 0011) still holds `version`.
 */
interface DeskCache {
  version: number;
  config?: DeskConfigT;
  days?: ReadonlyMap<string, 'holiday' | 'workday'>;
}
const caches = new WeakMap<Database.Database, DeskCache>();

/**
 * The cache entry of this connection, emptied when the data changed. Synchronous reads, so they are
 * safe inside a Kysely transaction (which holds the one connection), like ctx.actor().
 */
export function deskCache(sqlite: Database.Database): { entry: DeskCache; keep: boolean } {
  const version = (prepared(sqlite, "select value from counters where key = 'cache:desk'").pluck().get() as number | undefined) ?? -1;
  let entry = caches.get(sqlite);
  if (!entry || entry.version !== version) entry = { version };
  // only committed data is kept: inside a transaction the counter may still roll back to a number
  // a different later write reaches again
  const keep = version >= 0 && !sqlite.inTransaction;
  if (keep) caches.set(sqlite, entry);
  return { entry, keep };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function readConfigSync(sqlite: Database.Database): DeskConfigT {
  const { entry, keep } = deskCache(sqlite);
  if (entry.config) return entry.config;
  const value = prepared(sqlite, 'select value from settings where key = ?').pluck().get(KEY) as string | undefined;
  const stored = value ? (JSON.parse(value) as Partial<DeskConfigT>) : {};
  const cfg = { ...DEFAULT_DESK_CONFIG, ...stored };
  if (!cfg.centrePhone)
    cfg.centrePhone =
      (prepared(sqlite, 'select phone from estates where voided_at is null order by id limit 1').pluck().get() as string | null | undefined) ?? '';
  // shared by every caller until the next change: frozen so nobody edits the cached copy
  deepFreeze(cfg);
  if (keep) entry.config = cfg;
  return cfg;
}

/** The desk config; cached per connection when the context has the raw connection (services do). */
export async function readDeskConfig(ctx: Pick<CoreContext, 'db'> & Partial<Pick<CoreContext, 'sqlite'>>): Promise<DeskConfigT> {
  if (ctx.sqlite) return readConfigSync(ctx.sqlite);
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const stored = row ? (JSON.parse(row.value) as Partial<DeskConfigT>) : {};
  const cfg = { ...DEFAULT_DESK_CONFIG, ...stored };
  if (!cfg.centrePhone) {
    const estate = await ctx.db.selectFrom('estates').select('phone').where('voided_at', 'is', null).orderBy('id').executeTakeFirst();
    cfg.centrePhone = estate?.phone ?? '';
  }
  return cfg;
}

export async function updateDeskConfig(
  ctx: Pick<CoreContext, 'db' | 'actor'> & Partial<Pick<CoreContext, 'sqlite'>>,
  patch: Partial<DeskConfigT>,
): Promise<DeskConfigT> {
  const before = await readDeskConfig(ctx);
  const next = { ...before, ...patch };
  if (next.counterHours.open >= next.counterHours.close) throw invalid('下班时间必须晚于上班时间', { 'counterHours.close': '下班时间必须晚于上班时间' });
  for (const t of TICKET_TYPES)
    for (const u of URGENCIES) if (!next.sla.some((s) => s.type === t && s.urgency === u)) throw invalid(`缺少「${t}·${u}」的时限设置`);
  const names = next.departments.map((d) => d.name);
  if (new Set(names).size !== names.length) throw invalid('部门名称不能重复');
  // before → after of each part that changed, on the audit line of the same transaction
  const changes = Object.fromEntries(
    (Object.keys(next) as (keyof DeskConfigT)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k])).map((k) => [k, [before[k], next[k]]]),
  );
  const actor = await ctx.actor();
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: KEY, value: JSON.stringify(next) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
      .execute();
    if (Object.keys(changes).length) await audit(trx, actor, 'desk_config', null, 'update', { changes });
  });
  return next;
}

export function slaTargetFor(cfg: DeskConfigT, type: string, urgency: string): SlaTargetT | null {
  return cfg.sla.find((s) => s.type === type && s.urgency === urgency) ?? null;
}
