import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

/**
 * Opening a database under a folder the system answers "not found" for (/proc/x): Node's
 * mkdirSync(…, { recursive: true }) spun there at 100 % CPU for ever. It runs in a child process with
 * a time limit, because a synchronous loop cannot be stopped from inside.
 */
describe.skipIf(!existsSync('/proc/self'))('opening a database in a folder that cannot be made', () => {
  it('ends with a Chinese reason instead of spinning', () => {
    const file = '/proc/frontdesk-x/data/frontdesk.sqlite';
    const script = `import { openSqlite } from ${JSON.stringify(join(root, 'electron/core/db/connection.ts'))};
try { openSqlite({ file: ${JSON.stringify(file)} }); console.log('opened'); } catch (err) { console.log('refused:' + (err instanceof Error ? err.message : String(err))); }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal, 'the open did not end within 20 s').toBeNull();
    expect(r.stdout).toMatch(/^refused:无法创建数据库所在文件夹 \/proc\/frontdesk-x/m);
  });
});
