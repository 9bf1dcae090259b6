// Which pages count as our own renderer. Pure module (no 'electron' import), so it is unit-tested.
// `packaged` is app.isPackaged: an installed app never listens to the development environment
// (docs/SECURITY.md, "Development-only settings").

export const APP_SCHEME = 'app';
export const APP_HOST = 'frontdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** print documents: same scheme, another host, hence another origin with no access to the app */
export const PRINT_HOST = 'print';

/**
 * electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev`; only a loopback dev server is accepted,
 * and never in a packaged build, where anyone who can set a variable before the app starts could otherwise
 * point the window, and with it the IPC sender check, at a page of their own.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, packaged: boolean): string | null {
  if (packaged) return null;
  const url = env.ELECTRON_RENDERER_URL;
  return url && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url) ? url : null;
}

export function rendererEntryUrl(env: NodeJS.ProcessEnv, packaged: boolean): string {
  return devServerUrl(env, packaged) ?? `${APP_ORIGIN}/index.html`;
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // URL reports 'null' as the origin of non-special schemes; build it ourselves for app://
    return u.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${u.host}` : u.origin;
  } catch {
    return null;
  }
}

/** True for pages of our own renderer: the app:// origin, or the dev server in development. */
export function isAppUrl(url: string, env: NodeJS.ProcessEnv, packaged: boolean): boolean {
  const origin = originOf(url);
  if (!origin) return false;
  if (origin === APP_ORIGIN) return true;
  const dev = devServerUrl(env, packaged);
  return dev !== null && origin === originOf(dev);
}

/** What the IPC check reads of Electron's WebFrameMain (event.senderFrame). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Electron's security checklist item 17: only the top frame of our own page may call main. A frame
 * that has gone (null), navigated elsewhere, a print document (app://print) or any iframe is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, env: NodeJS.ProcessEnv, packaged: boolean): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, env, packaged);
}
