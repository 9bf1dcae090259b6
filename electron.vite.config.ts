import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { devContentSecurityPolicy } from './electron/shell-common/csp';

/** In `electron-vite dev` only: let the inline React-refresh preamble and the HMR websocket through the <meta> CSP. */
const devCspMeta = (): Plugin => ({
  name: 'frontdesk:dev-csp-meta',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/,
      (_m, a: string, policy: string, b: string) => a + devContentSecurityPolicy(policy) + b,
    ),
});

const root = import.meta.dirname;
// FRONTDESK_OUT_DIR: the whole build (main, harness, preload, renderer) somewhere else than out/, so two
// checks running at once don't overwrite each other; tests/e2e/support/harness.ts loads the harness from there
const outDir = process.env.FRONTDESK_OUT_DIR ? resolve(process.env.FRONTDESK_OUT_DIR) : resolve(root, 'out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outDir, 'main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // the harness runs from built JavaScript too (npm run harness, the e2e fixture): no TypeScript
          // compiler at start (docs/PERFORMANCE.md, "Start")
          harness: resolve(root, 'electron/harness/main.ts'),
          'harness-server': resolve(root, 'electron/harness/server.ts'),
        },
        // native and large Node-only libraries stay in node_modules (playwright-core: the harness's print engine)
        external: ['better-sqlite3', 'exceljs', 'docx', 'pdf-lib', 'subset-font', 'pinyin-pro', 'playwright-core', 'electron'],
      },
      // kysely and zod are needed for the first answer: bundled, they load as one file each instead of
      // some 400 small modules (docs/PERFORMANCE.md, "Start")
      externalizeDeps: { exclude: ['kysely', 'zod'] },
    },
  },
  preload: {
    build: {
      outDir: resolve(outDir, 'preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // a sandboxed preload cannot require(): bundle everything except electron
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      // electron-vite would otherwise leave package.json dependencies (zod) as require() calls
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devCspMeta()],
    build: {
      // FRONTDESK_RENDERER_DIR: only the renderer elsewhere (the harness serves it from there too)
      outDir: process.env.FRONTDESK_RENDERER_DIR ? resolve(process.env.FRONTDESK_RENDERER_DIR) : resolve(outDir, 'renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
      // less to read and compile before the desk shows (docs/PERFORMANCE.md, "Start"): 3.7 MB in one chunk → about 0.9 MB loaded first
      minify: true,
      // the first chunk (React, Mantine, the frame and the desk) is about 500 kB minified; the rest is split per screen
      chunkSizeWarningLimit: 600,
    },
  },
});
