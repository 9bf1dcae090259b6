import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, mimeTypeOf, readStatic, resolveInside } from '../../../electron/shell-common/static-files';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../../electron/shell-common/csp';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fd-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>首页</title>');
  writeFileSync(join(root, 'assets', 'index-AbC123xy.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'fd-static-secret.txt'), 'secret');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(root, '..', 'fd-static-secret.txt'), { force: true });
});

describe('resolveInside', () => {
  it('keeps paths inside the root', () => {
    expect(resolveInside(root, '/assets/index-AbC123xy.js')).toBe(join(root, 'assets', 'index-AbC123xy.js'));
    expect(resolveInside(root, '/a/../index.html')).toBe(join(root, 'index.html'));
  });
  it('refuses to leave the root, however the path is spelled', () => {
    for (const p of ['/../fd-static-secret.txt', '/..%2Ffd-static-secret.txt', '/%2e%2e/fd-static-secret.txt', '/assets/../../x', '/a\0b', '/%E0%A4%A']) {
      expect(resolveInside(root, p), p).toBeNull();
    }
  });
});

describe('readStatic', () => {
  it('serves files with their MIME type', async () => {
    const js = await readStatic(root, '/assets/index-AbC123xy.js');
    expect(js.status).toBe(200);
    expect(js.contentType).toBe('text/javascript; charset=utf-8');
    expect(js.body.toString()).toBe('console.log(1)');
    expect(mimeTypeOf('a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
  it('answers client-side routes with index.html but a missing asset with 404', async () => {
    const route = await readStatic(root, '/household/12');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('首页');
    expect((await readStatic(root, '/')).status).toBe(200);
    expect((await readStatic(root, '/assets/missing.js')).status).toBe(404);
  });
  it('never reads outside the root', async () => {
    const r = await readStatic(root, '/..%2Ffd-static-secret.txt');
    expect(r.status).toBe(400);
    expect(r.body.toString()).not.toContain('secret');
  });
  it('caches hashed assets only', () => {
    expect(cacheControlFor(root, join(root, 'assets', 'index-AbC123xy.js'))).toContain('immutable');
    expect(cacheControlFor(root, join(root, 'index.html'))).toBe('no-cache');
  });
});

describe('content security policy', () => {
  it('renderer/index.html carries the same policy as the header, less header-only directives', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
  it('relaxes only script and websocket rules in dev', () => {
    const dev = devContentSecurityPolicy();
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws: wss:");
    expect(dev).toContain("object-src 'none'");
  });
});
