// The Electron shell's log file records database upgrades (issue 11 item 9): the first open of a new
// file runs every migration and names them; the next open runs none and says only which version it opened.
// openElectronCore has no 'electron' import; without native/electron/ it opens with Node's better-sqlite3.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/db/migrations';
import { openElectronCore } from '../../../electron/main/open-core';
import { createLogFile } from '../../../electron/shell-common/log-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('start-up log', () => {
  it('names the migrations a start ran, and none when the database is current', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-startlog-'));
    dirs.push(dir);
    const log = createLogFile(join(dir, 'logs'));
    const shell = () => ({ 'system.files.save': async () => ({ saved: false, path: null }) });
    const names = Object.keys(migrations).sort();

    const first = await openElectronCore(dir, dir, shell, log);
    await first.close();
    const afterFirst = readFileSync(log.path, 'utf8');
    expect(afterFirst).toContain(`INFO  [database] 数据库已升级到版本 ${names.length}：${names.join('、')}`);
    expect(afterFirst).toContain(`已打开数据库 ${join(dir, 'frontdesk.sqlite')}（数据版本 ${names.length}）`);

    const second = await openElectronCore(dir, dir, shell, log);
    await second.close();
    const added = readFileSync(log.path, 'utf8').slice(afterFirst.length);
    expect(added).not.toContain('数据库已升级');
    expect(added).toContain(`（数据版本 ${names.length}）`);
  });
});
