// The reference database of issue 10 (docs/PERFORMANCE.md): 20,000 houses, 60,000 people, 500,000
// tickets. Built once and cached (it takes minutes); every bench run works on a fresh copy, so what
// one run writes never changes the next run's figures. `npx tsx tests/bench/reference-db.ts` builds
// it and prints the path of a working copy.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, mkdtempSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../electron/core/index';
import { seedDemo } from '../../electron/core/demo/generate';
import { seedTickets } from '../../electron/core/desk/bench-seed';
import { migrations } from '../../electron/core/db/migrations';
import { optimizeDatabase } from '../../electron/core/db/connection';
import { Rng } from '../../electron/core/demo/prng';
import { givenName, surname } from '../../electron/core/demo/names';
import { mobile } from '../../electron/core/demo/identity';
import { personSearchFields } from '../../electron/core/archives/person-fields';
import type Database from 'better-sqlite3';

export const REFERENCE = { houses: 20_000, people: 60_000, tickets: 500_000 } as const;
/** bump when the builder changes what it writes */
const BUILDER_VERSION = 2;

const cacheDir = () => process.env.FRONTDESK_BENCH_CACHE ?? join(homedir(), '.cache', 'frontdesk-bench');

/** the cache is keyed by the migrations' source too: a changed migration (a new index, a trigger) rebuilds it */
function cacheFile(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../electron/core/db/migrations');
  const hash = createHash('sha1').update(`${BUILDER_VERSION}|${Object.keys(migrations).join(',')}|${JSON.stringify(REFERENCE)}`);
  for (const f of readdirSync(dir).sort()) hash.update(readFileSync(join(dir, f)));
  const key = hash.digest('hex').slice(0, 12);
  return join(cacheDir(), `reference-${key}.sqlite`);
}

/** Former tenants (moved out, occupancy ended) until the people table holds REFERENCE.people. */
function addFormerTenants(sqlite: Database.Database, estateId: number, now: Date): number {
  const have = Number(sqlite.prepare('select count(*) from people').pluck().get());
  const missing = REFERENCE.people - have;
  if (missing <= 0) return 0;
  const houses = sqlite.prepare('select id from houses where estate_id = ? order by id').pluck().all(estateId) as number[];
  const rng = new Rng(60_000);
  const stamp = now.toISOString();
  const person = sqlite.prepare(
    `insert into people (name, name_initials, name_pinyin, gender, phone, phone_digits, phone2, id_type, id_number, birthday, emergency_contact, emergency_phone, work_unit, notes, created_at, updated_at, voided_at, void_reason)
     values (@name, @name_initials, @name_pinyin, @gender, @phone, @phone_digits, null, null, null, null, null, null, null, null, @stamp, @stamp, null, null)`,
  );
  const occupancy = sqlite.prepare(
    `insert into occupancies (house_id, person_id, role, move_in_date, move_out_date, lease_start, lease_end, ended_at, source, created_at, updated_at)
     values (?, ?, 'tenant', ?, ?, ?, ?, ?, 'demo', ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < missing; i++) {
      const gender = rng.next() < 0.5 ? '男' : '女';
      const name = surname(rng) + givenName(rng, gender);
      const phone = mobile(rng);
      const id = Number(person.run({ name, ...personSearchFields(name, phone), gender, phone, stamp }).lastInsertRowid);
      const year = 2015 + rng.int(0, 9);
      const inn = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      const out = `${year + 1}-${inn.slice(5)}`;
      occupancy.run(houses[rng.int(0, houses.length - 1)], id, inn, out, inn, out, `${out}T02:00:00.000Z`, stamp, stamp);
    }
  })();
  return missing;
}

async function build(file: string): Promise<void> {
  // per process: two bench runs may build at once; the first rename wins, both copies are equal
  const partial = `${file}.${process.pid}.building`;
  rmSync(partial, { force: true });
  const core = await createCore({ file: partial }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: null }) });
  try {
    const t0 = performance.now();
    const { estateId } = await seedDemo(core.ctx, { houses: REFERENCE.houses, seed: 10 });
    addFormerTenants(core.ctx.sqlite, estateId, core.ctx.now());
    seedTickets(core.ctx.sqlite, { count: REFERENCE.tickets, estateId });
    // statistics the way the app keeps them after a bulk load (docs/PERFORMANCE.md)
    optimizeDatabase(core.ctx.sqlite);
    core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`参考数据库已生成：${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await core.close();
  }
  for (const ext of ['-wal', '-shm']) rmSync(partial + ext, { force: true });
  renameSync(partial, file);
  // older builds (other migrations) are 600 MB each: keep only this one
  for (const f of readdirSync(cacheDir()))
    if (/^reference-[0-9a-f]{12}\.sqlite(-wal|-shm)?$/.test(f) && !file.endsWith(f)) rmSync(join(cacheDir(), f), { force: true });
}

/** A working copy of the reference database (built and cached first if needed), in a new temp folder. */
export async function referenceCopy(): Promise<{ file: string; dir: string; built: boolean }> {
  const cached = cacheFile();
  let built = false;
  if (!existsSync(cached)) {
    mkdirSync(cacheDir(), { recursive: true });
    console.log(`正在生成参考数据库（${REFERENCE.houses} 户、${REFERENCE.people} 人、${REFERENCE.tickets} 张工单），首次需要几分钟：${cached}`);
    await build(cached);
    built = true;
  }
  const dir = mkdtempSync(join(tmpdir(), 'fd-ref-'));
  const file = join(dir, 'reference.sqlite');
  copyFileSync(cached, file);
  return { file, dir, built };
}

if (process.argv[1] && /reference-db\.ts$/.test(process.argv[1])) {
  const { file } = await referenceCopy();
  console.log(file);
}
