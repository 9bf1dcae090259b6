import type { Updateable } from 'kysely';
import type { TicketsTable } from '../db/schema';
import type { CoreContext } from '../context';
import type { TicketChangeT, TicketDetailT, TicketEditT } from '../../../shared/contract/desk';
import { maskedPhone } from '../../../shared/domain/mask';
import { cstDateTime } from '../../../shared/domain/time';
import { audit } from '../db/audit';
import { conflict, invalid, notFound } from '../errors';
import { readDeskConfig, slaTargetFor } from './config';
import { discardFiles, prepareAttachments, storeAttachments } from './attachments';
import { placeOf } from './place';
import { addEvent, refreshDue } from './tickets';
import { getTicketDetail, type TicketRecord } from './ticket-read';
import { resolveMinutesFor, visitRefusal } from './visit';
import { phoneFromForm } from './phone';

/** a ticket may carry this many photos in all (intake takes 9 at a time) */
export const MAX_PHOTOS_PER_TICKET = 30;

const categoryText = (category: string, sub: string | null) => (sub ? `${category} / ${sub}` : category);
const placeText = (location: string, houseId: number | null) => (houseId ? location : `${location}（公共区域）`);
const visitText = (at: string | null) => (at ? cstDateTime(at) : null);

async function loadTicket(ctx: CoreContext, id: number): Promise<TicketRecord> {
  const t = await ctx.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw notFound('工单');
  return t;
}

/** Edits are corrections of a live record: a voided one is history, a closed one must be reopened first. */
function editRefusal(t: TicketRecord): string | null {
  if (t.status === '已作废') return '工单已作废，不能修改';
  if (t.status === '已关闭') return '工单已关闭，不能修改；如需更正，请先重开工单';
  return null;
}

/**
 * 修改: corrects the house or public-area location, category, reporter, phone, description and
 * visit time recorded at intake. One transaction writes the row, a 修改 event listing every changed
 * field before → after, and an audit line. A changed visit moves a repair's resolve deadline
 * (docs/ARCHITECTURE.md, service desk); the stored deadlines are recomputed after every edit.
 */
export async function editTicket(ctx: CoreContext, input: TicketEditT): Promise<TicketDetailT> {
  const t = await loadTicket(ctx, input.id);
  const why = editRefusal(t);
  if (why) throw conflict(why);
  const now = ctx.now();
  const patch: Updateable<TicketsTable> = {};
  const changes: TicketChangeT[] = [];
  const change = (field: string, label: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ field, label, from, to });
  };

  if (input.houseId !== undefined || input.location !== undefined || input.buildingId !== undefined) {
    const place = await placeOf(ctx, { houseId: input.houseId ?? null, location: input.location ?? null, buildingId: input.buildingId ?? null }, t.estate_id);
    if (place.houseId !== t.house_id || place.location !== t.location || place.buildingId !== t.building_id) {
      Object.assign(patch, { house_id: place.houseId, building_id: place.buildingId, location: place.location, estate_id: place.estateId });
      change('location', '位置', placeText(t.location, t.house_id), placeText(place.location, place.houseId));
    }
  }

  if (input.category !== undefined || input.subcategory !== undefined) {
    const category = input.category ?? t.category;
    // a new category drops the old subcategory unless one is given with it
    const subcategory =
      input.subcategory !== undefined ? input.subcategory : input.category !== undefined && input.category !== t.category ? null : t.subcategory;
    if (category !== t.category || subcategory !== t.subcategory) {
      // checked only when changed: a category renamed in 设置 since intake does not block other corrections
      const cfg = await readDeskConfig(ctx);
      const cat = cfg.categories.find((c) => c.name === category);
      if (!cat) throw invalid(`类别「${category}」不在类别设置中`, { category: '请选择类别' });
      if (subcategory && cat.children.length && !cat.children.includes(subcategory))
        throw invalid(`「${category}」下没有子类别「${subcategory}」`, { subcategory: '请选择子类别' });
      patch.category = category;
      patch.subcategory = subcategory;
      change('category', '类别', categoryText(t.category, t.subcategory), categoryText(category, subcategory));
    }
  }

  if (input.reporter !== undefined && input.reporter !== t.reporter) {
    patch.reporter = input.reporter;
    change('reporter', '报事人', t.reporter, input.reporter);
  }
  if (input.phone !== undefined) {
    // the form shows the stored phone masked: sent back unchanged it keeps the stored one (docs/PRIVACY.md)
    const phone = phoneFromForm(input.phone, [t.phone]);
    if (phone !== t.phone) {
      patch.phone = phone;
      patch.phone_digits = phone ? phone.replace(/\D/g, '') : null;
      // the timeline and the audit log are screens: both keep the change masked, the number itself stays on the row
      // (pushed even when both masks read the same: the number did change)
      changes.push({ field: 'phone', label: '电话', from: maskedPhone(t.phone), to: maskedPhone(phone) });
    }
  }
  if (input.description !== undefined && input.description !== t.description) {
    patch.description = input.description;
    change('description', '内容', t.description, input.description);
  }
  if (input.expectedVisitAt !== undefined) {
    if (input.expectedVisitAt && Number.isNaN(Date.parse(input.expectedVisitAt))) throw invalid('预约上门时间无效', { expectedVisitAt: '时间无效' });
    const visit = input.expectedVisitAt ? new Date(Date.parse(input.expectedVisitAt)).toISOString() : null;
    if (visit !== t.expected_visit_at) {
      if (visit) {
        const refused = visitRefusal(visit, now.getTime());
        if (refused) throw invalid(refused, { expectedVisitAt: refused });
      }
      patch.expected_visit_at = visit;
      change('expectedVisitAt', '预约上门', visitText(t.expected_visit_at), visitText(visit));
      if (t.type === '报修' && t.sla_clock === 'calendar') {
        // the repair was (or now is) due by its visit; without one, the target in force now applies,
        // since the intake snapshot was the visit itself
        const configured = t.expected_visit_at ? (slaTargetFor(await readDeskConfig(ctx), t.type, t.urgency)?.resolveMinutes ?? null) : t.resolve_minutes;
        const resolve = resolveMinutesFor(t.type, t.sla_clock, visit, Date.parse(t.received_at), configured);
        if (resolve !== t.resolve_minutes) patch.resolve_minutes = resolve;
      }
    }
  }

  if (!changes.length) throw conflict('没有修改任何内容');
  const actor = await ctx.actor();
  await ctx.db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    // re-checked inside: another desk may have voided or closed it since it was read
    const current = await trx.selectFrom('tickets').select('status').where('id', '=', t.id).executeTakeFirstOrThrow();
    const late = editRefusal({ ...t, status: current.status });
    if (late) throw conflict(late);
    await trx
      .updateTable('tickets')
      .set({ ...patch, updated_at: at })
      .where('id', '=', t.id)
      .execute();
    await addEvent(trx, { ticketId: t.id, at, actor, action: 'edit', from: current.status, to: current.status, note: input.note ?? null, data: { changes } });
    await audit(trx, actor, 'ticket', t.id, 'edit', { changes, note: input.note ?? null });
    await refreshDue(ctx, trx, t.id);
  });
  return getTicketDetail(ctx, t.id);
}

/** 备注: a note added later (a follow-up call, what the owner said at the counter). Not on a voided ticket. */
export async function addTicketNote(ctx: CoreContext, input: { id: number; note: string }): Promise<TicketDetailT> {
  const t = await loadTicket(ctx, input.id);
  if (t.status === '已作废') throw conflict('工单已作废，不能添加备注');
  const actor = await ctx.actor();
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    await addEvent(trx, { ticketId: t.id, at, actor, action: 'note', from: t.status, to: t.status, note: input.note });
    await trx.updateTable('tickets').set({ updated_at: at }).where('id', '=', t.id).execute();
    await audit(trx, actor, 'ticket', t.id, 'note', { length: input.note.length });
  });
  return getTicketDetail(ctx, t.id);
}

/** 添加照片: photos brought in after intake (the repair finished, the damage seen later). */
export async function addTicketPhotos(
  ctx: CoreContext,
  input: { id: number; attachments: { fileName: string; dataBase64: string }[] },
): Promise<TicketDetailT> {
  const t = await loadTicket(ctx, input.id);
  if (t.status === '已作废') throw conflict('工单已作废，不能添加照片');
  const files = prepareAttachments(input.attachments);
  const actor = await ctx.actor();
  const written: string[] = [];
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const { n } = await trx
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ticket_id', '=', t.id)
        .executeTakeFirstOrThrow();
      if (Number(n) + files.length > MAX_PHOTOS_PER_TICKET)
        throw invalid(`每张工单最多${MAX_PHOTOS_PER_TICKET}张照片，已有${Number(n)}张`, {
          attachments: `最多还能添加${Math.max(0, MAX_PHOTOS_PER_TICKET - Number(n))}张`,
        });
      const at = ctx.now().toISOString();
      await storeAttachments(ctx, trx, t.id, files, written);
      await addEvent(trx, {
        ticketId: t.id,
        at,
        actor,
        action: 'photo',
        from: t.status,
        to: t.status,
        note: `${files.length}张：${files.map((f) => f.fileName).join('、')}`,
      });
      await trx.updateTable('tickets').set({ updated_at: at }).where('id', '=', t.id).execute();
      await audit(trx, actor, 'ticket', t.id, 'photo', { files: files.map((f) => ({ name: f.fileName, sha256: f.sha256 })) });
    })
    .catch((e: unknown) => {
      discardFiles(written);
      throw e;
    });
  return getTicketDetail(ctx, t.id);
}
