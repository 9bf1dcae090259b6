import { describe, expect, it } from 'vitest';
import { isAppUrl, rendererEntryUrl } from '../../../electron/main/app-origin';

const prod = {} as NodeJS.ProcessEnv;
const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173' } as NodeJS.ProcessEnv;

describe('isAppUrl (who may call main over IPC, where the window may navigate)', () => {
  it('accepts only the app:// origin in production', () => {
    expect(isAppUrl('app://frontdesk/index.html', prod)).toBe(true);
    expect(isAppUrl('app://frontdesk/', prod)).toBe(true);
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
      expect(isAppUrl(url, prod), url).toBe(false);
    }
  });
  it('also accepts the loopback dev server in development, and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://evil.example:5173/', dev)).toBe(false);
    // a non-loopback ELECTRON_RENDERER_URL is ignored
    expect(isAppUrl('https://evil.example/', { ELECTRON_RENDERER_URL: 'https://evil.example/' } as NodeJS.ProcessEnv)).toBe(false);
  });
  it('loads the dev server in development and app:// otherwise', () => {
    expect(rendererEntryUrl(prod)).toBe('app://frontdesk/index.html');
    expect(rendererEntryUrl(dev)).toBe('http://localhost:5173');
    expect(rendererEntryUrl({ ELECTRON_RENDERER_URL: 'http://localhost.evil.com/' } as NodeJS.ProcessEnv)).toBe('app://frontdesk/index.html');
  });
});
