// Crash safety of intake (issue 11): a child process records tickets through the app's core and is
// killed with SIGKILL at random moments, again and again on one database file. Every ticket the core
// acknowledged must be there afterwards, numbers unique and gap-free as desk/numbering.ts promises, and
// the file sound. (A kill ends the process, not the machine: the OS still writes what SQLite handed it,
// so this proves the transactions and the acknowledgements, not synchronous=FULL, which only a power
// cut tests.) One seed per run, printed; CRASH_SEED=<n> replays it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../electron/core/demo/prng';
import { ACK, PHOTO, type Ack } from './crash-child';
import { SEED, inspect, openCore, payload, runChild, seeded, tempFile } from './kill-runner';

describe('killed with SIGKILL during intake, again and again on one file', () => {
  it('keeps every acknowledged ticket, with unique, gap-free numbers per day', { timeout: 400_000 }, async () => {
    seeded('intake-kill');
    const rng = new Rng(SEED);
    const { file } = tempFile();
    const KILLS = 12;
    const acks: Ack[] = [];
    let fromStart = 0;
    for (let run = 0; run < KILLS; run++) {
      // some kills count from the spawn, so they can land while the core opens, migrates or sets up (run 0: a new file)
      const early = run === 0 || rng.chance(0.2);
      const delay = early ? rng.int(0, 1500) : rng.int(0, 400);
      if (early) fromStart++;
      let armed = early;
      const r = await runChild(
        ['intake', file, String(run)],
        (line, kill) => {
          if (!line.startsWith(`${ACK} `)) return;
          acks.push(payload<Ack>(line, ACK));
          if (!armed) kill(delay);
          armed = true;
        },
        early ? delay : undefined,
      );
      // anything but our kill ends the test with the child's own words: among them a file that failed to open
      // or migrate after the previous kill (each child opens it through createCore before its first save)
      expect(r.signal, `seed ${SEED}, run ${run}: ${r.stderr}`).toBe('SIGKILL');
      // after each kill, before anything reopens it: the file is sound and every receipt so far is in it
      // (a kill before the core made the file or its tables leaves nothing to look at, and nothing acknowledged)
      const saved = existsSync(file)
        ? inspect(file, (db) =>
            db.prepare("select 1 from sqlite_master where name = 'tickets'").get()
              ? new Map((db.prepare('select id, no from tickets').all() as { id: number; no: string }[]).map((t) => [t.id, t.no]))
              : new Map<number, string>(),
          )
        : new Map<number, string>();
      const lost = acks.filter((a) => saved.get(a.id) !== a.no);
      expect(lost, `seed ${SEED}, after kill ${run}: acknowledged tickets missing`).toEqual([]);
    }

    const core = await openCore(file);
    try {
      const db = core.ctx.sqlite;
      const tickets = db.prepare('select id, no, description from tickets order by id').all() as { id: number; no: string; description: string }[];
      const byId = new Map(tickets.map((t) => [t.id, t]));
      // every receipt: the number it was given and the request it was for
      for (const a of acks) expect(byId.get(a.id), `seed ${SEED}: ticket ${a.no}`).toEqual({ id: a.id, no: a.no, description: `第${a.run}次启动第${a.seq}条` });
      // beyond the receipts, at most the one save in flight when each kill came: the next after the run's last receipt
      const acked = new Set(acks.map((a) => a.id));
      const unacked = tickets.filter((t) => !acked.has(t.id));
      for (const t of unacked) {
        const [, run, seq] = /^第(\d+)次启动第(\d+)条$/.exec(t.description)?.map(Number) ?? [];
        const last = Math.max(-1, ...acks.filter((a) => a.run === run).map((a) => a.seq));
        expect(seq, `seed ${SEED}: ${t.no} was saved but never acknowledged`).toBe(last + 1);
      }
      expect(unacked.length).toBeLessThanOrEqual(KILLS);

      // numbers: unique, and per type and China day 001, 002, … with no gap, the counter at the last one
      // (numbering.ts counts inside the intake's transaction, so a save cut short takes its number back)
      expect(new Set(tickets.map((t) => t.no)).size).toBe(tickets.length);
      const days = new Map<string, number[]>();
      for (const t of tickets) {
        const m = /^([A-Z]{2}\d{8})-(\d{3,})$/.exec(t.no);
        expect(m, t.no).not.toBeNull();
        if (m) days.set(m[1], [...(days.get(m[1]) ?? []), Number(m[2])]);
      }
      for (const [day, seqs] of days) {
        expect(
          seqs.sort((a, b) => a - b),
          `seed ${SEED}: ${day}`,
        ).toEqual(seqs.map((_, i) => i + 1));
        expect(db.prepare('select value from counters where key = ?').pluck().get(`ticket:${day}`), `seed ${SEED}: counter of ${day}`).toBe(seqs.length);
      }
      expect(db.prepare("select count(*) from counters where key like 'ticket:%'").pluck().get()).toBe(days.size);

      // each intake whole: its 受理 event and its audit line, never a ticket without them or them without it
      expect(db.prepare("select count(*) from ticket_events where action = 'create'").pluck().get()).toBe(tickets.length);
      expect(
        db
          .prepare("select count(*) from tickets t where (select count(*) from ticket_events e where e.ticket_id = t.id and e.action = 'create') <> 1")
          .pluck()
          .get(),
      ).toBe(0);
      expect(db.prepare("select count(*) from audit_log where entity = 'ticket' and action = 'create'").pluck().get()).toBe(tickets.length);
      // the photo of every acknowledged ticket that had one is there, byte for byte
      for (const a of acks)
        for (const id of a.attachments) {
          const got = (await core.dispatch('desk.attachments.get', { id })) as { ok: boolean; value?: { dataBase64: string } };
          expect(got.ok, `seed ${SEED}: photo ${id} of ${a.no}`).toBe(true);
          expect(Buffer.from(got.value?.dataBase64 ?? '', 'base64').equals(PHOTO)).toBe(true);
        }
      console.log(
        `intake-kill: seed ${SEED}, ${KILLS} kills (${fromStart} counted from the start), ${acks.length} acknowledged tickets, ` +
          `${unacked.length} saved but not acknowledged, ${days.size} day numbering${days.size > 1 ? 's' : ''}, all present`,
      );
      expect(acks.length).toBeGreaterThan(KILLS);
    } finally {
      await core.close();
    }
  });
});
