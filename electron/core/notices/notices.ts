// 通知公告 (PRODUCT.md §5): templates, the live preview, issuing (number, audience, pages snapshot),
// the list, and voiding. Numbers count per estate per China year: 〔2026〕第001号, 第002号 … and
// start again at 第001号 on 1 January (Asia/Shanghai), each estate on its own.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CoreContext } from '../context';
import type { DB } from '../db/schema';
import type { NoticesTable, NoticeTemplatesTable } from '../db/tables/notices';
import { inTransaction } from '../db/tx';
import { audit } from '../db/audit';
import { UserError, invalid, notFound } from '../errors';
import { chineseDay, cstParts } from '../../../shared/domain/time';
import {
  PER_HOUSE_PLACEHOLDERS,
  TYPED_PLACEHOLDERS,
  type AudienceT,
  type NoticeDraftT,
  type NoticeHouseT,
  type NoticeKindT,
  type NoticeSummaryT,
  type NoticeT,
  type NoticeTemplateT,
  type TemplateInputT,
} from '../../../shared/contract/notices';
import { letterheadFor } from '../documents/letterhead';
import { renderPagesHtml } from '../documents/html-render';
import type { Block, DocPage } from '../documents/model';
import { BLANK, fillPlaceholders, noticeNo, placeholdersIn, rmbCapital, unknownPlaceholderMessage, yuanText } from './text';
import { chunks } from '../db/chunks';

// ---------------------------------------------------------------- templates

function toTemplate(r: Selectable<NoticeTemplatesTable>): NoticeTemplateT {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as NoticeKindT,
    title: r.title,
    body: r.body,
    fields: JSON.parse(r.fields) as string[],
    builtin: r.builtin === 1,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function listTemplates(ctx: CoreContext, includeVoided = false): Promise<NoticeTemplateT[]> {
  let q = ctx.db.selectFrom('notice_templates').selectAll();
  if (!includeVoided) q = q.where('voided_at', 'is', null);
  const rows = await q.orderBy('builtin', 'desc').orderBy('id').execute();
  return rows.map(toTemplate);
}

async function getTemplate(db: Kysely<DB>, id: number): Promise<NoticeTemplateT> {
  const r = await db.selectFrom('notice_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('通知模板');
  return toTemplate(r);
}

/** Creates or updates a template; an unknown {{占位符}} is refused by name. */
export async function saveTemplate(ctx: CoreContext, input: TemplateInputT): Promise<NoticeTemplateT> {
  const titleProblem = unknownPlaceholderMessage(input.title, input.fields);
  const bodyProblem = unknownPlaceholderMessage(input.body, input.fields);
  if (titleProblem || bodyProblem) {
    const fields: Record<string, string> = {};
    if (titleProblem) fields.title = titleProblem;
    if (bodyProblem) fields.body = bodyProblem;
    throw invalid((bodyProblem ?? titleProblem) as string, fields);
  }
  const actor = await ctx.actor();
  const now = ctx.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const dup = await trx
      .selectFrom('notice_templates')
      .select('id')
      .where('name', '=', input.name)
      .where('voided_at', 'is', null)
      .$if(!!input.id, (q) => q.where('id', '!=', input.id as number))
      .executeTakeFirst();
    if (dup) throw invalid(`模板「${input.name}」已存在`, { name: `模板「${input.name}」已存在，请换一个名称` });
    const values = {
      name: input.name,
      kind: input.kind,
      title: input.title,
      body: input.body,
      fields: JSON.stringify(input.fields),
      updated_at: now,
      updated_by: actor,
    };
    let id: number;
    if (input.id) {
      const before = await getTemplate(trx, input.id);
      if (before.voidedAt) throw new UserError('CONFLICT', '该模板已作废，不能修改');
      await trx.updateTable('notice_templates').set(values).where('id', '=', input.id).execute();
      id = input.id;
      // before → after of each changed field (docs/AUDIT.md), the name kept for the line's subject
      const after = { name: input.name, kind: input.kind, title: input.title, body: input.body, fields: input.fields };
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(after) as Array<keyof typeof after>)
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
      await audit(trx, actor, 'notice_template', id, 'update', { name: input.name, changes });
    } else {
      ({ id } = await trx
        .insertInto('notice_templates')
        .values({ ...values, builtin: 0, voided_at: null, void_reason: null })
        .returning('id')
        .executeTakeFirstOrThrow());
      await audit(trx, actor, 'notice_template', id, 'create', { name: input.name });
    }
    return getTemplate(trx, id);
  });
}

export async function voidTemplate(ctx: CoreContext, id: number, reason: string): Promise<NoticeTemplateT> {
  const actor = await ctx.actor();
  return inTransaction(ctx.db, async (trx) => {
    const t = await getTemplate(trx, id);
    if (t.builtin) throw new UserError('CONFLICT', '内置模板不能作废，可以修改它的内容');
    if (t.voidedAt) throw new UserError('CONFLICT', '该模板已作废');
    await trx.updateTable('notice_templates').set({ voided_at: ctx.now().toISOString(), void_reason: reason }).where('id', '=', id).execute();
    await audit(trx, actor, 'notice_template', id, 'void', { reason });
    return getTemplate(trx, id);
  });
}

// ---------------------------------------------------------------- audience

export interface AudienceHouse {
  houseId: number;
  label: string;
  building: string;
  unit: string;
  room: string;
  owner: string;
}
export interface ResolvedAudience {
  /** one copy for a notice board (no per-house placeholders) */
  posted: boolean;
  label: string;
  building: string;
  unit: string;
  houses: AudienceHouse[];
}

const isPosted = (a: AudienceT) => a.kind === 'estate' || ((a.kind === 'building' || a.kind === 'unit') && !!a.posted);

/** The live houses a notice is for, in unit, floor and room order, each with its owners' names. */
export async function resolveAudience(db: Kysely<DB>, estateId: number, audience: AudienceT): Promise<ResolvedAudience> {
  const estate = await db.selectFrom('estates').select(['id', 'name']).where('id', '=', estateId).where('voided_at', 'is', null).executeTakeFirst();
  if (!estate) throw notFound('项目');
  if (audience.kind === 'estate') return { posted: true, label: '全体业主（张贴）', building: '', unit: '', houses: [] };
  let q = db
    .selectFrom('houses as h')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['h.id', 'b.name as building', 'u.name as unit', 'h.room_no'])
    .where('h.voided_at', 'is', null)
    .where('h.estate_id', '=', estateId);
  let building = '';
  let unit = '';
  if (audience.kind === 'building' || audience.kind === 'unit') {
    const b = await db
      .selectFrom('buildings')
      .select(['id', 'name'])
      .where('id', '=', audience.buildingId)
      .where('estate_id', '=', estateId)
      .executeTakeFirst();
    if (!b) throw notFound('楼栋');
    building = b.name;
    q = q.where('h.building_id', '=', b.id);
    if (audience.kind === 'unit') {
      const u = await db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('building_id', '=', b.id)
        .where((eb) => eb.or([eb('name', '=', audience.unitName), eb('code', '=', audience.unitName)]))
        .executeTakeFirst();
      if (!u) throw notFound(`${b.name}${audience.unitName}`);
      unit = u.name;
      q = q.where('h.unit_id', '=', u.id);
    }
  } else {
    q = q.where('h.id', 'in', audience.houseIds);
  }
  const rows = await q
    .orderBy('b.sort_key')
    .orderBy(sql`length(u.code)`)
    .orderBy('u.code')
    .orderBy('h.floor')
    .orderBy('h.room_no')
    .execute();
  if (audience.kind === 'list' && rows.length !== new Set(audience.houseIds).size)
    throw invalid('所选房屋中有的不存在、已作废或不属于本项目，请重新选择', { 'audience.houseIds': '请重新选择房屋' });
  const owners = await ownersOf(
    db,
    rows.map((r) => r.id),
  );
  const houses = rows.map((r) => ({
    houseId: r.id,
    label: `${r.building}${r.unit ?? ''}${r.room_no}`,
    building: r.building,
    unit: r.unit ?? '',
    room: r.room_no,
    owner: owners.get(r.id) ?? '',
  }));
  const posted = isPosted(audience);
  const where = `${building}${unit}` || '选定';
  const label = posted
    ? `${where}（张贴）`
    : audience.kind === 'list'
      ? houses.length === 1
        ? houses[0].label
        : `选定 ${houses.length} 户`
      : `${where} 全部 ${houses.length} 户`;
  return { posted, label, building, unit, houses };
}

/** current owners (产权人, then 共有人) of each house: 王芳、李明 */
async function ownersOf(db: Kysely<DB>, houseIds: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string[]>();
  for (const part of chunks(houseIds)) {
    const rows = await db
      .selectFrom('occupancies as o')
      .innerJoin('people as p', 'p.id', 'o.person_id')
      .select(['o.house_id', 'p.name', 'o.role'])
      .where('o.house_id', 'in', part)
      .where('o.ended_at', 'is', null)
      .where('p.voided_at', 'is', null)
      .where('o.role', 'in', ['owner', 'co_owner'])
      .orderBy('o.house_id')
      .orderBy(sql`case o.role when 'owner' then 0 else 1 end`)
      .orderBy('o.id')
      .execute();
    for (const r of rows) {
      const list = names.get(r.house_id) ?? [];
      if (!list.includes(r.name)) list.push(r.name);
      names.set(r.house_id, list);
    }
  }
  return new Map([...names].map(([k, v]) => [k, v.join('、')]));
}

// ---------------------------------------------------------------- pages

/** a notice is read on a notice board or a door: its text a little larger than a slip's */
const BODY_PT = 12;

interface Built {
  /** the title with the notice-wide values filled in */
  title: string;
  units: DocPage[][];
  problems: string[];
  /** field → message, for the form */
  fields: Record<string, string>;
  amounts: Map<number, number>;
}

/** The pages of every unit (the posted copy, or each house) and what is still missing. */
function buildUnits(draft: NoticeDraftT, aud: ResolvedAudience, facts: { no: string; estate: string; phone: string; centre: string }, limit = Infinity): Built {
  const problems: string[] = [];
  const fields: Record<string, string> = {};
  const text = `${draft.title}\n${draft.body}`;
  const unknown = unknownPlaceholderMessage(text, draft.fields);
  if (unknown) {
    problems.push(unknown);
    fields.body = unknown;
  }
  const used = placeholdersIn(text);
  const perHouse = used.filter((n) => (PER_HOUSE_PLACEHOLDERS as readonly string[]).includes(n));
  if (aud.posted && perHouse.length) {
    const m = `张贴的通知不针对某一户，不能使用 ${perHouse.map((n) => `{{${n}}}`).join('、')}；请选择每户一页，或从正文中去掉它们`;
    problems.push(m);
    fields.audience = m;
  }
  if (!aud.posted && aud.houses.length === 0) {
    problems.push('所选范围内没有房屋');
    fields.audience = '所选范围内没有房屋';
  }
  for (const name of used) {
    const typed = (TYPED_PLACEHOLDERS as readonly string[]).includes(name) || draft.fields.includes(name);
    if (typed && !draft.values[name]?.trim()) {
      problems.push(`请填写「${name}」`);
      fields[`values.${name}`] = `请填写「${name}」`;
    }
  }
  const amounts = new Map(draft.amounts.map((a) => [a.houseId, a.amount]));
  const needsAmount = used.includes('金额') || used.includes('金额大写');
  if (needsAmount && !aud.posted) {
    const missing = aud.houses.filter((h) => !amounts.has(h.houseId));
    if (missing.length) {
      const m = `请填写金额：${missing
        .slice(0, 5)
        .map((h) => h.label)
        .join('、')}${missing.length > 5 ? ` 等 ${missing.length} 户` : ''}`;
      problems.push(m);
      fields.amounts = m;
    }
  }

  const common: Record<string, string> = {
    ...Object.fromEntries(draft.fields.map((f) => [f, draft.values[f] ?? ''])),
    开始时间: draft.values['开始时间'] ?? '',
    结束时间: draft.values['结束时间'] ?? '',
    期间: draft.values['期间'] ?? '',
    项目: facts.estate,
    楼栋: aud.building,
    单元: aud.unit,
    日期: chineseDay(draft.date),
    服务电话: facts.phone,
    文号: facts.no,
  };
  const page = (values: Record<string, string>, address: string | null): DocPage[] => {
    const blocks: Block[] = [
      { t: 'letterhead' },
      { t: 'title', text: fillPlaceholders(draft.title, values) },
      { t: 'meta', items: [facts.no, chineseDay(draft.date)] },
    ];
    if (address) blocks.push({ t: 'para', text: address, sizePt: BODY_PT });
    for (const line of fillPlaceholders(draft.body, values).split(/\n+/))
      if (line.trim()) blocks.push({ t: 'para', text: line.trim(), indent: true, sizePt: BODY_PT });
    blocks.push(
      { t: 'para', text: '特此通知。', indent: true, sizePt: BODY_PT },
      { t: 'space', mm: 8 },
      { t: 'seal', lines: [facts.centre, chineseDay(draft.date)] },
    );
    return [{ blocks }];
  };
  const units: DocPage[][] = [];
  if (aud.posted) units.push(page(common, null));
  else
    for (const h of aud.houses.slice(0, limit)) {
      const amount = amounts.get(h.houseId);
      const values = {
        ...common,
        楼栋: h.building,
        单元: h.unit,
        房号: h.room,
        业主: h.owner,
        金额: amount === undefined ? '' : yuanText(amount),
        金额大写: amount === undefined ? '' : rmbCapital(amount),
      };
      units.push(page(values, `尊敬的 ${h.label} 业主${h.owner ? ` ${h.owner}` : ''}：`));
    }
  return { title: fillPlaceholders(draft.title, common).replaceAll(BLANK, ''), units, problems, fields, amounts };
}

/** the China year of now, and the next free number of the estate in it */
async function nextNumber(db: Kysely<DB>, estateId: number, now: Date): Promise<{ year: number; seq: number; no: string }> {
  const year = cstParts(now).year;
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('estate_id', '=', estateId)
    .where('year', '=', year)
    .executeTakeFirst();
  const seq = Number(row?.seq ?? 0) + 1;
  return { year, seq, no: noticeNo(year, seq) };
}

/** the header and the estate's name (read through ctx.db: never call it inside a transaction) */
async function factsFor(ctx: CoreContext, estateId: number) {
  const lh = await letterheadFor(ctx, estateId);
  const estate = await ctx.db.selectFrom('estates').select('name').where('id', '=', estateId).executeTakeFirst();
  if (!estate) throw notFound('项目');
  return { lh, estate: estate.name, phone: lh.phone, centre: lh.centre };
}

/** The first sheet as it would print (the first house's page when per house), with what is still missing. */
export async function previewNotice(ctx: CoreContext, draft: NoticeDraftT) {
  const aud = await resolveAudience(ctx.db, draft.estateId, draft.audience);
  const { lh, ...f } = await factsFor(ctx, draft.estateId);
  const { no } = await nextNumber(ctx.db, draft.estateId, ctx.now());
  const shownHouses = 1;
  const built = buildUnits(draft, aud, { ...f, no }, shownHouses);
  const pages = built.units.flat();
  const html = await renderPagesHtml(built.title, pages.length ? pages : [{ blocks: [{ t: 'note', text: '所选范围内没有房屋' }] }], lh, 'A4');
  return { html, no, units: aud.posted ? 1 : aud.houses.length, shown: aud.posted ? 0 : Math.min(shownHouses, aud.houses.length), problems: built.problems };
}

/** Issues a notice: validates, numbers it in a transaction, and keeps its pages for exact reprints. */
export async function issueNotice(ctx: CoreContext, draft: NoticeDraftT): Promise<NoticeT> {
  const actor = await ctx.actor();
  const now = ctx.now();
  // the letterhead reads the settings through ctx.db, which the transaction's connection would block
  const f = await factsFor(ctx, draft.estateId);
  const id = await inTransaction(ctx.db, async (trx) => {
    if (draft.templateId) {
      const t = await trx.selectFrom('notice_templates').select(['id', 'voided_at']).where('id', '=', draft.templateId).executeTakeFirst();
      if (!t) throw notFound('通知模板');
    }
    const aud = await resolveAudience(trx, draft.estateId, draft.audience);
    const num = await nextNumber(trx, draft.estateId, now);
    const built = buildUnits(draft, aud, { estate: f.estate, phone: f.phone, centre: f.centre, no: num.no });
    if (built.problems.length) throw invalid(built.problems.join('；'), built.fields);
    const { id } = await trx
      .insertInto('notices')
      .values({
        estate_id: draft.estateId,
        template_id: draft.templateId,
        kind: draft.kind,
        no: num.no,
        year: num.year,
        seq: num.seq,
        title: built.title,
        date: draft.date,
        values: JSON.stringify(draft.values),
        audience: JSON.stringify(draft.audience),
        audience_label: aud.label,
        amounts: JSON.stringify(Object.fromEntries(built.amounts)),
        pages: JSON.stringify(built.units),
        issued_at: now.toISOString(),
        issued_by: actor,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!aud.posted)
      for (let i = 0; i < aud.houses.length; i += 200)
        await trx
          .insertInto('notice_houses')
          .values(
            aud.houses.slice(i, i + 200).map((h, j) => ({
              notice_id: id,
              house_id: h.houseId,
              position: i + j,
              owner: h.owner,
              amount: built.amounts.get(h.houseId) ?? null,
            })),
          )
          .execute();
    await audit(trx, actor, 'notice', id, 'issue', { no: num.no, title: draft.title, audience: aud.label });
    return id;
  });
  return getNotice(ctx, id);
}

function toSummary(r: Selectable<NoticesTable>): NoticeSummaryT {
  return {
    id: r.id,
    estateId: r.estate_id,
    templateId: r.template_id,
    kind: r.kind as NoticeKindT,
    no: r.no,
    year: r.year,
    seq: r.seq,
    title: r.title,
    date: r.date,
    audience: JSON.parse(r.audience) as AudienceT,
    audienceLabel: r.audience_label,
    units: (JSON.parse(r.pages) as unknown[]).length,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

export async function getNotice(ctx: CoreContext, id: number): Promise<NoticeT> {
  const r = await ctx.db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('通知');
  const houses = await ctx.db
    .selectFrom('notice_houses as nh')
    .innerJoin('houses as h', 'h.id', 'nh.house_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['nh.house_id', 'nh.owner', 'nh.amount', 'b.name as building', 'u.name as unit', 'h.room_no'])
    .where('nh.notice_id', '=', id)
    .orderBy('nh.position')
    .execute();
  const list: NoticeHouseT[] = houses.map((h) => ({
    houseId: h.house_id,
    label: `${h.building}${h.unit ?? ''}${h.room_no}`,
    owner: h.owner,
    amount: h.amount,
  }));
  return { ...toSummary(r), values: JSON.parse(r.values) as Record<string, string>, houses: list };
}

export async function listNotices(ctx: CoreContext, q: { estateId: number; includeVoided?: boolean; limit: number }): Promise<NoticeSummaryT[]> {
  let query = ctx.db.selectFrom('notices').selectAll().where('estate_id', '=', q.estateId);
  if (!q.includeVoided) query = query.where('voided_at', 'is', null);
  const rows = await query.orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(toSummary);
}

export async function voidNotice(ctx: CoreContext, id: number, reason: string): Promise<NoticeT> {
  const actor = await ctx.actor();
  await inTransaction(ctx.db, async (trx) => {
    const r = await trx.selectFrom('notices').select(['id', 'voided_at', 'no']).where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('通知');
    if (r.voided_at) throw new UserError('CONFLICT', `通知 ${r.no} 已作废`);
    await trx.updateTable('notices').set({ voided_at: ctx.now().toISOString(), void_reason: reason }).where('id', '=', id).execute();
    await audit(trx, actor, 'notice', id, 'void', { reason });
  });
  return getNotice(ctx, id);
}

/** the stored pages of a notice (one array per unit), for printing */
export async function noticePages(ctx: CoreContext, id: number) {
  const r = await ctx.db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('通知');
  const houses = await ctx.db.selectFrom('notice_houses').select('house_id').where('notice_id', '=', id).orderBy('position').execute();
  return { row: r, units: JSON.parse(r.pages) as DocPage[][], houseIds: houses.map((h) => h.house_id) };
}
