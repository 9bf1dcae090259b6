// Electron's security checklist (docs/SECURITY.md), checked on the code without an Electron binary:
// the main-process modules are loaded with a stand-in 'electron' that records what they ask of it (window
// settings, session handlers, IPC handlers, the app:// scheme), the preload runs against a stand-in
// contextBridge, and the packaging configuration (electron-builder.ts) is imported. Only what cannot be
// loaded (index.ts starts the whole app) is read as text. Each check fails when its protection is removed.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
interface WindowOptions {
  webPreferences?: Record<string, unknown>;
}

const fake = vi.hoisted(() => {
  const state = { packaged: true };
  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const schemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown]> = [];
  class FakeWindow {
    static created: FakeWindow[] = [];
    readonly loaded: string[] = [];
    readonly webContents = {
      executeJavaScriptInIsolatedWorld: async () => true,
      printToPDF: async () => Buffer.from('%PDF-1.7'),
    };
    constructor(readonly options: WindowOptions) {
      FakeWindow.created.push(this);
    }
    on(): this {
      return this;
    }
    once(): this {
      return this;
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    destroy(): void {}
  }
  const ipcRenderer = { invoke: async (channel: string, input: unknown) => (invoked.push([channel, input]), { ok: true, value: null }) };
  const electron = {
    app: {
      get isPackaged() {
        return state.packaged;
      },
      on(event: string, listener: Listener) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      },
      getAppPath: () => '/opt/FrontDesk/resources/app.asar',
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer,
  };
  return { state, appListeners, ipcHandlers, schemes, protocolHandlers, exposed, invoked, FakeWindow, electron };
});
vi.mock('electron', () => fake.electron);

import { channels } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY } from '../../../electron/shell-common/csp';
import { createMainWindow } from '../../../electron/main/window';
import { renderDocument } from '../../../electron/main/print';
import { guardAllWebContents, hardenSession } from '../../../electron/main/security';
import { registerIpc, unregisterIpc } from '../../../electron/main/ipc';
import { handleAppProtocol, publishPrintDocument, registerAppScheme } from '../../../electron/main/protocol';
import builderConfig from '../../../electron-builder';

const root = resolve(import.meta.dirname, '..', '..', '..');
const source = (file: string) => readFileSync(join(root, file), 'utf8');
const mainFiles = readdirSync(join(root, 'electron', 'main'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `electron/main/${f}`);
const devEnv = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

const savedEnv = { ...process.env };
beforeEach(() => {
  fake.state.packaged = true;
  process.env = { ...savedEnv };
});
afterAll(() => {
  process.env = savedEnv;
});

/** the settings every renderer of ours has (checklist items 2–4, 6, 8–10, 12) */
function expectHardened(prefs: Record<string, unknown> | undefined): void {
  expect(prefs).toBeDefined();
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
  });
  for (const key of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'experimentalFeatures']) expect(prefs?.[key] ?? false, key).toBe(false);
  expect(prefs).not.toHaveProperty('enableBlinkFeatures');
}

describe('windows (items 2–4, 6, 8–10, 12)', () => {
  it('the app window is isolated, sandboxed, without Node, webviews or (packaged) developer tools', () => {
    process.env.ELECTRON_RENDERER_URL = devEnv.ELECTRON_RENDERER_URL;
    createMainWindow('/opt/FrontDesk/resources/app.asar/out/preload/index.cjs');
    const win = fake.FakeWindow.created.at(-1)!;
    expectHardened(win.options.webPreferences);
    expect(win.options.webPreferences?.preload).toBe('/opt/FrontDesk/resources/app.asar/out/preload/index.cjs');
    expect(win.options.webPreferences?.devTools).toBe(false);
    // packaged: the app's own page, whatever ELECTRON_RENDERER_URL says
    expect(win.loaded).toEqual(['app://frontdesk/index.html']);
  });

  it('in development the window still loads the loopback dev server and keeps developer tools', () => {
    fake.state.packaged = false;
    process.env.ELECTRON_RENDERER_URL = devEnv.ELECTRON_RENDERER_URL;
    createMainWindow('/work/out/preload/index.cjs');
    const win = fake.FakeWindow.created.at(-1)!;
    expectHardened(win.options.webPreferences);
    expect(win.options.webPreferences?.devTools).toBe(true);
    expect(win.loaded).toEqual(['http://localhost:5173']);
  });

  it('the hidden print window is as strict, and has no preload', async () => {
    await renderDocument('<p>受理单</p>', { pageSize: 'A4' }, null);
    const win = fake.FakeWindow.created.at(-1)!;
    expectHardened(win.options.webPreferences);
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loaded[0]).toMatch(/^app:\/\/print\/[0-9a-f-]{36}\.html$/);
  });

  it('no other window is made anywhere in main', () => {
    const makers = mainFiles.filter((f) => /new BrowserWindow\(/.test(source(f)));
    expect(makers.sort()).toEqual(['electron/main/print.ts', 'electron/main/window.ts']);
  });

  it('no file of main or the preload turns a protection off or opens links outside', () => {
    const forbidden = [
      /nodeIntegration\w*:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /experimentalFeatures:\s*true/,
      /enableBlinkFeatures/,
      /webviewTag:\s*true/,
      /allowpopups/,
      /openExternal/,
      /bypassCSP/,
      /no-sandbox|disable-web-security|ignore-certificate-errors/,
    ];
    for (const file of [...mainFiles, 'electron/preload/index.ts']) {
      const text = source(file);
      for (const pattern of forbidden) expect(pattern.test(text), `${file}: ${pattern}`).toBe(false);
    }
  });

  it('index.ts sandboxes every renderer and installs the guards before the app is ready, the session hardening before the window', () => {
    const text = source('electron/main/index.ts');
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const ready = at('app\n    .whenReady()');
    expect(at('app.enableSandbox();')).toBeLessThan(ready);
    expect(at('guardAllWebContents();')).toBeLessThan(ready);
    expect(at('registerAppScheme();')).toBeLessThan(ready);
    expect(at('hardenSession(session.defaultSession);')).toBeLessThan(at('  showMainWindow();\n}'));
    expect(at('registerIpc(core.dispatch')).toBeLessThan(at('  showMainWindow();\n}'));
  });
});

describe('Content-Security-Policy (item 7)', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([name, ...v]) => [name, v]),
    );

  it('scripts only from the app itself: no unsafe-eval, no unsafe-inline, no remote source', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-eval'");
      for (const v of values) expect(v, name).not.toMatch(/^(\*|https?:|wss?:|file:)/);
    }
  });

  it('the page carries the same policy in a <meta> (for a load that bypasses the header)', () => {
    const html = source('renderer/index.html');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
  });

  it('print documents run no script and load nothing', () => {
    const csp = directives(PRINT_CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'none'"]);
  });
});

interface FakeSession {
  headers?: (details: { url: string; responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
  request?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  check?: (...args: unknown[]) => boolean;
  device?: (...args: unknown[]) => boolean;
}
function fakeSession(): { session: Parameters<typeof hardenSession>[0]; seen: FakeSession } {
  const seen: FakeSession = {};
  const session = {
    webRequest: { onHeadersReceived: (fn: FakeSession['headers']) => (seen.headers = fn) },
    setPermissionRequestHandler: (fn: FakeSession['request']) => (seen.request = fn),
    setPermissionCheckHandler: (fn: FakeSession['check']) => (seen.check = fn),
    setDevicePermissionHandler: (fn: FakeSession['device']) => (seen.device = fn),
  };
  return { session: session as unknown as Parameters<typeof hardenSession>[0], seen };
}

describe('session (items 5 and 7)', () => {
  it('denies every permission request, check and device', () => {
    const { session, seen } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      const cb = vi.fn();
      seen.request!(null, permission, cb);
      expect(cb, permission).toHaveBeenCalledWith(false);
      expect(seen.check!(null, permission, 'app://frontdesk', {}), permission).toBe(false);
    }
    expect(seen.device!({ deviceType: 'usb', origin: 'app://frontdesk' })).toBe(false);
  });

  it('adds the production policy to our pages that lack one, never the development one in a packaged app', () => {
    process.env.ELECTRON_RENDERER_URL = devEnv.ELECTRON_RENDERER_URL;
    const { session, seen } = fakeSession();
    hardenSession(session);
    const answer = (url: string, responseHeaders: Record<string, string[]> = {}) => {
      let out: Record<string, string[]> = {};
      seen.headers!({ url, responseHeaders }, (r) => (out = r.responseHeaders));
      return out;
    };
    expect(answer('app://frontdesk/index.html')['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    // the print document keeps its stricter policy
    expect(answer('app://print/x.html', { 'content-security-policy': [PRINT_CONTENT_SECURITY_POLICY] })['Content-Security-Policy']).toBeUndefined();
  });
});

type Contents = {
  windowOpen?: (details: { url: string }) => { action: string };
  listeners: Map<string, Listener>;
};
function createdContents(): Contents {
  const listeners = fake.appListeners.get('web-contents-created') ?? [];
  expect(listeners.length).toBeGreaterThan(0);
  const contents: Contents = { listeners: new Map() };
  const wc = {
    setWindowOpenHandler: (fn: Contents['windowOpen']) => (contents.windowOpen = fn),
    on: (event: string, fn: Listener) => contents.listeners.set(event, fn),
  };
  for (const l of listeners) l({}, wc);
  return contents;
}
const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

describe('navigation and new windows (items 11–14)', () => {
  beforeAll(() => guardAllWebContents());

  it('every window.open is denied, our own page included', () => {
    const c = createdContents();
    for (const url of ['https://evil.example/', 'app://frontdesk/index.html', 'file:///etc/passwd', 'about:blank'])
      expect(c.windowOpen!({ url })).toEqual({ action: 'deny' });
  });

  it('navigation and redirects leave the app for nothing, in the top frame or an iframe', () => {
    process.env.ELECTRON_RENDERER_URL = devEnv.ELECTRON_RENDERER_URL;
    const c = createdContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const listener = c.listeners.get(event);
      expect(listener, event).toBeDefined();
      // packaged: the dev server is a stranger too
      for (const url of ['https://evil.example/', 'file:///C:/Windows/win.ini', 'app://print/x.html', 'http://localhost:5173/', 'javascript:alert(1)']) {
        const e = navigation(url);
        listener!(e);
        expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalled();
      }
      const own = navigation('app://frontdesk/index.html');
      listener!(own);
      expect(own.preventDefault, event).not.toHaveBeenCalled();
    }
  });

  it('a webview is never attached', () => {
    const c = createdContents();
    const e = navigation('https://evil.example/');
    c.listeners.get('will-attach-webview')!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('IPC (items 17 and 20)', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
  beforeAll(() => registerIpc(dispatch));
  afterAll(() => unregisterIpc());
  const call = (channel: string, frame: unknown) => fake.ipcHandlers.get(channel)!({ senderFrame: frame }, {});

  it('every contract channel has a handler, and nothing else does', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('only the top frame of app://frontdesk reaches the dispatcher', async () => {
    const top = { url: 'app://frontdesk/index.html', parent: null };
    for (const channel of channels) {
      dispatch.mockClear();
      for (const frame of [null, { url: 'https://evil.example/', parent: null }, { url: 'app://print/x.html', parent: null }, { url: top.url, parent: top }]) {
        expect(await call(channel, frame), channel).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      }
      expect(dispatch).not.toHaveBeenCalled();
      expect(await call(channel, top)).toEqual({ ok: true, value: 'answered' });
      expect(dispatch).toHaveBeenCalledWith(channel, {});
    }
  });

  it('no other file of main listens on ipcMain', () => {
    for (const file of mainFiles.filter((f) => f !== 'electron/main/ipc.ts')) expect(source(file), file).not.toMatch(/ipcMain\s*\./);
    expect(source('electron/main/ipc.ts')).not.toMatch(/ipcMain\.(on|once|addListener)\(/);
  });

  it('the preload exposes one function per channel and nothing of Electron itself', async () => {
    await import('../../../electron/preload/index');
    expect([...fake.exposed.keys()]).toEqual(['frontdesk']);
    const api = fake.exposed.get('frontdesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(fake.electron.ipcRenderer.invoke);
    }
    await (api['system.status'] as (input: unknown) => Promise<unknown>)({});
    expect(fake.invoked).toEqual([['system.status', {}]]);
  });
});

describe('the app:// protocol (item 18)', () => {
  let dir: string;
  let serve: (url: string, method?: string) => Promise<Response>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fd-app-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>前台</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'index-Ab12.js'), 'void 0');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    registerAppScheme();
    handleAppProtocol(join(dir, 'renderer'));
    const handler = fake.protocolHandlers.get('app')!;
    serve = (url, method = 'GET') => handler(new Request(url, { method }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a standard, secure scheme with no extra privileges', () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves the built renderer with the policy and nosniff', async () => {
    const r = await serve('app://frontdesk/assets/index-Ab12.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never answers with a file outside the renderer folder, however the path is spelled', async () => {
    // 400: refused as a path; 404: a name that is not in the folder (the URL parser already folded its "..")
    for (const [path, status] of [
      ['/../secret.txt', 404],
      ['/..%2Fsecret.txt', 400],
      ['/%2e%2e/secret.txt', 404],
      ['/%2e%2e%2fsecret.txt', 400],
      ['/assets/..%2F..%2Fsecret.txt', 400],
      ['/..%5Csecret.txt', 400],
      ['/assets/%5C..%5C..%5Csecret.txt', 400],
      ['/%00/../secret.txt', 404],
      ['/index.html%00.js', 400],
      ['/%E0%A4%A', 400],
    ] as const) {
      const r = await serve(`app://frontdesk${path}`);
      expect(await r.text(), path).not.toContain('SECRET');
      expect(r.status, path).toBe(status);
    }
  });

  it('answers only GET and HEAD, only for its own hosts', async () => {
    expect((await serve('app://frontdesk/index.html', 'POST')).status).toBe(405);
    expect((await serve('app://elsewhere/index.html')).status).toBe(404);
  });

  it('a print document is served once published, with its own policy, and not after', async () => {
    const doc = publishPrintDocument('<p>派工单</p>');
    const r = await serve(doc.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(PRINT_CONTENT_SECURITY_POLICY);
    doc.dispose();
    expect((await serve(doc.url)).status).toBe(404);
  });
});

describe('fuses and the archive (items 18 and 19)', () => {
  it('the packaging configuration flips the fuses', () => {
    expect(builderConfig.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('the app is packed into an asar (what OnlyLoadAppFromAsar and the integrity check read)', () => {
    expect(builderConfig.asar).toBe(true);
  });
});
