// The harness HTTP layer against a recording fake dispatcher: loopback-only, limits, static files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { Dispatch } from '../../../electron/core/dispatch';
import { closeServer, createHarnessServer, listenLoopback } from '../../../electron/harness/http';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell-common/csp';
import { createHttpApi } from '../../../renderer/src/bridge/http-bridge';

const calls: { channel: string; input: unknown }[] = [];
const fakeDispatch: Dispatch = async (channel, input) => {
  calls.push({ channel, input });
  if (channel === 'boom') throw new Error('boom');
  return { ok: true, value: { echoed: channel } };
};

let rendererDir: string;
let server: Server;
let port: number;
let base: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'fd-harness-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>FrontDesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-12345678.css'), 'body{}');
  server = createHarnessServer({ dispatch: fakeDispatch, rendererDir, maxBodyBytes: 1024 });
  port = await listenLoopback(server, 0);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await closeServer(server);
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw request, so tests can send the headers and paths a browser would not. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const json = { 'Content-Type': 'application/json' };

describe('harness HTTP layer', () => {
  it('listens on 127.0.0.1 only and picks a free port for 0', () => {
    const address = server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
  });

  it('passes POST /api/<channel> with its JSON body to the dispatcher', async () => {
    calls.length = 0;
    const res = await raw({ method: 'POST', path: '/api/system.status', headers: json, body: JSON.stringify({ a: 1 }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true, value: { echoed: 'system.status' } });
    expect(calls).toEqual([{ channel: 'system.status', input: { a: 1 } }]);
  });

  it('refuses non-loopback Host and Origin headers (DNS rebinding)', async () => {
    calls.length = 0;
    const evilHost = await raw({ method: 'POST', path: '/api/system.status', headers: { ...json, Host: `evil.example:${port}` }, body: '{}' });
    const evilOrigin = await raw({ method: 'POST', path: '/api/system.status', headers: { ...json, Origin: 'http://evil.example' }, body: '{}' });
    const evilPage = await raw({ path: '/', headers: { Host: 'evil.example' } });
    for (const r of [evilHost, evilOrigin, evilPage]) {
      expect(r.status).toBe(403);
      expect((JSON.parse(r.text) as Result<never>).ok).toBe(false);
    }
    expect(calls).toEqual([]);
    const localhost = await raw({
      method: 'POST',
      path: '/api/x',
      headers: { ...json, Host: `localhost:${port}`, Origin: `http://localhost:${port}` },
      body: '{}',
    });
    expect(localhost.status).toBe(200);
  });

  it('answers bad requests with a Chinese Result and never calls the dispatcher', async () => {
    calls.length = 0;
    const get = await raw({ path: '/api/system.status' });
    expect(get.status).toBe(405);
    const notJson = await raw({ method: 'POST', path: '/api/system.status', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(notJson.status).toBe(415);
    const broken = await raw({ method: 'POST', path: '/api/system.status', headers: json, body: '{oops' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求格式有误：不是有效的 JSON' } });
    const big = await raw({ method: 'POST', path: '/api/imports.preview', headers: json, body: JSON.stringify({ dataBase64: 'A'.repeat(2000) }) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text)).toMatchObject({ ok: false, error: { code: 'FILE' } });
    expect((JSON.parse(big.text) as { error: { message: string } }).error.message).toContain('过大');
    expect(calls).toEqual([]);
  });

  it('turns a dispatcher crash into INTERNAL', async () => {
    const res = await raw({ method: 'POST', path: '/api/boom', headers: json, body: '{}' });
    expect(res.status).toBe(500);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('serves the renderer with the CSP header and falls back to index.html for routes', async () => {
    const index = await raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const route = await raw({ path: '/people/3?tab=x' });
    expect(route.text).toContain('<title>FrontDesk</title>');
    const css = await raw({ path: '/assets/app-12345678.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw({ path: '/assets/none.js' })).status).toBe(404);
    const traversal = await raw({ path: '/..%2F..%2Fetc%2Fpasswd' });
    expect(traversal.status).toBe(400);
    expect(traversal.text).not.toContain('root:');
  });

  it('tells the user to build first when out/renderer is missing', async () => {
    const empty = createHarnessServer({ dispatch: fakeDispatch, rendererDir: join(rendererDir, 'missing') });
    const p = await listenLoopback(empty, 0);
    try {
      const res = await fetch(`http://127.0.0.1:${p}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await closeServer(empty);
    }
  });
});

describe('HTTP bridge (renderer side)', () => {
  it('exposes exactly the contract channels and calls them over HTTP', async () => {
    calls.length = 0;
    const api = createHttpApi(base);
    expect(typeof api['system.status']).toBe('function');
    expect(Object.keys(api)).toContain('system.files.save');
    expect(await api['system.status']({})).toEqual({ ok: true, value: { echoed: 'system.status' } });
    expect(calls).toEqual([{ channel: 'system.status', input: {} }]);
  });

  it('reports an unreachable backend in Chinese instead of throwing', async () => {
    const closed = createHarnessServer({ dispatch: fakeDispatch, rendererDir });
    const p = await listenLoopback(closed, 0);
    await closeServer(closed);
    const api = createHttpApi(`http://127.0.0.1:${p}`);
    expect(await api['system.status']({})).toEqual({ ok: false, error: { code: 'INTERNAL', message: '无法连接后台服务' } });
  });
});
