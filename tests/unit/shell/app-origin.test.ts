import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSender, rendererEntryUrl } from '../../../electron/main/app-origin';

const prod = {} as NodeJS.ProcessEnv;
const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173' } as NodeJS.ProcessEnv;

describe('isAppUrl (who may call main over IPC, where the window may navigate)', () => {
  it('accepts only the app:// origin in production', () => {
    expect(isAppUrl('app://frontdesk/index.html', prod, false)).toBe(true);
    expect(isAppUrl('app://frontdesk/', prod, true)).toBe(true);
    for (const url of [
      'app://print/abc.html',
      'app://frontdesk.evil/x',
      'file:///tmp/index.html',
      'https://example.com/?app://frontdesk',
      'http://localhost:5173/',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url, prod, false), url).toBe(false);
      expect(isAppUrl(url, dev, true), url).toBe(false);
    }
  });
  it('also accepts the loopback dev server in development, and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev, false)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev, false)).toBe(false);
    expect(isAppUrl('http://evil.example:5173/', dev, false)).toBe(false);
    // a non-loopback ELECTRON_RENDERER_URL is ignored
    expect(isAppUrl('https://evil.example/', { ELECTRON_RENDERER_URL: 'https://evil.example/' } as NodeJS.ProcessEnv, false)).toBe(false);
  });
  it('loads the dev server in development and app:// otherwise', () => {
    expect(rendererEntryUrl(prod, false)).toBe('app://frontdesk/index.html');
    expect(rendererEntryUrl(dev, false)).toBe('http://localhost:5173');
    expect(rendererEntryUrl({ ELECTRON_RENDERER_URL: 'http://localhost.evil.com/' } as NodeJS.ProcessEnv, false)).toBe('app://frontdesk/index.html');
  });
});

describe('a packaged build ignores the development environment (issue 11)', () => {
  // electron-vite sets ELECTRON_RENDERER_URL only in `electron-vite dev`; anyone who can set an environment
  // variable before starting an installed app must not be able to point its window (and IPC) at another page
  it('loads app:// and trusts no dev server when packaged, whatever ELECTRON_RENDERER_URL says', () => {
    expect(rendererEntryUrl(dev, true)).toBe('app://frontdesk/index.html');
    expect(isAppUrl('http://localhost:5173/index.html', dev, true)).toBe(false);
    expect(isAppUrl('app://frontdesk/index.html', dev, true)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, dev, true)).toBe(false);
  });
  it('still uses the loopback dev server when not packaged', () => {
    expect(rendererEntryUrl(dev, false)).toBe('http://localhost:5173');
    expect(isAppUrl('http://localhost:5173/index.html', dev, false)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, dev, false)).toBe(true);
  });
});

describe('isTrustedSender (checklist item 17: the sender of every IPC call)', () => {
  it('trusts only the top frame of our own page', () => {
    expect(isTrustedSender({ url: 'app://frontdesk/index.html', parent: null }, prod, true)).toBe(true);
    expect(isTrustedSender({ url: 'app://frontdesk/household/3', parent: null }, prod, false)).toBe(true);
  });
  it('refuses a frame that is gone, an iframe, a print document and any other page', () => {
    const top = { url: 'app://frontdesk/index.html', parent: null };
    expect(isTrustedSender(null, prod, true)).toBe(false);
    expect(isTrustedSender(undefined, prod, true)).toBe(false);
    expect(isTrustedSender({ url: 'app://frontdesk/index.html', parent: top }, prod, true)).toBe(false);
    for (const url of ['app://print/x.html', 'https://evil.example/', 'file:///C:/x.html', 'about:blank', 'data:text/html,x', '']) {
      expect(isTrustedSender({ url, parent: null }, prod, true), url).toBe(false);
    }
  });
});
