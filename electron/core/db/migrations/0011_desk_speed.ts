import { sql, type Kysely } from 'kysely';

// Speed of the ticket lists, dashboard and intake at 500,000 tickets (issue 10, docs/PERFORMANCE.md).
// Everything here is SQLite-only (triggers, a partial index, FTS5); a PostgreSQL dialect would need its own.
const RUNNING = `status in ('已受理','已派工','处理中')`;
const UNFINISHED = `status in ('已受理','已派工','处理中','挂起')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // The desk config and the working calendar are cached per connection (desk/config.ts). Every write to
  // what they are read from bumps this number, whoever writes (a service, the CLI, another connection),
  // so a cache is checked with one primary-key read instead of being invalidated by hand at each writer.
  await sql`insert into counters (key, value) values ('cache:desk', 1) on conflict (key) do nothing`.execute(db);
  const bump = sql.raw(`begin update counters set value = value + 1 where key = 'cache:desk'; end`);
  for (const op of ['insert', 'update', 'delete']) {
    const row = op === 'delete' ? 'old' : 'new';
    await sql`${sql.raw(`create trigger desk_cache_settings_${op} after ${op} on settings when ${row}.key = 'desk.config'`)} ${bump}`.execute(db);
    await sql`${sql.raw(`create trigger desk_cache_calendar_${op} after ${op} on calendar_days`)} ${bump}`.execute(db);
    // the config's centre phone falls back to the first estate's phone
    await sql`${sql.raw(`create trigger desk_cache_estates_${op} after ${op} on estates`)} ${bump}`.execute(db);
  }

  // The halves of "overdue" and "due soon" (docs/PERFORMANCE.md) read from their partial indexes alone:
  // the receipt time is in both (a list sorted by it sorts index entries, not rows) and the resolve
  // deadline in the respond one (its half excludes what the other half has).
  await sql`drop index tickets_open_resolve_due`.execute(db);
  await sql`drop index tickets_open_respond_due`.execute(db);
  await sql`${sql.raw(`create index tickets_open_resolve_due on tickets (resolve_due_at, received_at) where ${RUNNING}`)}`.execute(db);
  await sql`${sql.raw(`create index tickets_open_respond_due on tickets (respond_due_at, resolve_due_at, received_at) where responded_at is null and ${RUNNING}`)}`.execute(
    db,
  );
  // 未结工单 by deadline: every unfinished status, on hold included, walked in deadline order to the page
  await sql`${sql.raw(`create index tickets_unfinished_due on tickets (resolve_due_at) where ${UNFINISHED}`)}`.execute(db);

  // Free text: a trigram index over the four columns the list's text filter reads, kept by triggers in the
  // same transaction as the ticket. It finds the candidates of a rare text of three or more characters
  // (a phone number, a name, a room); the LIKE filters then decide, so the answers are those of a scan.
  await sql`create virtual table tickets_text using fts5(location, reporter, phone_digits, description, content='tickets', content_rowid='id', tokenize='trigram', detail='none')`.execute(
    db,
  );
  await sql`insert into tickets_text (tickets_text) values ('rebuild')`.execute(db);
  await sql`create trigger tickets_text_insert after insert on tickets begin
    insert into tickets_text (rowid, location, reporter, phone_digits, description) values (new.id, new.location, new.reporter, new.phone_digits, new.description);
  end`.execute(db);
  await sql`create trigger tickets_text_update after update of location, reporter, phone_digits, description on tickets begin
    insert into tickets_text (tickets_text, rowid, location, reporter, phone_digits, description) values ('delete', old.id, old.location, old.reporter, old.phone_digits, old.description);
    insert into tickets_text (rowid, location, reporter, phone_digits, description) values (new.id, new.location, new.reporter, new.phone_digits, new.description);
  end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const op of ['insert', 'update', 'delete'])
    for (const t of ['settings', 'calendar', 'estates']) await sql`${sql.raw(`drop trigger if exists desk_cache_${t}_${op}`)}`.execute(db);
  await sql`drop trigger if exists tickets_text_insert`.execute(db);
  await sql`drop trigger if exists tickets_text_update`.execute(db);
  await sql`drop table if exists tickets_text`.execute(db);
  await sql`drop index tickets_unfinished_due`.execute(db);
  await sql`drop index tickets_open_resolve_due`.execute(db);
  await sql`drop index tickets_open_respond_due`.execute(db);
  await sql`${sql.raw(`create index tickets_open_resolve_due on tickets (resolve_due_at) where ${RUNNING}`)}`.execute(db);
  await sql`${sql.raw(`create index tickets_open_respond_due on tickets (respond_due_at) where responded_at is null and ${RUNNING}`)}`.execute(db);
  await sql`delete from counters where key = 'cache:desk'`.execute(db);
}
