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

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        // native and large Node-only libraries stay in node_modules
        external: ['better-sqlite3', 'exceljs', 'docx', 'pdf-lib', 'electron'],
      },
    },
  },
  preload: {
    build: {
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
      // FRONTDESK_RENDERER_DIR: build elsewhere so two checks running at once don't overwrite each other
      outDir: process.env.FRONTDESK_RENDERER_DIR ? resolve(process.env.FRONTDESK_RENDERER_DIR) : resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
