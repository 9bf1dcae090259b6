import type { Generated } from 'kysely';

// Kysely table type of staff accounts (its migration: core/db/migrations/0012_accounts.ts). Same conventions as schema.ts.
export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: 'clerk' | 'supervisor' | 'admin';
  password_hash: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  last_login_at: string | null;
}
export interface AccountsTables {
  users: UsersTable;
}
