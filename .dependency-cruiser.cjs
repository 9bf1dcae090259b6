// Layer rules (docs/ARCHITECTURE.md, "Folders"), checked by `npm run lint:deps` as part of `npm test`.
// Paths are relative to the repository root; the npm package 'electron' resolves under node_modules/electron/.
const ELECTRON_PACKAGE = '^(node_modules/electron/|electron$)';
/** Libraries that need Node (native addons, file system) and must never reach the window. */
const NODE_ONLY_PACKAGES = '^node_modules/(better-sqlite3|exceljs|kysely|subset-font|electron)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-plain-node',
      comment: "electron/core runs under plain Node (tests, CLI, harness): it never imports 'electron' or a shell.",
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: [ELECTRON_PACKAGE, '^electron/(main|preload|harness|cli|shell-common)/'] },
    },
    {
      name: 'shell-common-is-plain-node',
      comment: "electron/shell-common is shared by the Electron shell and the harness: no 'electron', no shell of its own.",
      severity: 'error',
      from: { path: '^electron/shell-common/' },
      to: { path: [ELECTRON_PACKAGE, '^electron/(main|preload|harness|cli)/'] },
    },
    {
      name: 'node-shells-stay-off-electron',
      comment: "The harness and the CLI are plain Node programs: they never import 'electron' or electron/main.",
      severity: 'error',
      from: { path: '^electron/(harness|cli)/' },
      to: { path: [ELECTRON_PACKAGE, '^electron/(main|preload)/'] },
    },
    {
      name: 'plain-node-never-reaches-electron',
      comment: "Nothing a plain Node program loads may import 'electron', however indirectly (requiring it outside Electron fails).",
      severity: 'error',
      from: { path: '^electron/(core|harness|cli|shell-common)/' },
      to: { path: ELECTRON_PACKAGE, reachable: true },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'The renderer runs in a sandboxed window: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-only-packages',
      comment: 'The renderer never bundles Node-only libraries; main does that work and answers through the contract.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: NODE_ONLY_PACKAGES },
    },
    {
      name: 'renderer-not-to-electron-folder',
      comment: 'The renderer reaches main only through shared/contract (api from renderer/src/bridge).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'shared-imports-only-zod',
      comment: 'shared/ is used by both sides: it imports only itself and zod.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/zod/'] },
    },
    {
      name: 'preload-only-contract',
      comment: "A sandboxed preload can require only 'electron': it imports the contract, nothing from Node or electron/core.",
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^shared/', '^electron/preload/', '^node_modules/zod/', ELECTRON_PACKAGE] },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order fragile and layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-only-in-main',
      comment: 'Code the packaged app runs in Node (main, core, shell-common) uses only production dependencies.',
      severity: 'error',
      from: { path: '^electron/(main|core|shell-common)/' },
      to: { dependencyTypes: ['npm-dev'], pathNot: [ELECTRON_PACKAGE], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|native|test-results|playwright-report)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // count `import type` too: a type-only import still ties the layers together
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    builtInModules: { add: ['electron'] },
  },
};
