import type { Selectable } from 'kysely';
import type { CoreContext } from '../context';
import type { HandoversTable } from '../db/tables/movein';
import type { HouseT } from '../../../shared/contract/archives';
import {
  CHECKLIST_ITEMS,
  DEFAULT_KEYS,
  type HandoverParsedT,
  type HandoverSummaryT,
  type HandoverT,
  type HandoverViewT,
  type MoveinHouseT,
} from '../../../shared/contract/movein';
import { cstDate, cstDateTime } from '../../../shared/domain/time';
import { conflict, invalid, notFound } from '../errors';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { houseLabel } from '../archives/mappers';
import { isMasked, maskedPhone } from '../../../shared/domain/mask';
import { residentPhones, unmaskPhone } from '../privacy/masked-form';
import { readDeskConfig } from '../desk/config';
import { createTicket } from '../desk/tickets';
import { getBuilding } from '../archives/places';
import { getPlan } from './plan';

type HouseStatusT = HouseT['status'];
type HandoverRow = Selectable<HandoversTable>;
type DefectRecord = HandoverT['defects'][number];

/** The statuses a handover leads to; anything else was never handed over through this desk. */
const HANDED_STATUSES: readonly string[] = ['已交付', '已入住'];

export function toHandover(r: HandoverRow): HandoverT {
  return {
    id: r.id,
    houseId: r.house_id,
    handedAt: r.handed_at,
    staff: r.staff,
    checklist: JSON.parse(r.checklist) as string[],
    keys: JSON.parse(r.keys) as HandoverT['keys'],
    meters: JSON.parse(r.meters) as HandoverT['meters'],
    defects: JSON.parse(r.defects) as DefectRecord[],
    signatures: JSON.parse(r.signatures) as HandoverT['signatures'],
    receiverName: r.receiver_name,
    receiverPhone: maskedPhone(r.receiver_phone),
    notes: r.notes,
    statusBefore: r.status_before,
    movedInDate: r.moved_in_date,
    createdAt: r.created_at,
  };
}

export function summaryOf(h: HandoverT): HandoverSummaryT {
  return {
    id: h.id,
    handedAt: h.handedAt,
    staff: h.staff,
    receiverName: h.receiverName,
    keyCount: h.keys.reduce((n, k) => n + k.qty, 0),
    defectCount: h.defects.length,
    movedInDate: h.movedInDate,
  };
}

async function houseRow(ctx: Pick<CoreContext, 'db'>, houseId: number) {
  const h = await ctx.db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.estate_id', 'h.building_id', 'h.room_no', 'h.status', 'b.name as building_name', 'u.name as unit_name'])
    .where('h.id', '=', houseId)
    .where('h.voided_at', 'is', null)
    .executeTakeFirst();
  if (!h) throw notFound('房屋');
  return { ...h, label: houseLabel(h.building_name, h.unit_name, h.room_no) };
}

async function liveHandover(ctx: Pick<CoreContext, 'db'>, houseId: number): Promise<HandoverRow | undefined> {
  return ctx.db
    .selectFrom('handovers')
    .selectAll()
    .where('house_id', '=', houseId)
    .where('voided_at', 'is', null)
    .orderBy('handed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Every live house of the building with its owners and its live handover, in unit / floor / room order. */
export async function listHouses(ctx: CoreContext, buildingId: number): Promise<MoveinHouseT[]> {
  const building = await getBuilding(ctx, buildingId);
  const rows = await ctx.db
    .selectFrom('houses as h')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'h.room_no', 'h.floor', 'h.status', 'u.name as unit_name', 'u.code as unit_code'])
    .where('h.building_id', '=', buildingId)
    .where('h.voided_at', 'is', null)
    .execute();
  const owners = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .innerJoin('houses as h', 'h.id', 'o.house_id')
    .select(['o.house_id', 'p.name'])
    .where('h.building_id', '=', buildingId)
    .where('o.ended_at', 'is', null)
    .where('o.role', 'in', ['owner', 'co_owner'])
    .orderBy('o.id')
    .execute();
  const ownerNames = new Map<number, string[]>();
  for (const o of owners) ownerNames.set(o.house_id, [...(ownerNames.get(o.house_id) ?? []), o.name]);
  const handovers = await ctx.db
    .selectFrom('handovers as ho')
    .innerJoin('houses as h', 'h.id', 'ho.house_id')
    .selectAll('ho')
    .where('h.building_id', '=', buildingId)
    .where('ho.voided_at', 'is', null)
    .orderBy('ho.handed_at')
    .orderBy('ho.id')
    .execute();
  const latest = new Map<number, HandoverRow>();
  for (const r of handovers) latest.set(r.house_id, r); // ordered ascending: the last one wins
  return rows
    .sort(
      (a, b) =>
        (a.unit_code ?? '').localeCompare(b.unit_code ?? '', 'zh-CN', { numeric: true }) ||
        (a.floor ?? 0) - (b.floor ?? 0) ||
        a.room_no.localeCompare(b.room_no, 'zh-CN', { numeric: true }),
    )
    .map((r) => {
      const ho = latest.get(r.id);
      return {
        id: r.id,
        label: houseLabel(building.name, r.unit_name, r.room_no),
        unitName: r.unit_name,
        roomNo: r.room_no,
        floor: r.floor,
        status: r.status as HouseStatusT,
        owners: ownerNames.get(r.id) ?? [],
        handover: ho ? summaryOf(toHandover(ho)) : null,
      };
    });
}

export async function getHandoverView(ctx: CoreContext, houseId: number): Promise<HandoverViewT> {
  const h = await houseRow(ctx, houseId);
  const owners = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['p.id', 'p.name', 'p.phone'])
    .where('o.house_id', '=', houseId)
    .where('o.ended_at', 'is', null)
    .where('o.role', 'in', ['owner', 'co_owner'])
    .orderBy('o.id')
    .execute();
  const ho = await liveHandover(ctx, houseId);
  return {
    house: { id: h.id, estateId: h.estate_id, buildingId: h.building_id, label: h.label, status: h.status as HouseStatusT },
    owners: owners.map((o) => ({ personId: o.id, name: o.name, phone: maskedPhone(o.phone) })),
    handover: ho ? toHandover(ho) : null,
    checklistItems: CHECKLIST_ITEMS.map((i) => ({ ...i })),
    defaultKeys: DEFAULT_KEYS.map((k) => ({ ...k })),
    plan: await getPlan(ctx, h.building_id),
  };
}

/**
 * The receiver's phone to store. The form starts from the owner's phone as the screen has it, masked
 * (docs/PRIVACY.md): a masked value that is the mask of a current owner's stored phone stands for that
 * phone; any other value with a * is refused on its field.
 */
async function receiverPhoneOf(ctx: CoreContext, houseId: number, sent: string | null): Promise<string | null> {
  if (!isMasked(sent)) return sent;
  return unmaskPhone(sent, await residentPhones(ctx.db, houseId, { ownersOnly: true }), 'receiverPhone');
}

/** Why this house cannot be handed over now, or null. */
function handoverRefusal(status: string, live: HandoverRow | undefined): string | null {
  if (live) return `该房屋已于 ${cstDateTime(live.handed_at)} 办理交付（领取人：${live.receiver_name}），如需重办请先作废原交付记录`;
  if (status === '未售') return '未售房屋不能办理交付';
  if (status !== '已售未交付') return `房屋状态为「${status}」，只有「已售未交付」的房屋可以办理交付`;
  return null;
}

/** The repair category defects are filed under: 工程维修 when the desk has it, else its first category. */
async function defectCategory(ctx: CoreContext): Promise<string> {
  const cfg = await readDeskConfig(ctx);
  const cat = cfg.categories.find((c) => c.name === '工程维修') ?? cfg.categories.find((c) => c.name.includes('维修')) ?? cfg.categories[0];
  if (!cat) throw conflict('工单类别设置为空，无法为交付问题生成报修工单，请先在设置中添加类别');
  return cat.name;
}

/**
 * 办理交付. The handover, the house's new status and the audit line land in one transaction.
 * Each defect then becomes a 报修 ticket through the desk's own createTicket, which opens its own
 * transaction on the single SQLite connection (it cannot nest inside ours), so tickets are created
 * right after, and their ids are written back onto the handover. Everything a ticket could refuse
 * (category, house, estate) is checked before anything is written.
 */
export async function saveHandover(ctx: CoreContext, input: HandoverParsedT): Promise<HandoverT> {
  const house = await houseRow(ctx, input.houseId);
  const why = handoverRefusal(house.status, await liveHandover(ctx, input.houseId));
  if (why) throw conflict(why);
  const names = input.keys.map((k) => k.name);
  if (new Set(names).size !== names.length) throw invalid('钥匙名称不能重复', { keys: '钥匙名称不能重复' });
  const receiverPhone = await receiverPhoneOf(ctx, input.houseId, input.receiverPhone);
  const category = input.defects.length ? await defectCategory(ctx) : null;
  const actor = await ctx.actor();
  const staff = input.staff ?? actor;
  const now = ctx.now().toISOString();
  const defects: DefectRecord[] = input.defects.map((d) => ({ location: d.location, description: d.description, ticketId: null, ticketNo: null }));

  const id = await inTransaction(ctx.db, async (trx) => {
    // re-read inside the transaction: two desks saving the same house at once must not both win
    const cur = await trx.selectFrom('houses').select('status').where('id', '=', input.houseId).executeTakeFirstOrThrow();
    const live = await trx.selectFrom('handovers').selectAll().where('house_id', '=', input.houseId).where('voided_at', 'is', null).executeTakeFirst();
    const again = handoverRefusal(cur.status, live);
    if (again) throw conflict(again);
    const { id } = await trx
      .insertInto('handovers')
      .values({
        house_id: input.houseId,
        handed_at: now,
        staff,
        checklist: JSON.stringify(CHECKLIST_ITEMS.map((i) => i.id).filter((i) => input.checklist.includes(i))),
        keys: JSON.stringify(input.keys),
        meters: JSON.stringify(input.meters),
        defects: JSON.stringify(defects),
        signatures: JSON.stringify(input.signatures),
        receiver_name: input.receiverName,
        receiver_phone: receiverPhone,
        notes: input.notes,
        status_before: cur.status,
        moved_in_date: null,
        voided_at: null,
        void_reason: null,
        void_by: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('houses').set({ status: '已交付', updated_at: now }).where('id', '=', input.houseId).execute();
    await audit(trx, actor, 'handover', id, 'create', {
      houseId: input.houseId,
      status: [cur.status, '已交付'],
      keys: input.keys.reduce((n, k) => n + k.qty, 0),
      defects: defects.length,
    });
    return id;
  });

  if (category) {
    // a ticket that still fails (a write error) must not undo the handover already recorded: the
    // defect stays on it without a ticket number, and the screens show it as 未生成工单
    const failed: string[] = [];
    for (const d of defects) {
      try {
        const t = await createTicket(ctx, {
          type: '报修',
          channel: '来访',
          houseId: input.houseId,
          category,
          urgency: '一般',
          reporter: input.receiverName,
          phone: receiverPhone,
          description: `交付验收问题（${d.location}）：${d.description}`,
          receivedBy: staff,
        });
        d.ticketId = t.ticket.id;
        d.ticketNo = t.ticket.no;
      } catch (e) {
        failed.push(e instanceof Error ? e.message : String(e));
      }
    }
    await inTransaction(ctx.db, async (trx) => {
      await trx
        .updateTable('handovers')
        .set({ defects: JSON.stringify(defects) })
        .where('id', '=', id)
        .execute();
      await audit(trx, actor, 'handover', id, 'tickets', { houseId: input.houseId, tickets: defects.map((d) => d.ticketNo), failed });
    });
  }
  const row = await ctx.db.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toHandover(row);
}

/** 办理入住: 已交付 → 已入住 on the given China date (not before the handover, not after today); current occupants without a move-in date get it. */
export async function moveIn(ctx: CoreContext, input: { houseId: number; date: string }): Promise<{ houseId: number; status: HouseStatusT }> {
  const house = await houseRow(ctx, input.houseId);
  if (house.status !== '已交付') throw conflict(`房屋状态为「${house.status}」，只有「已交付」的房屋可以办理入住`);
  const today = cstDate(ctx.now());
  if (input.date > today) throw invalid('入住日期不能晚于今天', { date: '入住日期不能晚于今天' });
  const live = await liveHandover(ctx, input.houseId);
  if (live && input.date < cstDate(live.handed_at))
    throw invalid(`入住日期不能早于交付日期 ${cstDate(live.handed_at)}`, { date: `不能早于交付日期 ${cstDate(live.handed_at)}` });
  const actor = await ctx.actor();
  const now = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('houses').set({ status: '已入住', updated_at: now }).where('id', '=', input.houseId).execute();
    if (live) await trx.updateTable('handovers').set({ moved_in_date: input.date }).where('id', '=', live.id).execute();
    // the people registered in the house get this move-in date where their record has none
    const dated = await trx
      .updateTable('occupancies')
      .set({ move_in_date: input.date, updated_at: now })
      .where('house_id', '=', input.houseId)
      .where('ended_at', 'is', null)
      .where('move_in_date', 'is', null)
      .executeTakeFirst();
    await audit(trx, actor, 'movein', input.houseId, 'moveIn', {
      houseId: input.houseId,
      date: input.date,
      handoverId: live?.id ?? null,
      status: ['已交付', '已入住'],
      occupanciesDated: Number(dated.numUpdatedRows),
    });
  });
  return { houseId: input.houseId, status: '已入住' };
}

/**
 * 作废交付: the row stays, marked voided with the reason, and the house goes back to the status it had
 * before the handover. Repair tickets raised from its defects stay: the defects were real.
 */
export async function voidHandover(ctx: CoreContext, id: number, reason: string): Promise<{ houseId: number; status: HouseStatusT }> {
  const row = await ctx.db.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.voided_at) throw notFound('交付记录');
  const house = await houseRow(ctx, row.house_id);
  if (!HANDED_STATUSES.includes(house.status)) throw conflict(`房屋状态已改为「${house.status}」，不能作废交付；请先在房屋档案中核对状态`);
  const actor = await ctx.actor();
  const now = ctx.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('handovers').set({ voided_at: now, void_reason: reason, void_by: actor }).where('id', '=', id).execute();
    await trx.updateTable('houses').set({ status: row.status_before, updated_at: now }).where('id', '=', row.house_id).execute();
    await audit(trx, actor, 'handover', id, 'void', { houseId: row.house_id, reason, status: [house.status, row.status_before] });
  });
  return { houseId: row.house_id, status: row.status_before as HouseStatusT };
}
