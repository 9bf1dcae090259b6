import type Database from 'better-sqlite3';
import { DEFAULT_DESK_CONFIG, slaTargetFor } from './config';
import { cstDate } from '../../../shared/domain/time';

// Bulk tickets for benchmarks and training databases: raw prepared statements in one
// transaction. The tables' secondary indexes are dropped for the load and rebuilt once at the
// end (sorting once beats updating fourteen b-trees row by row); 500,000 tickets take seconds.
// Deadlines use the calendar clock; numbers follow the desk's scheme (TS20261122-003).

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TYPES = [
  ['投诉', 0.3],
  ['报修', 0.45],
  ['咨询', 0.15],
  ['建议', 0.06],
  ['表扬', 0.04],
] as const;
const PREFIX: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };
const CHANNELS = ['来访', '电话', '电话', '微信', '微信', '巡查', '信函'];
/** what people actually say, by category (first level of the default tree) */
const TEXTS: Record<string, string[]> = {
  工程维修: [
    '卫生间漏水到楼下',
    '厨房水龙头坏了',
    '入户门锁打不开',
    '电梯按键失灵',
    '楼道灯不亮',
    '下水道堵塞返味',
    '外墙渗水，卧室墙面发霉',
    '单元门闭门器坏了',
  ],
  安保秩序: ['陌生人尾随进单元门', '门禁卡失效', '夜间有人在楼下喧哗', '消防通道堆放杂物'],
  环境卫生: ['垃圾桶满了没人清', '楼道有异味', '地下室有老鼠', '保洁没有拖楼梯'],
  绿化: ['树枝挡住窗户', '草坪有积水', '绿化带被踩坏', '树上有毛毛虫'],
  停车管理: ['车位被外来车辆占用', '道闸识别不了车牌', '消防通道乱停车'],
  收费争议: ['物业费金额有疑问', '水费比上月高很多', '车位费为什么涨价'],
  装修管理: ['楼上违规拆改承重墙', '装修垃圾堆在楼道', '中午装修施工噪音'],
  噪音扰民: ['楼上夜间噪音', '广场舞音乐太吵', '空调外机噪音大'],
  邻里纠纷: ['邻居在楼道堆放鞋柜', '楼上花盆浇水滴到阳台'],
  服务态度: ['保安说话态度差', '客服电话没人接'],
  其他: ['快递柜无法取件', '想了解电动车充电桩安装'],
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const SATISFACTION: [string, number, number][] = [
  ['非常满意', 5, 0.45],
  ['满意', 4, 0.4],
  ['一般', 3, 0.1],
  ['不满意', 2, 0.04],
  ['非常不满意', 1, 0.01],
];

interface HouseRow {
  id: number;
  building_id: number;
  label: string;
}

/** Drops the table's own secondary indexes and returns the statements that rebuild them. */
function dropIndexes(sqlite: Database.Database, tables: string[]): string[] {
  const rows = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const r of rows) sqlite.exec(`drop index "${r.name}"`);
  return rows.map((r) => r.sql);
}

export interface SeedTicketsOptions {
  count: number;
  estateId: number;
  seed?: number;
  /** "now" for ages and deadlines; defaults to the clock */
  now?: Date;
}

export function seedTickets(sqlite: Database.Database, opts: SeedTicketsOptions): number {
  const rand = prng(opts.seed ?? 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const now = (opts.now ?? new Date()).getTime();
  const houses = sqlite
    .prepare(
      `select h.id, h.building_id, b.name || coalesce(u.name, '') || h.room_no as label
       from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id
       where h.estate_id = ?`,
    )
    .all(opts.estateId) as HouseRow[];
  const buildings = sqlite.prepare('select id, name from buildings where estate_id = ?').all(opts.estateId) as { id: number; name: string }[];
  const categories = DEFAULT_DESK_CONFIG.categories.filter((c) => c.name !== '工程维修');
  const repairKinds = DEFAULT_DESK_CONFIG.categories.find((c) => c.name === '工程维修')?.children ?? [];
  const staffOf = new Map(DEFAULT_DESK_CONFIG.departments.map((d) => [d.name, d.staff]));
  const departmentFor = (category: string) =>
    category === '工程维修'
      ? '工程部'
      : category === '安保秩序' || category === '停车管理'
        ? '秩序部'
        : category === '环境卫生' || category === '绿化'
          ? '环境部'
          : category === '收费争议'
            ? '财务'
            : '客服部';

  // receipt times first, oldest first: ids then follow time as they do at a real desk.
  // Skewed towards the recent past (a growing estate); two years back at most.
  const times = new Float64Array(opts.count);
  for (let i = 0; i < opts.count; i++) times[i] = now - Math.floor(Math.pow(rand(), 1.6) * 730 * DAY) - 60_000;
  times.sort();

  // per-day sequences continue from numbers the database already holds
  const seq = new Map<string, number>();
  for (const r of sqlite.prepare('select no from tickets').pluck().iterate() as Iterable<string>) {
    const m = /^([A-Z]{2}\d{8})-(\d+)$/.exec(r);
    if (m) seq.set(m[1], Math.max(seq.get(m[1]) ?? 0, Number(m[2])));
  }

  const insert =
    sqlite.prepare(`insert into tickets (no, type, channel, estate_id, house_id, building_id, location, category, subcategory, urgency, reporter, phone, phone_digits, description,
    received_by, received_at, status, status_before_hold, department, assignee, responded_at, completed_at, callback_at, closed_at, voided_at, void_reason,
    respond_due_at, resolve_due_at, sla_clock, respond_minutes, resolve_minutes, imported, created_at, updated_at)
    values (@no, @type, @channel, @estate, @house, @building, @location, @category, @subcategory, @urgency, @reporter, @phone, @phone, @description,
    @receivedBy, @received, @status, @beforeHold, @department, @assignee, @responded, @completed, @callback, @closed, @voided, @voidReason,
    @respondDue, @resolveDue, 'calendar', @respondMin, @resolveMin, 0, @received, @received)`);
  const event = sqlite.prepare(
    `insert into ticket_events (ticket_id, at, actor, action, from_status, to_status, note) values (?, ?, ?, 'create', null, '已受理', '批量生成')`,
  );
  const hold = sqlite.prepare('insert into ticket_holds (ticket_id, start_at, end_at) values (?, ?, null)');
  const callback = sqlite.prepare(
    `insert into callbacks (ticket_id, at, method, resolved, satisfaction, score, comment, staff, created_at) values (?, ?, ?, 1, ?, ?, null, '小陈', ?)`,
  );

  const cacheBefore = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144'); // 256 MB while loading
  try {
    sqlite.transaction(() => {
      const rebuild = dropIndexes(sqlite, ['tickets', 'ticket_events', 'ticket_holds', 'callbacks']);
      for (let i = 0; i < opts.count; i++) {
        const receivedMs = times[i];
        const received = new Date(receivedMs).toISOString();
        const at = (ms: number) => new Date(Math.min(ms, now - 1000)).toISOString();
        let r = rand();
        let type: string = '报修';
        for (const [t, w] of TYPES)
          if ((r -= w) < 0) {
            type = t;
            break;
          }
        const urgency = (type === '报修' && rand() < 0.12) || (type === '投诉' && rand() < 0.05) ? '紧急' : '一般';
        const day = `${PREFIX[type]}${cstDate(receivedMs).replace(/-/g, '')}`;
        const n = (seq.get(day) ?? 0) + 1;
        seq.set(day, n);

        const repair = type === '报修';
        const cat = repair ? { name: '工程维修', children: repairKinds } : pick(categories);
        const subcategory = cat.children.length ? pick(cat.children) : null;
        const house = houses.length && rand() < 0.85 ? pick(houses) : null;
        const building = !house && buildings.length && rand() < 0.5 ? pick(buildings) : null;
        const location =
          house?.label ??
          (building ? `${building.name} ${pick(['电梯', '大堂', '楼道', '屋面'])}` : pick(['地下车库B2', '南门广场', '东门岗亭', '儿童游乐区', '3号垃圾站']));

        const target = slaTargetFor(DEFAULT_DESK_CONFIG, type, urgency);
        const respondMin = target?.respondMinutes ?? null;
        const resolveMin = target?.resolveMinutes ?? null;
        const age = now - receivedMs;
        // Old tickets are finished; the last fortnight spreads over the lifecycle, and about one in
        // a hundred tickets of the last two months is still open (those are the overdue ones).
        let stage: number;
        if (age < 14 * DAY) stage = Math.floor(rand() * 6);
        else if (age < 60 * DAY && rand() < 0.01) stage = Math.floor(rand() * 3);
        else stage = 5;
        const voided = rand() < 0.01;
        const held = !voided && stage <= 2 && rand() < 0.06;
        const needsCallback = type === '投诉' || type === '报修';
        let status = ['已受理', '已派工', '处理中', '已完成', '已回访', '已关闭'][stage];
        if (stage === 4 && !needsCallback) status = '已关闭';
        if (held) status = '挂起';
        if (voided) status = '已作废';

        const department = stage >= 1 ? departmentFor(cat.name) : null;
        const respondedMs = stage >= 1 ? receivedMs + (0.2 + rand() * 6) * HOUR : null;
        const completedMs = stage >= 3 ? receivedMs + (4 + rand() * 60) * HOUR : null;
        const callbackMs = completedMs !== null && stage >= 4 && needsCallback ? completedMs + (2 + rand() * 30) * HOUR : null;
        const closedMs = stage >= 5 ? (callbackMs ?? completedMs ?? receivedMs) + HOUR : null;

        const info = insert.run({
          no: `${day}-${String(n).padStart(3, '0')}`,
          type,
          channel: pick(CHANNELS),
          estate: opts.estateId,
          house: house?.id ?? null,
          building: house?.building_id ?? building?.id ?? null,
          location,
          category: cat.name,
          subcategory,
          urgency,
          reporter: house ? `${pick([...SURNAMES])}${pick(['先生', '女士'])}` : rand() < 0.5 ? '巡查员' : null,
          phone: house || rand() < 0.3 ? `1${pick(['38', '39', '58', '86', '77'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null,
          description: pick(TEXTS[cat.name] ?? TEXTS['其他']),
          receivedBy: pick(['小陈', '小林', '前台']),
          received,
          status,
          beforeHold: held ? ['已受理', '已派工', '处理中'][stage] : null,
          department,
          assignee: department ? pick(staffOf.get(department) ?? ['—']) : null,
          responded: respondedMs !== null ? at(respondedMs) : null,
          completed: completedMs !== null ? at(completedMs) : null,
          callback: callbackMs !== null ? at(callbackMs) : null,
          closed: closedMs !== null ? at(closedMs) : null,
          voided: voided ? at(receivedMs + HOUR) : null,
          voidReason: voided ? '重复登记' : null,
          respondDue: respondMin ? new Date(receivedMs + respondMin * 60_000).toISOString() : null,
          resolveDue: resolveMin ? new Date(receivedMs + resolveMin * 60_000).toISOString() : null,
          respondMin,
          resolveMin,
        });
        const id = Number(info.lastInsertRowid);
        event.run(id, received, '前台');
        if (held) hold.run(id, at(receivedMs + HOUR));
        if (callbackMs !== null && !voided) {
          let s = rand();
          const [satisfaction, score] = SATISFACTION.find(([, , w]) => (s -= w) < 0) ?? SATISFACTION[0];
          callback.run(id, at(callbackMs), rand() < 0.8 ? '电话' : '上门', satisfaction, score, at(callbackMs));
        }
      }
      // the desk's counter then continues after the generated numbers
      const counter = sqlite.prepare('insert into counters (key, value) values (?, ?) on conflict(key) do update set value = max(value, excluded.value)');
      for (const [day, n] of seq) counter.run(`ticket:${day}`, n);
      for (const ddl of rebuild) sqlite.exec(ddl);
    })();
  } finally {
    sqlite.pragma(`cache_size = ${cacheBefore}`);
  }
  return opts.count;
}
