// Which pages count as our own renderer. Pure module (no 'electron' import), so it is unit-tested.

export const APP_SCHEME = 'app';
export const APP_HOST = 'frontdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** print documents: same scheme, another host, hence another origin with no access to the app */
export const PRINT_HOST = 'print';

/** electron-vite sets ELECTRON_RENDERER_URL in `electron-vite dev`; only a loopback dev server is accepted. */
export function devServerUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.ELECTRON_RENDERER_URL;
  return url && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url) ? url : null;
}

export function rendererEntryUrl(env: NodeJS.ProcessEnv = process.env): string {
  return devServerUrl(env) ?? `${APP_ORIGIN}/index.html`;
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // URL reports 'null' as the origin of non-special schemes; build it ourselves for app://
    return u.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${u.host}` : u.origin;
  } catch {
    return null;
  }
}

/** True for pages of our own renderer: the app:// origin, or the dev server in development. */
export function isAppUrl(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const origin = originOf(url);
  if (!origin) return false;
  if (origin === APP_ORIGIN) return true;
  const dev = devServerUrl(env);
  return dev !== null && origin === originOf(dev);
}
