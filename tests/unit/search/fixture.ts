import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database_ } from '../../../electron/core/db/connection';
import type { CoreContext } from '../../../electron/core/context';
import { personSearchFields } from '../../../electron/core/archives/person-fields';
import { normalisePlate } from '../../../shared/domain/text';

export const FIXED_NOW = new Date('2026-11-22T08:00:00.000Z');

export interface TempDb {
  dir: string;
  file: string;
  opened: Database_;
  ctx: CoreContext;
  cleanup(): Promise<void>;
}

/** A real database file in a fresh temp folder, migrated, with a context as the app builds it. */
export async function tempDb(name = 'frontdesk.sqlite', now: Date = FIXED_NOW): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'fd-test-'));
  const file = join(dir, name);
  const opened = await openDatabase({ file });
  const ctx: CoreContext = { db: opened.db, sqlite: opened.sqlite, dbFile: file, actor: async () => '测试', now: () => now };
  return {
    dir,
    file,
    opened,
    ctx,
    cleanup: async () => {
      await opened.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const stamp = FIXED_NOW.toISOString();

/** Hand-built archive rows, for searches whose answer must be known exactly. */
export function builder(ctx: CoreContext) {
  const db = ctx.db;
  return {
    async estate(name = '测试花园') {
      const r = await db
        .insertInto('estates')
        .values({ name, address: null, phone: null, created_at: stamp, updated_at: stamp, voided_at: null, void_reason: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async building(estateId: number, code: string, name = `${code}栋`) {
      const r = await db
        .insertInto('buildings')
        .values({
          estate_id: estateId,
          name,
          code,
          floors: 32,
          sort_key: code.padStart(6, '0'),
          created_at: stamp,
          updated_at: stamp,
          voided_at: null,
          void_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async unit(buildingId: number, code: string) {
      const r = await db
        .insertInto('units')
        .values({ building_id: buildingId, name: `${code}单元`, code, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async house(estateId: number, buildingId: number, unitId: number | null, roomNo: string, opts: { status?: string; voided?: boolean } = {}) {
      const r = await db
        .insertInto('houses')
        .values({
          estate_id: estateId,
          building_id: buildingId,
          unit_id: unitId,
          room_no: roomNo,
          floor: Number(roomNo.slice(0, -2)),
          building_area: 100,
          inner_area: 80,
          type: '住宅',
          status: opts.status ?? '已入住',
          notes: null,
          created_at: stamp,
          updated_at: stamp,
          voided_at: opts.voided ? stamp : null,
          void_reason: opts.voided ? '录入错误' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async person(houseId: number, name: string, phone: string | null, role = 'owner', opts: { ended?: boolean; voided?: boolean } = {}) {
      const p = await db
        .insertInto('people')
        .values({
          name,
          ...personSearchFields(name, phone),
          gender: null,
          phone,
          phone2: null,
          id_type: null,
          id_number: null,
          birthday: null,
          emergency_contact: null,
          emergency_phone: null,
          work_unit: null,
          notes: null,
          created_at: stamp,
          updated_at: stamp,
          voided_at: opts.voided ? stamp : null,
          void_reason: opts.voided ? '重复录入' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('occupancies')
        .values({
          house_id: houseId,
          person_id: p.id,
          role,
          move_in_date: null,
          move_out_date: opts.ended ? '2026-10-01' : null,
          lease_start: null,
          lease_end: null,
          ended_at: opts.ended ? '2026-10-01T02:00:00.000Z' : null,
          source: 'manual',
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      return p.id;
    },
    async vehicle(houseId: number, personId: number | null, plate: string, opts: { voided?: boolean } = {}) {
      await db
        .insertInto('vehicles')
        .values({
          house_id: houseId,
          person_id: personId,
          plate,
          plate_norm: normalisePlate(plate),
          model: null,
          color: null,
          notes: null,
          created_at: stamp,
          updated_at: stamp,
          voided_at: opts.voided ? stamp : null,
          void_reason: opts.voided ? '已卖车' : null,
        })
        .execute();
    },
  };
}
