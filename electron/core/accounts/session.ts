import type Database from 'better-sqlite3';
import { prepared } from '../desk/prepared';
import type { AppError } from '../../../shared/contract/result';
import { IDLE_MINUTES, LOGIN_ATTEMPTS, ROLE_PERMISSIONS, type AuthStatusT, type Role } from '../../../shared/contract/accounts';

// One signed-in user per core, like the one window (docs/ACCOUNTS.md). Kept in memory only: a
// restart signs everyone out, and the failed-attempt counts start again.

export interface SignedIn {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** Channels a locked window may still call: its status, unlocking, switching user, error reports. */
const OPEN_WHEN_LOCKED: ReadonlySet<string> = new Set(['auth.status', 'auth.unlock', 'auth.logout', 'auth.login', 'system.log.write']);
/** The settings row (system/settings.ts) holds idleMinutes; read synchronously, like the staff name. */
const SETTINGS_KEY = 'app.settings';

export class Session {
  user: SignedIn | null = null;
  locked = false;
  private lastActive = 0;
  private failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => Date,
  ) {}

  idleMinutes(): number {
    if (!this.sqlite.open) return IDLE_MINUTES.default;
    // every call asks (check): the statement is prepared once per connection, like the staff name's
    const v = prepared(this.sqlite, "select json_extract(value, '$.idleMinutes') from settings where key = ? and json_valid(value)").pluck().get(SETTINGS_KEY);
    return typeof v === 'number' && Number.isInteger(v) && v >= IDLE_MINUTES.min && v <= IDLE_MINUTES.max ? v : IDLE_MINUTES.default;
  }

  signIn(user: SignedIn): void {
    this.user = user;
    this.locked = false;
    this.lastActive = this.now().getTime();
    this.failures.delete(user.username.toLowerCase());
  }

  signOut(): void {
    this.user = null;
    this.locked = false;
  }

  lock(): void {
    if (this.user) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.lastActive = this.now().getTime();
  }

  /**
   * Called before every call: a signed-in window idle longer than idleMinutes locks, and a locked one
   * is refused all but OPEN_WHEN_LOCKED. Any other call by an unlocked user counts as activity.
   */
  check(channel: string): AppError | null {
    if (!this.user) return null;
    const now = this.now().getTime();
    if (!this.locked && now - this.lastActive > this.idleMinutes() * 60_000) this.locked = true;
    if (this.locked) return OPEN_WHEN_LOCKED.has(channel) ? null : { code: 'LOCKED', message: '已锁定，请重新登录' };
    this.lastActive = now;
    return null;
  }

  /** seconds still to wait before this user name may try again, or 0 */
  waitFor(username: string): number {
    const f = this.failures.get(username.trim().toLowerCase());
    const left = f ? f.until - this.now().getTime() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(username: string): void {
    const key = username.trim().toLowerCase();
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= LOGIN_ATTEMPTS.max) {
      f.count = 0;
      f.until = this.now().getTime() + LOGIN_ATTEMPTS.waitSeconds * 1000;
    }
    this.failures.set(key, f);
  }

  status(needsSetup: boolean): AuthStatusT {
    const u = this.user;
    return {
      needsSetup,
      user: u ? { id: u.id, username: u.username, displayName: u.displayName, role: u.role, permissions: [...ROLE_PERMISSIONS[u.role]] } : null,
      locked: u !== null && this.locked,
      idleMinutes: this.idleMinutes(),
    };
  }
}
