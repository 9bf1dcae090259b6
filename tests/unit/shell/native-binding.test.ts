// In the desktop app every better-sqlite3 connection must load the Electron build of the addon
// (native/electron/, in app.asar.unpacked when installed): Node's build in node_modules cannot load
// under Electron, and the installed app does not even carry it (electron-builder.ts). The backup
// verification, restore and safety copy open connections of their own, so they must use the one the
// Electron shell set at start, not better-sqlite3's default. Shown here by pointing that setting at a
// file that does not exist: every opening then fails naming it.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSelfContained, openReadonly } from '../../../electron/core/backup/inspect';
import { openSqlite, setNativeBinding } from '../../../electron/core/db/connection';

const missing = join(tmpdir(), 'fd-no-such-addon', 'better_sqlite3.node');
const dirs: string[] = [];
afterEach(() => {
  setNativeBinding(undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function databaseFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fd-binding-'));
  dirs.push(dir);
  const file = join(dir, 'frontdesk.sqlite');
  new Database(file).close();
  return file;
}

describe('the process-wide native binding (Electron shell)', () => {
  it('is used by the main connection and by the backup code’s own connections', () => {
    const file = databaseFile();
    setNativeBinding(missing);
    expect(() => openSqlite({ file })).toThrow(/fd-no-such-addon/);
    // the backup's checks: read-only inspection, and the copy made self-contained
    expect(() => openReadonly(file)).toThrow(/fd-no-such-addon/);
    expect(() => makeSelfContained(file)).toThrow(/fd-no-such-addon/);
  });

  it('is better-sqlite3’s own default when no shell set one (Node: tests, CLI, harness)', () => {
    const file = databaseFile();
    expect(() => openReadonly(file).close()).not.toThrow();
  });
});
