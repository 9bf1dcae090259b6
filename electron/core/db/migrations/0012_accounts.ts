import { sql, type Kysely } from 'kysely';

// Staff accounts (docs/ACCOUNTS.md). Never deleted: a user who leaves is disabled (disabled_at).
// password_hash holds the scrypt parameters and salt with the hash: "scrypt$N$r$p$salt$hash".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('clerk', 'supervisor', 'admin')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('last_login_at', 'text')
    .execute();
  // user names are unique whatever their case ("Admin" is "admin"); lower() is portable SQL
  await db.schema.createIndex('users_username').on('users').expression(sql`lower(username)`).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('users').execute();
}
