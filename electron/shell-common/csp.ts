// Content-Security-Policy shared by the Electron window, the browser harness and (as a <meta>) renderer/index.html.
// Pure module: no 'electron' import, so the harness can use it under plain Node.

/** The production policy. Mantine writes inline styles, hence style-src 'unsafe-inline'; nothing else is inline. */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * Directives browsers ignore (with a console warning) when delivered by <meta>;
 * they are only sent as a header.
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors'];

/** What renderer/index.html carries in its <meta http-equiv="Content-Security-Policy">. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter((d) => !HEADER_ONLY_DIRECTIVES.includes(d.split(' ')[0])).join('; ');

/**
 * electron-vite's dev server injects an inline React-refresh preamble and talks HMR over a websocket;
 * only in dev do we allow those two things.
 */
export function devContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:");
}

/**
 * Print documents run no script of their own (main only awaits document.fonts.ready through
 * executeJavaScript, which CSP does not govern) and load nothing from the network.
 */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
