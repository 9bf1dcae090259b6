// The layer rules in .dependency-cruiser.cjs, run by `npm run lint:deps` (part of `npm test`), against
// small trees: one that keeps every rule passes, and each rule fails on a tree that breaks it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const depcruise = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = join(repo, '.dependency-cruiser.cjs');
const roots: string[] = [];

/** Stub packages, so the tree resolves imports the way the repository does without its node_modules. */
const stubPackage = (name: string): Record<string, string> => ({
  [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', main: 'index.js' }),
  [`node_modules/${name}/index.js`]: 'module.exports = {};\n',
});
const BASE: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'fixture',
    type: 'module',
    dependencies: { zod: '1.0.0', 'better-sqlite3': '1.0.0', exceljs: '1.0.0' },
    devDependencies: { electron: '1.0.0', react: '1.0.0' },
  }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }),
  ...stubPackage('zod'),
  ...stubPackage('better-sqlite3'),
  ...stubPackage('exceljs'),
  ...stubPackage('electron'),
  ...stubPackage('react'),
  'shared/contract/index.ts': "import { z } from 'zod';\nexport const contract = { x: z };\n",
  'electron/core/index.ts':
    "import Database from 'better-sqlite3';\nimport { contract } from '../../shared/contract';\nexport const core = { Database, contract };\n",
};

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fd-deps-'));
  roots.push(root);
  for (const [path, text] of Object.entries({ ...BASE, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs depcruise as `npm run lint:deps` does; its report lines read "error <rule>: <from> → <to>". */
function cruise(root: string): { status: number | null; violations: string[]; stderr: string } {
  const r = spawnSync(process.execPath, [depcruise, 'electron', 'shared', 'renderer', '--config', config, '--output-type', 'err'], {
    cwd: root,
    encoding: 'utf8',
  });
  const violations = [...r.stdout.matchAll(/^\s*error (\S+): (\S+) →/gm)].map((m) => `${m[1]} ${m[2]}`);
  return { status: r.status, violations, stderr: r.stderr };
}
afterAll(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('layer rules (dependency-cruiser)', () => {
  it('passes a tree that keeps every layer in its place', () => {
    const r = cruise(
      tree({
        'electron/main/index.ts':
          "import { app } from 'electron';\nimport { core } from '../core';\nimport { csp } from '../shell-common/csp';\nexport { app, core, csp };\n",
        'electron/shell-common/csp.ts': "import { core } from '../core';\nexport const csp = String(core);\n",
        'electron/harness/server.ts': "import { core } from '../core';\nimport { csp } from '../shell-common/csp';\nexport { core, csp };\n",
        'electron/cli/main.ts': "import { core } from '../core';\nexport { core };\n",
        'electron/preload/index.ts':
          "import { contextBridge } from 'electron';\nimport { contract } from '../../shared/contract';\nexport { contextBridge, contract };\n",
        'renderer/src/App.tsx':
          "import { useState } from 'react';\nimport type { contract } from '../../shared/contract';\nexport type C = typeof contract;\nexport { useState };\n",
      }),
    );
    expect(r.stderr).toBe('');
    expect(r.violations).toEqual([]);
    expect(r.status).toBe(0);
  });

  // every rule broken once, each by its own file, in one tree (one run keeps the suite quick)
  const cases: { rule: string; from: string; files: Record<string, string> }[] = [
    { rule: 'core-is-plain-node', from: 'electron/core/a.ts', files: { 'electron/core/a.ts': "import { app } from 'electron';\nexport { app };\n" } },
    {
      rule: 'core-is-plain-node',
      from: 'electron/core/b.ts',
      files: { 'electron/core/b.ts': "import { x } from '../main/x';\nexport { x };\n", 'electron/main/x.ts': 'export const x = 1;\n' },
    },
    {
      rule: 'node-shells-stay-off-electron',
      from: 'electron/harness/e.ts',
      files: { 'electron/harness/e.ts': "import { csp } from '../main/csp';\nexport { csp };\n", 'electron/main/csp.ts': "export const csp = '';\n" },
    },
    {
      rule: 'node-shells-stay-off-electron',
      from: 'electron/cli/c.ts',
      files: { 'electron/cli/c.ts': "import { w } from '../main/w';\nexport { w };\n", 'electron/main/w.ts': 'export const w = 1;\n' },
    },
    {
      // two steps away: shell-common → core/t → core/u → 'electron'
      rule: 'plain-node-never-reaches-electron',
      from: 'electron/shell-common/s.ts',
      files: {
        'electron/shell-common/s.ts': "import { t } from '../core/t';\nexport { t };\n",
        'electron/core/t.ts': "import { u } from './u';\nexport const t = u;\n",
        'electron/core/u.ts': "import { app } from 'electron';\nexport const u = app;\n",
      },
    },
    {
      rule: 'shell-common-is-plain-node',
      from: 'electron/shell-common/h.ts',
      files: { 'electron/shell-common/h.ts': "import { h } from '../harness/h';\nexport { h };\n", 'electron/harness/h.ts': 'export const h = 1;\n' },
    },
    {
      rule: 'renderer-no-node-builtins',
      from: 'renderer/src/b.ts',
      files: { 'renderer/src/b.ts': "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n" },
    },
    { rule: 'renderer-no-node-builtins', from: 'renderer/src/p.ts', files: { 'renderer/src/p.ts': "import path from 'path';\nexport { path };\n" } },
    {
      rule: 'renderer-no-node-only-packages',
      from: 'renderer/src/x.ts',
      files: { 'renderer/src/x.ts': "export const load = () => import('exceljs');\n" },
    },
    {
      rule: 'renderer-not-to-electron-folder',
      from: 'renderer/src/c.ts',
      files: { 'renderer/src/c.ts': "import type { core } from '../../electron/core';\nexport type C = typeof core;\n" },
    },
    {
      rule: 'shared-imports-only-zod',
      from: 'shared/d.ts',
      files: { 'shared/d.ts': "export { ok } from '../renderer/src/ok';\n", 'renderer/src/ok.ts': 'export const ok = 1;\n' },
    },
    {
      rule: 'shared-imports-only-zod',
      from: 'shared/e.ts',
      files: { 'shared/e.ts': "import Database from 'better-sqlite3';\nexport { Database };\n" },
    },
    {
      rule: 'preload-only-contract',
      from: 'electron/preload/index.ts',
      files: { 'electron/preload/index.ts': "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n" },
    },
    {
      rule: 'no-circular',
      from: 'electron/core/cycle-a.ts',
      files: {
        'electron/core/cycle-a.ts': "import type { B } from './cycle-b';\nexport type A = { b?: B };\n",
        'electron/core/cycle-b.ts': "import type { A } from './cycle-a';\nexport type B = { a?: A };\n",
      },
    },
    { rule: 'not-to-unresolvable', from: 'electron/core/typo.ts', files: { 'electron/core/typo.ts': "import { x } from './missing';\nexport { x };\n" } },
    {
      rule: 'not-to-dev-only-in-main',
      from: 'electron/core/r.ts',
      files: { 'electron/core/r.ts': "import react from 'react';\nexport { react };\n" },
    },
  ];

  it('fails a tree that breaks each rule, naming the rule and the file', () => {
    const r = cruise(tree(Object.assign({}, ...cases.map((c) => c.files))));
    expect(r.status).not.toBe(0);
    for (const c of cases) expect(r.violations).toContain(`${c.rule} ${c.from}`);
  });

  it('exercises every rule in the configuration', async () => {
    const { forbidden } = (await import(config)) as { forbidden: { name: string }[] };
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(forbidden.map((r) => r.name)));
  });
});
