// Session- and app-wide hardening (Electron's security checklist items 5, 7, 11–14; docs/SECURITY.md):
// CSP on every app response, no permissions, no new windows, no webviews, no navigation away from our
// own pages.
import { app, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../shell-common/csp';
import { devServerUrl, isAppUrl } from './app-origin';

function hasHeader(headers: Record<string, string[]> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((k) => k.toLowerCase() === name);
}

export function hardenSession(session: Session): void {
  const packaged = app.isPackaged;
  const policy = devServerUrl(process.env, packaged) ? devContentSecurityPolicy() : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    // app:// responses already carry their policy (print documents a stricter one); the dev server's do not
    if (isAppUrl(details.url, process.env, packaged) && !hasHeader(headers, 'content-security-policy')) {
      headers['Content-Security-Policy'] = [policy];
    }
    callback({ responseHeaders: headers });
  });
  // A front-desk form has no use for camera, geolocation, notifications, MIDI, …
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applies to every web contents, including ones we did not create ourselves. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    const keepOnApp = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url, process.env, app.isPackaged)) event.preventDefault();
    };
    contents.on('will-navigate', (event) => keepOnApp(event, event.url));
    // iframes too (will-navigate sees only the top frame)
    contents.on('will-frame-navigate', (event) => keepOnApp(event, event.url));
    contents.on('will-redirect', (event) => keepOnApp(event, event.url));
  });
}
