import { randomUUID } from 'node:crypto';
import type { PreviewRowT, RosterMappingT } from '../../../../shared/contract/imports';
import type { SheetGrid } from './grid';

/** A workbook read once and kept while the user adjusts the mapping and decides to commit. */
export interface RosterSession {
  token: string;
  fileName: string;
  fileHash: string;
  estateId: number;
  grid: SheetGrid;
  headerRow: number;
  headers: string[];
  mapping: RosterMappingT;
  /** rows of the latest preview or commit, for the report */
  rows: PreviewRowT[];
  committed: boolean;
  touchedAt: number;
}

export const SESSION_TTL_MS = 30 * 60_000;
export const MAX_SESSIONS = 5;

/** In-memory sessions keyed by a random token: a few files at most, each forgotten after 30 idle minutes. */
export class TokenSessions<S extends object> {
  private readonly map = new Map<string, S & { token: string; touchedAt: number }>();
  constructor(private readonly clock: () => number = Date.now) {}

  private sweep(): void {
    const now = this.clock();
    for (const [k, s] of this.map) if (now - s.touchedAt > SESSION_TTL_MS) this.map.delete(k);
  }

  add(s: S): S & { token: string; touchedAt: number } {
    this.sweep();
    while (this.map.size >= MAX_SESSIONS) {
      const oldest = [...this.map.values()].sort((a, b) => a.touchedAt - b.touchedAt)[0];
      this.map.delete(oldest.token);
    }
    const session = { ...s, token: randomUUID(), touchedAt: this.clock() };
    this.map.set(session.token, session);
    return session;
  }

  get(token: string): (S & { token: string; touchedAt: number }) | null {
    this.sweep();
    const s = this.map.get(token);
    if (!s) return null;
    s.touchedAt = this.clock();
    return s;
  }

  get size(): number {
    return this.map.size;
  }
}

export class RosterSessions extends TokenSessions<Omit<RosterSession, 'token' | 'touchedAt'>> {}
