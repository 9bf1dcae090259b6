import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../../electron/core/index';
import { quarantineOrphanPhotos } from '../../../electron/core/desk/attachments';
import { tempCore, must, signInTestAdmin } from '../helpers/temp-core';
import type { TicketDetailT } from '../../../shared/contract/desk';

// A photo is written inside the save's transaction, before COMMIT: a crash there leaves a file no row
// refers to, in the folder of a ticket id SQLite hands out again. At start the core moves such files
// into attachments-quarantine/ (never deletes them), so no later ticket's folder holds a stranger's photo.

const root = resolve(__dirname, '../../..');

type TempCore = Awaited<ReturnType<typeof tempCore>>;
const cores: TempCore[] = [];
const opened: Core[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.close();
  while (cores.length) await cores.pop()?.cleanup();
});

const pngBytes = () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(500)]);
const reopen = async (file: string) => {
  const c = await createCore({ file }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: '' }) });
  opened.push(c);
  // a reopened core starts signed out (docs/ACCOUNTS.md)
  await signInTestAdmin(c.dispatch);
  return c;
};

async function deskWithOneTicket() {
  const core = await tempCore();
  cores.push(core);
  const call = (c: Core, channel: string, input: unknown) => must(c.dispatch(channel, input) as never) as Promise<Record<string, unknown>>;
  const estate = (await call(core, 'archives.estates.create', { name: '翠湖花园' })) as { id: number };
  const b = (await call(core, 'archives.buildings.create', { estateId: estate.id, name: '3' })) as { id: number };
  const h = (await call(core, 'archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' })) as { id: number };
  const intake = async (c: Core) =>
    (await call(c, 'desk.tickets.create', {
      type: '报修',
      channel: '来访',
      houseId: h.id,
      category: '工程维修',
      urgency: '一般',
      description: '漏水',
      attachments: [{ fileName: '现场.png', dataBase64: pngBytes().toString('base64') }],
    })) as unknown as TicketDetailT;
  const first = await intake(core);
  return { core, intake, first };
}

/**
 * A real crash: a separate process starts an intake as tickets.ts does (ticket row, then the photo
 * through storeAttachmentsSync) and is killed with SIGKILL before COMMIT.
 */
function crashDuringIntake(dir: string, dbFile: string): void {
  const script = join(dir, 'crash.mts');
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
import { prepareAttachments, storeAttachmentsSync } from ${JSON.stringify(join(root, 'electron/core/desk/attachments.ts'))};
const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
const Database = require('better-sqlite3');
const sqlite = new Database(${JSON.stringify(dbFile)});
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
const ctx = { sqlite, dbFile: ${JSON.stringify(dbFile)}, now: () => new Date() };
const files = prepareAttachments([{ fileName: '崩溃前.png', dataBase64: ${JSON.stringify(pngBytes().toString('base64'))} }]);
sqlite.transaction(() => {
  const id = Number(sqlite.prepare("insert into tickets (no, type, channel, estate_id, location, category, urgency, description, received_by, received_at, status, created_at, updated_at) select 'BX-CRASH', type, channel, estate_id, location, category, urgency, description, received_by, received_at, status, created_at, updated_at from tickets order by id limit 1").run().lastInsertRowid);
  storeAttachmentsSync(ctx, id, files, []);
  console.log(id);
  process.kill(process.pid, 'SIGKILL');
})();
`,
  );
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8' });
  expect(r.signal, r.stderr).toBe('SIGKILL');
}

describe('photos a crash leaves behind', () => {
  it('are moved into quarantine at start; the ticket that reuses the id sees only its own photo', async () => {
    const { core, intake, first } = await deskWithOneTicket();
    await core.close();
    crashDuringIntake(core.dir, core.file);

    // what the crash left: a file in the folder of a ticket id that does not exist
    const db = new Database(core.file, { readonly: true });
    const maxId = Number(db.prepare('select max(id) from tickets').pluck().get());
    db.close();
    expect(maxId).toBe(first.ticket.id);
    const reusedDir = join(core.dir, 'attachments', String(first.ticket.id + 1));
    const orphans = readdirSync(reusedDir);
    expect(orphans).toHaveLength(1);
    const orphanBytes = readFileSync(join(reusedDir, orphans[0]));
    // and a half-written temporary file in a live ticket's folder
    const firstDir = join(core.dir, 'attachments', String(first.ticket.id));
    const kept = readdirSync(firstDir);
    writeFileSync(join(firstDir, `${randomUUID()}.png.part`), pngBytes().subarray(0, 100));

    const again = await reopen(core.file);
    await vi.waitFor(() => expect(existsSync(join(reusedDir, orphans[0]))).toBe(false), { timeout: 20_000 });
    await vi.waitFor(() => expect(readdirSync(firstDir)).toEqual(kept), { timeout: 20_000 });

    // moved, not deleted: the same bytes under attachments-quarantine/<time>/<ticket id>/
    const q = join(core.dir, 'attachments-quarantine');
    const [stamp] = readdirSync(q);
    expect(readFileSync(join(q, stamp, String(first.ticket.id + 1), orphans[0])).equals(orphanBytes)).toBe(true);
    expect(readdirSync(join(q, stamp, String(first.ticket.id))).filter((f) => f.endsWith('.part'))).toHaveLength(1);

    // the next intake gets the id again, and its folder holds its photo alone
    const next = await intake(again);
    expect(next.ticket.id).toBe(first.ticket.id + 1);
    expect(readdirSync(reusedDir)).toHaveLength(1);
    expect(readdirSync(reusedDir)[0]).not.toBe(orphans[0]);
    const got = await again.dispatch('desk.attachments.get', { id: next.attachments[0].id });
    expect(got.ok).toBe(true);
    // the first ticket's photo was never touched
    expect((await again.dispatch('desk.attachments.get', { id: first.attachments[0].id })).ok).toBe(true);
  });

  it('the sweep moves only files no row refers to, and says what it moved', async () => {
    const { core, first } = await deskWithOneTicket();
    const stray = join(core.dir, 'attachments', '999');
    mkdirSync(stray, { recursive: true });
    writeFileSync(join(stray, 'a.png'), pngBytes());
    writeFileSync(join(core.dir, 'attachments', 'Thumbs.db'), 'x');
    const r = await quarantineOrphanPhotos(core.ctx, new Date('2026-11-22T09:30:00Z'));
    expect(r.moved.sort()).toEqual(['999/a.png', 'Thumbs.db']);
    expect(r.folder).toBe(join(core.dir, 'attachments-quarantine', '20261122-173000'));
    expect(readdirSync(join(core.dir, 'attachments', String(first.ticket.id)))).toHaveLength(1);
    // a second sweep finds nothing more
    expect((await quarantineOrphanPhotos(core.ctx, new Date('2026-11-22T09:31:00Z'))).moved).toEqual([]);
  });
});
