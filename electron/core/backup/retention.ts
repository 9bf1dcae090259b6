import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fsReason } from './files';

/** Exactly the names backupIntoFolder gives ("frontdesk-20261122-165203.tar", China time): nothing else is ever removed. */
const OURS = /^frontdesk-(\d{4})(\d{2})(\d{2})-(\d{6})\.tar$/;

/** How many backups are kept (issue 11): the newest of each of the 30 newest days, and of each of the 12 newest months. */
export const KEEP = { days: 30, months: 12 } as const;

interface Named {
  name: string;
  day: string;
  month: string;
}

/**
 * Which of these file names retention removes. Only names of our exact pattern take part. Kept: the
 * newest backup of each of the 30 newest days that have backups, the newest of each of the 12 newest
 * months, and every backup of the newest day (today's start, manual and quit backups stay until the
 * day is over). Days, not the calendar: after a month without the app, the last 30 days' backups are
 * still there.
 */
export function expiredBackups(names: readonly string[]): string[] {
  const ours: Named[] = [];
  for (const name of names) {
    const m = OURS.exec(name);
    if (m) ours.push({ name, day: `${m[1]}${m[2]}${m[3]}`, month: `${m[1]}${m[2]}` });
  }
  // the stamp sorts as text: newest first
  ours.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  const newestDay = ours[0]?.day;
  for (const b of ours) {
    if (b.day === newestDay) keep.add(b.name);
    if (!days.has(b.day) && days.size < KEEP.days) {
      days.add(b.day);
      keep.add(b.name);
    }
    if (!months.has(b.month) && months.size < KEEP.months) {
      months.add(b.month);
      keep.add(b.name);
    }
  }
  return ours.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

export interface RetentionResult {
  removed: string[];
  /** files that could not be removed, with the reason */
  failed: string[];
}

/**
 * Removes the expired backups of our naming pattern in the folder (never any other file, never a
 * folder), each one logged. Run only after a backup was written and verified, so a series of failing
 * backups never eats the good ones.
 */
export function applyRetention(folder: string, log: (message: string) => void): RetentionResult {
  const files = readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
  const removed: string[] = [];
  const failed: string[] = [];
  for (const name of expiredBackups(files)) {
    try {
      rmSync(join(folder, name));
      removed.push(name);
      log(`按保留规则删除了过期备份 ${join(folder, name)}`);
    } catch (err) {
      failed.push(`${name}（${fsReason(err)}）`);
      log(`无法删除过期备份 ${join(folder, name)}：${fsReason(err)}`);
    }
  }
  return { removed, failed };
}
