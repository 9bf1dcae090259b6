import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../../electron/core/index';
import { backupDatabase, backupIntoFolder } from '../../../electron/core/backup/backup';
import { restoreDatabase } from '../../../electron/core/backup/restore';
import { UserError } from '../../../electron/core/errors';
import { tempCore, must, signInTestAdmin } from '../helpers/temp-core';
import type { TicketDetailT } from '../../../shared/contract/desk';

// Backups carry the ticket photos (docs/BACKUP.md): before, backup.ts copied only the .sqlite and a
// restored database's attachment rows pointed at nothing.

type Core = Awaited<ReturnType<typeof tempCore>>;
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.cleanup();
});

/** A PNG signature followed by bytes of its own, so every photo is a different file. */
const png = () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(2000)]).toString('base64');

async function deskWithPhotos(photos: number) {
  const core = await tempCore();
  cores.push(core);
  const call = (channel: string, input: unknown) => must(core.dispatch(channel, input) as never) as Promise<Record<string, unknown>>;
  const estate = (await call('archives.estates.create', { name: '翠湖花园' })) as { id: number };
  const b = (await call('archives.buildings.create', { estateId: estate.id, name: '3' })) as { id: number };
  const h = (await call('archives.houses.create', { buildingId: b.id, unitName: '2', roomNo: '1502', type: '住宅', status: '已入住' })) as { id: number };
  const ticket = async (n: number) =>
    (await call('desk.tickets.create', {
      type: '报修',
      channel: '来访',
      houseId: h.id,
      category: '工程维修',
      urgency: '一般',
      description: '卫生间漏水',
      attachments: Array.from({ length: n }, (_, i) => ({ fileName: `现场${i + 1}.png`, dataBase64: png() })),
    })) as unknown as TicketDetailT;
  const first = await ticket(photos);
  return { core, call, ticket, first };
}

async function photoBytes(core: Core, ids: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) out.push(((await must(core.dispatch('desk.attachments.get', { id }) as never)) as { dataBase64: string }).dataBase64);
  return out;
}

describe('a backup with photos', () => {
  it('is one file that carries the database and every photo; a restore puts both back', async () => {
    const { core, first } = await deskWithPhotos(3);
    const ids = first.attachments.map((a) => a.id);
    const before = await photoBytes(core, ids);

    const bk = join(core.dir, 'usb', 'nightly.tar');
    const r = await backupDatabase(core.ctx.sqlite, bk);
    expect(r.file).toBe(bk);
    expect(readdirSync(join(core.dir, 'usb'))).toEqual(['nightly.tar']);
    expect(r.photos).toMatchObject({ files: 3, missing: [] });

    // the desk loses everything: database changed, photo folder gone
    core.ctx.sqlite.prepare("update tickets set description = '后来改的'").run();
    await core.close();
    rmSync(join(core.dir, 'attachments'), { recursive: true, force: true });

    const back = await restoreDatabase({ from: bk, dbFile: core.file, now: new Date('2026-11-22T09:30:00Z') });
    expect(back.photos).toMatchObject({ restored: 3 });

    const again = await createCore({ file: core.file }, { kind: 'harness' }, { 'system.files.save': async () => ({ saved: false, path: '' }) });
    // a reopened core starts signed out (docs/ACCOUNTS.md)
    await signInTestAdmin(again.dispatch);
    try {
      const desc = again.ctx.sqlite.prepare('select description from tickets where id = ?').pluck().get(first.ticket.id);
      expect(desc).toBe('卫生间漏水');
      const after: string[] = [];
      for (const id of ids) {
        const res = await again.dispatch('desk.attachments.get', { id });
        expect(res.ok, JSON.stringify(res)).toBe(true);
        if (res.ok) after.push((res.value as { dataBase64: string }).dataBase64);
      }
      expect(after).toEqual(before);
    } finally {
      await again.close();
    }
  });

  it('is a plain tar that ordinary tools can list, with a manifest of every part', async () => {
    const { core } = await deskWithPhotos(2);
    const r = await backupIntoFolder(core.ctx.sqlite, join(core.dir, 'backups'), { now: new Date('2026-11-22T18:30:05Z') });
    expect(r.file).toBe(join(core.dir, 'backups', 'frontdesk-20261123-023005.tar'));
    const names = execFileSync('tar', ['-tf', r.file], { encoding: 'utf8' }).trim().split('\n');
    expect(names[0]).toBe('frontdesk.sqlite');
    expect(names.at(-1)).toBe('manifest.json');
    expect(names.filter((n) => /^attachments\/\d+\/[0-9a-f-]{36}\.png$/.test(n))).toHaveLength(2);
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', r.file, 'manifest.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ format: 'frontdesk-backup', version: 1, schemaVersion: r.schemaVersion });
  });

  it('keeps the photos of the desk as they were before the restore aside, never deleted', async () => {
    const { core, ticket } = await deskWithPhotos(1);
    const bk = join(core.dir, 'b.tar');
    await backupDatabase(core.ctx.sqlite, bk);
    const later = await ticket(2); // photos taken after the backup
    const laterFiles = readdirSync(join(core.dir, 'attachments', String(later.ticket.id)));
    expect(laterFiles).toHaveLength(2);
    await core.close();

    const r = await restoreDatabase({ from: bk, dbFile: core.file, now: new Date('2026-11-22T09:30:00Z') });
    const aside = join(core.dir, 'attachments.before-restore-20261122-173000');
    expect(r.photos?.safetyCopy).toBe(aside);
    expect(readdirSync(join(aside, String(later.ticket.id))).sort()).toEqual(laterFiles.sort());
    // the restored folder holds exactly the backup's photos
    expect(existsSync(join(core.dir, 'attachments', String(later.ticket.id)))).toBe(false);
  });

  it('an old database-only backup still restores, and says its photos are not in it', async () => {
    const { core, first } = await deskWithPhotos(1);
    // a backup as earlier versions wrote it: the .sqlite alone
    const old = join(core.dir, 'old.sqlite');
    await core.ctx.sqlite.backup(old);
    const o = new Database(old);
    o.pragma('journal_mode = DELETE');
    o.close();
    const photoDir = join(core.dir, 'attachments', String(first.ticket.id));
    const files = readdirSync(photoDir);
    await core.close();

    const r = await restoreDatabase({ from: old, dbFile: core.file });
    expect(r.photos).toBeNull();
    // the photo folder is left as it is: the rows of the restored database still find their files
    expect(readdirSync(photoDir)).toEqual(files);
  });

  it('refuses an archive whose photo was damaged, and changes nothing', async () => {
    const { core } = await deskWithPhotos(1);
    const bk = join(core.dir, 'b.tar');
    await backupDatabase(core.ctx.sqlite, bk);
    await core.close();
    // flip one byte inside the photo (the last member before the manifest)
    const buf = readFileSync(bk);
    const at = buf.indexOf(Buffer.from('89504e470d0a1a0a', 'hex')) + 100;
    buf[at] ^= 0xff;
    writeFileSync(bk, buf);
    const dbBefore = readFileSync(core.file);
    const err = await restoreDatabase({ from: bk, dbFile: core.file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/照片.*校验.*未做任何改动/);
    expect(readFileSync(core.file).equals(dbBefore)).toBe(true);
    expect(readdirSync(core.dir).filter((f) => /before-restore|\.restore-/.test(f))).toEqual([]);
  });

  it('refuses a truncated archive, and changes nothing', async () => {
    const { core } = await deskWithPhotos(1);
    const bk = join(core.dir, 'b.tar');
    await backupDatabase(core.ctx.sqlite, bk);
    await core.close();
    truncateSync(bk, Math.floor(statSync(bk).size * 0.6));
    const dbBefore = readFileSync(core.file);
    await expect(restoreDatabase({ from: bk, dbFile: core.file })).rejects.toThrow(/不完整.*未做任何改动/);
    expect(readFileSync(core.file).equals(dbBefore)).toBe(true);
    expect(readdirSync(core.dir).filter((f) => /before-restore|\.restore-/.test(f))).toEqual([]);
  });
});
