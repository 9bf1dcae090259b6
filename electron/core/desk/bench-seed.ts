import type Database from 'better-sqlite3';
import { DEFAULT_DESK_CONFIG, slaTargetFor } from './config';
import { cstDate } from '../../../shared/domain/time';

// Bulk tickets for benchmarks and training databases: raw prepared statements in one
// transaction (hundreds of thousands of rows in seconds). Deadlines use the calendar clock.

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const TYPES = [
  ['投诉', 0.3],
  ['报修', 0.45],
  ['咨询', 0.15],
  ['建议', 0.06],
  ['表扬', 0.04],
] as const;
const CHANNELS = ['来访', '电话', '电话', '微信', '微信', '巡查', '信函'];
const TEXTS: Record<string, string[]> = {
  工程维修: ['卫生间漏水到楼下', '厨房水龙头坏了', '入户门锁打不开', '电梯按键失灵', '楼道灯不亮'],
  噪音扰民: ['楼上夜间装修噪音', '广场舞音乐太吵', '空调外机噪音大'],
  停车管理: ['车位被外来车辆占用', '道闸识别不了车牌'],
  环境卫生: ['垃圾桶满了没人清', '楼道有异味'],
  收费争议: ['物业费金额有疑问', '水费比上月高很多'],
  安保秩序: ['陌生人尾随进单元门', '门禁卡失效'],
  绿化: ['树枝挡住窗户', '草坪有积水'],
  服务态度: ['保安说话态度差', '客服电话没人接'],
};

export function seedTickets(sqlite: Database.Database, opts: { count: number; estateId: number; seed?: number; now?: Date }): number {
  const rand = prng(opts.seed ?? 7);
  const now = (opts.now ?? new Date()).getTime();
  const houses = sqlite.prepare('select h.id, h.building_id, b.name || coalesce(u.name, \'\') || h.room_no as label from houses h join buildings b on b.id = h.building_id left join units u on u.id = h.unit_id where h.estate_id = ?').all(opts.estateId) as {
    id: number;
    building_id: number;
    label: string;
  }[];
  const cats = Object.keys(TEXTS);
  const pickType = () => {
    let r = rand();
    for (const [t, w] of TYPES) if ((r -= w) < 0) return t;
    return '报修';
  };
  const insert = sqlite.prepare(`insert into tickets (no, type, channel, estate_id, house_id, building_id, location, category, subcategory, urgency, reporter, phone, phone_digits, description,
    received_by, received_at, status, department, assignee, responded_at, completed_at, callback_at, closed_at, respond_due_at, resolve_due_at, sla_clock, respond_minutes, resolve_minutes, imported, created_at, updated_at)
    values (@no, @type, @channel, @estate, @house, @building, @location, @category, null, @urgency, @reporter, @phone, @phone, @description, '前台', @received, @status, @department, null, @responded, @completed, @callback, @closed, @respondDue, @resolveDue, 'calendar', @respondMin, @resolveMin, 1, @received, @received)`);
  const event = sqlite.prepare(`insert into ticket_events (ticket_id, at, actor, action, from_status, to_status, note) values (?, ?, '前台', 'create', null, '已受理', '批量生成')`);
  const seq = new Map<string, number>();
  const prefix: Record<string, string> = { 投诉: 'TS', 报修: 'BX', 咨询: 'ZX', 建议: 'JY', 表扬: 'BY' };
  const twoYears = 730 * 86_400_000;
  sqlite.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const type = pickType();
      const urgency = type === '报修' && rand() < 0.12 ? '紧急' : '一般';
      const receivedMs = now - Math.floor(Math.pow(rand(), 1.6) * twoYears);
      const received = new Date(receivedMs).toISOString();
      const day = cstDate(receivedMs).replace(/-/g, '');
      const k = `${prefix[type]}${day}`;
      const n = (seq.get(k) ?? 0) + 1;
      seq.set(k, n);
      const house = houses.length && rand() < 0.85 ? houses[Math.floor(rand() * houses.length)] : null;
      const category = type === '报修' ? '工程维修' : cats[Math.floor(rand() * cats.length)];
      const texts = TEXTS[category];
      const target = slaTargetFor(DEFAULT_DESK_CONFIG, type, urgency);
      const age = now - receivedMs;
      // old tickets are closed; recent ones spread over the lifecycle
      const stage = age > 14 * 86_400_000 ? 5 : Math.floor(rand() * 6);
      const status = ['已受理', '已派工', '处理中', '已完成', '已回访', '已关闭'][stage];
      const t = (h: number) => new Date(receivedMs + h * 3_600_000).toISOString();
      const respondMin = target?.respondMinutes ?? null;
      const resolveMin = target?.resolveMinutes ?? null;
      const info = insert.run({
        no: `${k}-${String(n).padStart(3, '0')}`,
        type,
        channel: CHANNELS[Math.floor(rand() * CHANNELS.length)],
        estate: opts.estateId,
        house: house?.id ?? null,
        building: house?.building_id ?? null,
        location: house?.label ?? '地下车库B2',
        category,
        urgency,
        reporter: house ? '业主' : '巡查员',
        phone: `1380000${String(Math.floor(rand() * 10000)).padStart(4, '0')}`,
        description: texts[Math.floor(rand() * texts.length)],
        received,
        status,
        department: stage >= 1 ? (category === '工程维修' ? '工程部' : '客服部') : null,
        responded: stage >= 1 ? t(2) : null,
        completed: stage >= 3 ? t(20 + rand() * 40) : null,
        callback: stage >= 4 ? t(70) : null,
        closed: stage >= 5 ? t(72) : null,
        respondDue: respondMin ? new Date(receivedMs + respondMin * 60_000).toISOString() : null,
        resolveDue: resolveMin ? new Date(receivedMs + resolveMin * 60_000).toISOString() : null,
        respondMin,
        resolveMin,
      });
      event.run(Number(info.lastInsertRowid), received);
    }
  })();
  return opts.count;
}
