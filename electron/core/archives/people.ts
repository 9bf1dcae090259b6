import { sql, type Selectable, type Transaction } from 'kysely';
import type { DB, PeopleTable } from '../db/schema';
import type { CoreContext } from '../context';
import type { OccupancyT, PersonMatchT, PersonT, PersonRoleT } from '../../../shared/contract/archives';
import { ROLE_LABELS } from '../../../shared/contract/archives';
import { normaliseIdNumber } from '../../../shared/domain/idcard';
import { isMasked, maskIdNumber } from '../../../shared/domain/mask';
import { unmaskIdNumber, unmaskPhone } from '../privacy/masked-form';
import { normalisePhone, toHalfWidth } from '../../../shared/domain/text';
import { cstDate } from '../../../shared/domain/time';
import { audit } from '../db/audit';
import { inTransaction } from '../db/tx';
import { conflict, invalid, notFound, UserError } from '../errors';
import { personSearchFields } from './person-fields';
import { houseLabel, toPerson } from './mappers';
import { getHouse } from './houses';

export interface PersonFields {
  name: string;
  gender?: string | null;
  phone?: string | null;
  phone2?: string | null;
  idType?: string | null;
  idNumber?: string | null;
  birthday?: string | null;
  emergencyContact?: string | null;
  emergencyPhone?: string | null;
  workUnit?: string | null;
  notes?: string | null;
}

const phoneOrNull = (p: string | null | undefined) => (p ? normalisePhone(p) || null : null);

/** What a person's edit is compared with: the stored numbers (none for a new person). */
type StoredNumbers = Pick<Selectable<PeopleTable>, 'id_number' | 'phone' | 'phone2' | 'emergency_phone'>;
const NO_NUMBERS: StoredNumbers = { id_number: null, phone: null, phone2: null, emergency_phone: null };

/**
 * Screens get numbers masked (docs/PRIVACY.md) and the edit form sends them back as shown: a masked
 * value equal to the mask of the stored number keeps the stored number; any other value with a *
 * cannot be a number and is refused on its field (`prefix` "person." for 添加住户's nested form).
 */
function keptPhone(sent: string | null | undefined, stored: string | null, field: string, prefix: string): string | null {
  return isMasked(sent) ? unmaskPhone(sent, [stored], `${prefix}${field}`) : phoneOrNull(sent);
}

function personColumns(p: PersonFields, stored: StoredNumbers, prefix = '') {
  const phone = keptPhone(p.phone, stored.phone, 'phone', prefix);
  let idNumber = p.idNumber ? normaliseIdNumber(p.idNumber) : null;
  if (isMasked(idNumber)) idNumber = unmaskIdNumber(idNumber, [stored.id_number], `${prefix}idNumber`);
  return {
    name: p.name.trim(),
    gender: p.gender ?? null,
    phone,
    phone2: keptPhone(p.phone2, stored.phone2, 'phone2', prefix),
    id_type: idNumber ? (p.idType ?? '身份证') : (p.idType ?? null),
    id_number: idNumber,
    birthday: p.birthday ?? null,
    emergency_contact: p.emergencyContact ?? null,
    emergency_phone: keptPhone(p.emergencyPhone, stored.emergency_phone, 'emergencyPhone', prefix),
    work_unit: p.workUnit ?? null,
    notes: p.notes ?? null,
    ...personSearchFields(p.name, phone),
  };
}

export async function getPerson(ctx: CoreContext, id: number): Promise<PersonT> {
  const row = await ctx.db.selectFrom('people').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('人员');
  return toPerson(row);
}

export async function insertPerson(trx: Transaction<DB>, p: PersonFields, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('people')
    .values({ ...personColumns(p, NO_NUMBERS, 'person.'), created_at: now, updated_at: now, voided_at: null, void_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listOccupancies(ctx: CoreContext, houseId: number): Promise<OccupancyT[]> {
  const rows = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .selectAll('p')
    .select(['o.id as occ_id', 'o.house_id', 'o.role', 'o.move_in_date', 'o.move_out_date', 'o.lease_start', 'o.lease_end', 'o.ended_at'])
    .where('o.house_id', '=', houseId)
    .where('p.voided_at', 'is', null)
    .execute();
  const roleOrder: Record<string, number> = { owner: 0, co_owner: 1, family: 2, tenant: 3, temporary: 4 };
  return rows
    .map((r) => ({
      id: r.occ_id,
      houseId: r.house_id,
      person: toPerson(r),
      role: r.role as PersonRoleT,
      moveInDate: r.move_in_date,
      moveOutDate: r.move_out_date,
      leaseStart: r.lease_start,
      leaseEnd: r.lease_end,
      active: r.ended_at === null,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || roleOrder[a.role] - roleOrder[b.role] || a.id - b.id);
}

async function getOccupancy(ctx: CoreContext, id: number): Promise<OccupancyT> {
  const row = await ctx.db.selectFrom('occupancies').select('house_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('住户登记');
  const found = (await listOccupancies(ctx, row.house_id)).find((o) => o.id === id);
  if (!found) throw notFound('住户登记');
  return found;
}

export async function attachPerson(
  ctx: CoreContext,
  input: {
    houseId: number;
    personId?: number;
    person?: PersonFields;
    role: PersonRoleT;
    moveInDate?: string | null;
    leaseStart?: string | null;
    leaseEnd?: string | null;
    allowDuplicate?: boolean;
  },
): Promise<OccupancyT> {
  await getHouse(ctx, input.houseId);
  if (input.role === 'tenant' && !input.leaseStart && !input.leaseEnd) {
    // a tenant without lease dates is allowed (rosters lack them), but the desk should try
  }
  const occId = await inTransaction(ctx.db, async (trx) => {
    const now = ctx.now().toISOString();
    let personId = input.personId;
    if (personId) {
      const p = await trx.selectFrom('people').select('id').where('id', '=', personId).where('voided_at', 'is', null).executeTakeFirst();
      if (!p) throw notFound('人员');
    } else if (input.person) {
      if (!input.allowDuplicate) await refuseDuplicate(trx, input.person);
      personId = await insertPerson(trx, input.person, now);
      await audit(trx, await ctx.actor(), 'person', personId, 'create', { name: input.person.name });
    } else throw invalid('请选择或填写人员');
    const active = await trx
      .selectFrom('occupancies')
      .select('id')
      .where('house_id', '=', input.houseId)
      .where('person_id', '=', personId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (active) throw conflict('此人已登记在该房屋，请直接编辑');
    const { id } = await trx
      .insertInto('occupancies')
      .values({
        house_id: input.houseId,
        person_id: personId,
        role: input.role,
        move_in_date: input.moveInDate ?? null,
        move_out_date: null,
        lease_start: input.leaseStart ?? null,
        lease_end: input.leaseEnd ?? null,
        ended_at: null,
        source: 'manual',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, await ctx.actor(), 'house', input.houseId, 'attach', { occupancyId: id, personId, role: input.role });
    return id;
  });
  return getOccupancy(ctx, occId);
}

export async function updatePerson(ctx: CoreContext, input: PersonFields & { id: number }): Promise<PersonT> {
  const stored = await ctx.db.selectFrom('people').selectAll().where('id', '=', input.id).where('voided_at', 'is', null).executeTakeFirst();
  if (!stored) throw notFound('人员');
  const cols = personColumns(input, stored);
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('people')
      .set({ ...cols, updated_at: ctx.now().toISOString() })
      .where('id', '=', input.id)
      .execute();
    const before = stored as Record<string, unknown>;
    const after = cols as Record<string, unknown>;
    const changed = Object.keys(cols).filter((k) => before[k] !== after[k] && !k.startsWith('name_') && k !== 'phone_digits');
    // before → after per changed field; an ID number only masked: the audit trail never holds one in clear
    const shown = (k: string, v: unknown) => (k === 'id_number' && typeof v === 'string' ? maskIdNumber(v) : (v ?? null));
    const changes = Object.fromEntries(changed.map((k) => [k, [shown(k, before[k]), shown(k, after[k])]]));
    await audit(trx, await ctx.actor(), 'person', input.id, 'update', { fields: changed, changes });
  });
  return getPerson(ctx, input.id);
}

export async function moveOut(ctx: CoreContext, input: { occupancyId: number; moveOutDate: string; note?: string | null }): Promise<OccupancyT> {
  const occ = await ctx.db.selectFrom('occupancies').selectAll().where('id', '=', input.occupancyId).executeTakeFirst();
  if (!occ) throw notFound('住户登记');
  if (occ.ended_at) throw conflict('此人已迁出');
  if (occ.move_in_date && input.moveOutDate < occ.move_in_date) throw invalid('迁出日期不能早于入住日期', { moveOutDate: '迁出日期不能早于入住日期' });
  if (input.moveOutDate > cstDate(ctx.now())) throw invalid('迁出日期不能晚于今天', { moveOutDate: '迁出日期不能晚于今天' });
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('occupancies')
      .set({ move_out_date: input.moveOutDate, ended_at: ctx.now().toISOString(), updated_at: ctx.now().toISOString() })
      .where('id', '=', occ.id)
      .execute();
    await audit(trx, await ctx.actor(), 'house', occ.house_id, 'moveOut', {
      occupancyId: occ.id,
      personId: occ.person_id,
      date: input.moveOutDate,
      note: input.note ?? null,
    });
  });
  return getOccupancy(ctx, occ.id);
}

// ---- finding people already on file (docs/ARCHITECTURE.md, "People")

type Db = Pick<CoreContext, 'db'>['db'] | Transaction<DB>;

/** Every house a person is registered to, current first, with its estate. */
async function placesOf(db: Db, personIds: number[]): Promise<Map<number, PersonMatchT['places']>> {
  const map = new Map<number, PersonMatchT['places']>();
  if (!personIds.length) return map;
  const rows = await db
    .selectFrom('occupancies as o')
    .innerJoin('houses as h', 'h.id', 'o.house_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .innerJoin('estates as e', 'e.id', 'h.estate_id')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .select(['o.person_id', 'o.house_id', 'o.role', 'o.ended_at', 'h.room_no', 'b.name as building_name', 'u.name as unit_name', 'e.name as estate_name'])
    .where('o.person_id', 'in', personIds)
    .where('h.voided_at', 'is', null)
    .orderBy(sql`o.ended_at is not null`)
    .orderBy('o.id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.person_id) ?? [];
    list.push({
      houseId: r.house_id,
      label: houseLabel(r.building_name, r.unit_name, r.room_no),
      estateName: r.estate_name,
      role: r.role as PersonRoleT,
      active: r.ended_at === null,
    });
    map.set(r.person_id, list);
  }
  return map;
}

async function toMatches(db: Db, found: { row: Selectable<PeopleTable>; matched: string }[]): Promise<PersonMatchT[]> {
  const places = await placesOf(
    db,
    found.map((f) => f.row.id),
  );
  return found.map((f) => ({ person: toPerson(f.row), matched: f.matched, places: places.get(f.row.id) ?? [] }));
}

/** a typed %, _ or \ matches itself in a LIKE pattern with ESCAPE '\' */
const likeText = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * 添加住户 → 选择已有人员: one box takes a name (or part, or pinyin initials), a phone number (or its
 * last 4+ digits) or an ID number (or its last 4+ characters). Best matches first; at most `limit`.
 */
export async function findPeople(ctx: CoreContext, query: string, limit = 10): Promise<PersonMatchT[]> {
  const q = toHalfWidth(query).replace(/\s+/g, '');
  if (!q) return [];
  const live = ctx.db.selectFrom('people').selectAll().where('voided_at', 'is', null);
  const found: { row: Selectable<PeopleTable>; matched: string }[] = [];
  const seen = new Set<number>();
  const add = (rows: Selectable<PeopleTable>[], matched: string) => {
    for (const row of rows) {
      if (seen.has(row.id) || found.length >= limit) continue;
      seen.add(row.id);
      found.push({ row, matched });
    }
  };
  const idLike = normaliseIdNumber(q);
  const digits = q.replace(/[\s\-()（）+]/g, '');
  if (/^[0-9X]{15,18}$/.test(idLike)) add(await live.where('id_number', '=', idLike).limit(limit).execute(), '证件号码');
  if (/^\d{4,}$/.test(digits)) {
    // a whole number first (index), then tails: staff often have only the last digits
    add(await live.where('phone_digits', '=', digits).limit(limit).execute(), '电话');
    add(await live.where('phone_digits', 'like', `%${digits}`).orderBy('name').limit(limit).execute(), '电话尾号');
  }
  if (/^[0-9X]{4,}$/.test(idLike)) add(await live.where('id_number', 'like', `%${idLike}`).orderBy('name').limit(limit).execute(), '证件号码尾号');
  if (/\p{Script=Han}/u.test(q)) {
    add(await live.where('name', '=', q).orderBy('id').limit(limit).execute(), '姓名');
    add(
      await live
        .where(sql<boolean>`name like ${`${likeText(q)}%`} escape '\\'`)
        .orderBy(sql`length(name)`)
        .orderBy('name')
        .limit(limit)
        .execute(),
      '姓名',
    );
    add(
      await live
        .where(sql<boolean>`name like ${`%${likeText(q)}%`} escape '\\'`)
        .orderBy(sql`length(name)`)
        .orderBy('name')
        .limit(limit)
        .execute(),
      '姓名',
    );
  } else if (/^[a-zA-Z]+$/.test(q)) {
    const l = q.toLowerCase();
    add(await live.where('name_initials', '=', l).orderBy('name').limit(limit).execute(), '拼音首字母');
    add(
      await live
        .where((eb) => eb.or([eb('name_initials', 'like', `${l}%`), eb('name_pinyin', 'like', `${l}%`)]))
        .orderBy('name')
        .limit(limit)
        .execute(),
      '拼音',
    );
  }
  return toMatches(ctx.db, found);
}

/**
 * People already on file with this phone number or ID number: a new person matching one is
 * probably the same person, registered again for a second house (the duplicate that once made a
 * household show another house's tickets).
 */
export async function findDuplicates(
  ctx: CoreContext,
  input: { phone?: string | null; idNumber?: string | null; exceptPersonId?: number },
  db: Db = ctx.db,
): Promise<PersonMatchT[]> {
  return toMatches(db, await duplicateRows(db, input));
}

async function duplicateRows(db: Db, input: { phone?: string | null; idNumber?: string | null; exceptPersonId?: number }) {
  let phone = input.phone ? normalisePhone(input.phone).replace(/\D/g, '') : '';
  const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) : '';
  const found: { row: Selectable<PeopleTable>; matched: string }[] = [];
  const live = () => {
    const q = db.selectFrom('people').selectAll().where('voided_at', 'is', null);
    return input.exceptPersonId ? q.where('id', '<>', input.exceptPersonId) : q;
  };
  // a masked number (110***… or 138****5678) cannot be compared, and a short one is not an identity
  if (isMasked(input.phone)) phone = '';
  if (idNumber.length >= 6 && !idNumber.includes('*'))
    for (const row of await live().where('id_number', '=', idNumber).limit(5).execute()) found.push({ row, matched: '证件号码' });
  if (phone.length >= 7)
    for (const row of await live().where('phone_digits', '=', phone).limit(5).execute())
      if (!found.some((f) => f.row.id === row.id)) found.push({ row, matched: '电话' });
  return found;
}

/** Refuses a new person whose phone or ID number is on file, naming who and where, unless staff confirm. */
async function refuseDuplicate(trx: Transaction<DB>, p: PersonFields): Promise<void> {
  const found = await duplicateRows(trx, { phone: p.phone, idNumber: p.idNumber });
  if (!found.length) return;
  const places = await placesOf(
    trx,
    found.map((f) => f.row.id),
  );
  const who = (f: (typeof found)[number]) => {
    const at = places.get(f.row.id)?.find((x) => x.active) ?? places.get(f.row.id)?.[0];
    return `${f.row.name}${at ? `（${at.estateName} ${at.label}${ROLE_LABELS[at.role]}）` : ''}`;
  };
  const fields: Record<string, string> = {};
  const byId = found.find((f) => f.matched === '证件号码');
  const byPhone = found.find((f) => f.matched === '电话');
  if (byId) fields['person.idNumber'] = `此证件号码已登记给 ${who(byId)}`;
  if (byPhone) fields['person.phone'] = `此电话已登记给 ${who(byPhone)}`;
  const first = byId ?? byPhone ?? found[0];
  throw new UserError('CONFLICT', `${who(first)} 已在档案中：请选择已有人员，或确认是另一个人后再添加`, fields);
}
