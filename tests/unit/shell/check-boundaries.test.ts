import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'check-boundaries.mjs');
const roots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fd-bounds-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const run = (root: string) => spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('check-boundaries', () => {
  it('passes a tree that respects the layers', () => {
    const root = tree({
      'electron/core/a.ts': "import Database from 'better-sqlite3';\nimport { x } from '../../shared/contract';\n",
      'electron/main/b.ts': "import { app } from 'electron';\n",
      'renderer/src/c.tsx': "import { z } from 'zod';\nimport type { Channel } from '../../shared/contract';\n// import fs from 'node:fs' (a comment)\n",
      'shared/d.ts': "import { z } from 'zod';\n",
      'electron/harness/e.ts': "import { csp } from '../main/csp';\n",
      'electron/main/csp.ts': "export const csp = '';\n",
      'electron/preload/index.ts': "import { contextBridge } from 'electron';\nimport { buildApi } from '../../shared/contract';\n",
    });
    const r = run(root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('lists every violation as file:line and exits 1', () => {
    const root = tree({
      'electron/core/a.ts': "const x = 1;\nimport { app } from 'electron';\n",
      'renderer/src/b.ts': "import {\n  readFileSync,\n} from 'node:fs';\nimport path from 'path';\nconst E = await import('exceljs');\n",
      'renderer/src/c.ts': "import type { Core } from '../../electron/core';\n",
      'shared/d.ts': "export { ok } from '../renderer/src/x';\n",
      'electron/harness/e.ts': "import { x } from '../main/pure';\n",
      'electron/main/pure.ts': "export { x } from './window';\n",
      'electron/main/window.ts': "import { BrowserWindow } from 'electron';\nexport const x = 1;\n",
      'electron/preload/index.ts': "import { readFileSync } from 'node:fs';\n",
    });
    const r = run(root);
    expect(r.status).toBe(1);
    for (const where of ['electron/core/a.ts:2', 'renderer/src/b.ts:3', 'renderer/src/b.ts:4', 'renderer/src/b.ts:5', 'renderer/src/c.ts:1', 'shared/d.ts:1', 'electron/main/window.ts:1', 'electron/preload/index.ts:1']) {
      expect(r.stderr).toContain(where);
    }
    // the chain shows how a plain-Node program reaches 'electron'
    expect(r.stderr).toContain('electron/harness/e.ts → electron/main/pure.ts → electron/main/window.ts');
  });
});
