// 入住资料包 (move-in packet, PRODUCT.md §4): one unit per house, each part of it one A4 page,
// prefilled from the archive. The facts of every house are gathered once, set-based (a few
// queries over chunks of ids), so unit(i) only builds blocks: a tower's batch renders quickly.
import type { CoreContext } from '../../context';
import { DOCUMENT_KIND_TITLES, PACKET_PARTS, type DocumentRequestT, type PacketPartT } from '../../../../shared/contract/documents';
import { UserError } from '../../errors';
import { mayRevealIds } from '../../privacy/policy';
import { houseLabel } from '../../archives/mappers';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/mask';
import { chineseDay, cstDate } from '../../../../shared/domain/time';
import { letterheadFor } from '../letterhead';
import type { DocumentSource, FullNumbers } from '../model';
import { readTexts } from './texts';
import { buildPart, ownerFormHasFullIds, type PacketContext, type PacketHouse, type PacketPerson } from './parts';
import { chunks } from '../../db/chunks';

type PacketRequest = Extract<DocumentRequestT, { document: 'moveInPacket' }>;

/** SQLite takes at most 999 bound values in older builds; 500 ids a query is safe and few queries */

/** Every fact of the houses the packet prints, keyed by house id. */
async function gatherHouses(ctx: CoreContext, ids: number[], revealIds: boolean): Promise<Map<number, PacketHouse>> {
  const houses = new Map<number, PacketHouse>();
  for (const part of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('houses as h')
      .innerJoin('buildings as b', 'b.id', 'h.building_id')
      .innerJoin('estates as e', 'e.id', 'h.estate_id')
      .leftJoin('units as u', 'u.id', 'h.unit_id')
      .select([
        'h.id',
        'h.estate_id',
        'h.room_no',
        'h.floor',
        'h.building_area',
        'h.inner_area',
        'h.type',
        'h.status',
        'b.name as building_name',
        'u.name as unit_name',
        'e.name as estate_name',
      ])
      .where('h.id', 'in', part)
      .where('h.voided_at', 'is', null)
      .execute();
    for (const r of rows)
      houses.set(r.id, {
        id: r.id,
        estateId: r.estate_id,
        estateName: r.estate_name,
        label: houseLabel(r.building_name, r.unit_name, r.room_no),
        buildingName: r.building_name,
        unitName: r.unit_name,
        roomNo: r.room_no,
        floor: r.floor,
        buildingArea: r.building_area,
        innerArea: r.inner_area,
        type: r.type,
        owners: [],
        family: [],
        vehicles: [],
        handover: null,
      });
  }
  const found = [...houses.keys()];
  for (const part of chunks(found)) {
    const people = await ctx.db
      .selectFrom('occupancies as o')
      .innerJoin('people as p', 'p.id', 'o.person_id')
      .select(['o.house_id', 'o.role', 'p.name', 'p.gender', 'p.phone', 'p.id_type', 'p.id_number', 'p.work_unit', 'p.emergency_contact', 'p.emergency_phone'])
      .where('o.house_id', 'in', part)
      .where('o.ended_at', 'is', null)
      .where('p.voided_at', 'is', null)
      .where('o.role', 'in', ['owner', 'co_owner', 'family'])
      .orderBy('o.house_id')
      .orderBy('o.id')
      .execute();
    for (const p of people) {
      const house = houses.get(p.house_id);
      if (!house) continue;
      const person: PacketPerson = {
        role: p.role,
        name: p.name,
        gender: p.gender ?? '',
        phone: maskPhone(p.phone),
        idType: p.id_type ?? (p.id_number ? '身份证' : ''),
        idNumber: p.id_number ? (revealIds ? p.id_number : maskIdNumber(p.id_number)) : '',
        idFull: revealIds && !!p.id_number,
        workUnit: p.work_unit ?? '',
        emergency: [p.emergency_contact, p.emergency_phone ? maskPhone(p.emergency_phone) : null].filter(Boolean).join(' '),
      };
      // the 业主 first, then the co-owners, in the order they were entered
      if (p.role === 'family') house.family.push(person);
      else if (p.role === 'owner') house.owners.splice(house.owners.filter((o) => o.role === 'owner').length, 0, person);
      else house.owners.push(person);
    }
    const vehicles = await ctx.db
      .selectFrom('vehicles as v')
      .leftJoin('parking_spaces as s', (j) => j.onRef('s.vehicle_id', '=', 'v.id').on('s.voided_at', 'is', null))
      .select(['v.house_id', 'v.plate', 'v.model', 'v.color', 's.code as space'])
      .where('v.house_id', 'in', part)
      .where('v.voided_at', 'is', null)
      .orderBy('v.id')
      .execute();
    for (const v of vehicles) {
      const house = v.house_id === null ? undefined : houses.get(v.house_id);
      house?.vehicles.push({ plate: v.plate, model: v.model ?? '', color: v.color ?? '', space: v.space ?? '' });
    }
    // the live handover (at most one per house), oldest first so the latest wins
    const handovers = await ctx.db
      .selectFrom('handovers')
      .select(['house_id', 'handed_at', 'keys', 'meters'])
      .where('house_id', 'in', part)
      .where('voided_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const ho of handovers) {
      const house = houses.get(ho.house_id);
      if (house)
        house.handover = {
          handedAt: ho.handed_at,
          keys: JSON.parse(ho.keys) as Array<{ name: string; qty: number }>,
          meters: JSON.parse(ho.meters) as { water: number | null; electricity: number | null; gas: number | null },
        };
    }
  }
  return houses;
}

export async function packetSource(ctx: CoreContext, req: PacketRequest): Promise<DocumentSource> {
  const ids = [...new Set(req.houseIds)];
  // full ID numbers only for a role with ids.full (or the command line); phones stay masked (docs/PRIVACY.md)
  const houses = await gatherHouses(ctx, ids, mayRevealIds(ctx));
  const missing = ids.filter((id) => !houses.has(id)).length;
  if (missing)
    throw new UserError('NOT_FOUND', ids.length === 1 ? '该房屋不存在或已作废，无法打印入住资料包' : `有 ${missing} 户房屋不存在或已作废，无法打印入住资料包`);
  const ordered = req.houseIds.map((id) => houses.get(id) as PacketHouse);
  const first = ordered[0];
  const letterhead = await letterheadFor(ctx, first.estateId);
  const texts = await readTexts(ctx);
  const parts: PacketPartT[] = req.parts ? PACKET_PARTS.filter((p) => req.parts?.includes(p)) : [...PACKET_PARTS];
  const pc: PacketContext = {
    texts,
    letterhead,
    date: req.date ? chineseDay(req.date) : null,
    place: req.place?.trim() || null,
    today: chineseDay(cstDate(ctx.now())),
  };

  const title = DOCUMENT_KIND_TITLES.moveInPacket;
  const buildings = new Set(ordered.map((h) => `${h.estateId}:${h.buildingName}`));
  const audience =
    ordered.length === 1 ? first.label : buildings.size === 1 ? `${first.buildingName} 共 ${ordered.length} 户` : `${first.estateName} 共 ${ordered.length} 户`;
  const fileBase =
    ordered.length === 1
      ? `${title}-${first.label}`
      : buildings.size === 1
        ? `${title}-${first.buildingName}-${ordered.length}户`
        : `${title}-${ordered.length}户`;
  return {
    kind: 'moveInPacket',
    title,
    fileBase,
    pageSize: 'A4',
    letterhead,
    audience,
    houseId: ordered.length === 1 ? first.id : null,
    refId: null,
    count: ordered.length,
    unit: (i) => Promise.resolve(parts.map((p) => ({ blocks: buildPart(p, ordered[i], pc) }))),
    // one printFull audit line per house whose 业主登记表 carries a full ID number
    fullNumbers: parts.includes('ownerForm')
      ? [...new Set(ordered)]
          .filter(ownerFormHasFullIds)
          .map((h): FullNumbers => ({ entity: 'house', id: h.id, fields: ['idNumber'], document: title, label: h.label }))
      : [],
  };
}
