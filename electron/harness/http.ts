// The harness's HTTP layer: serves the built renderer and answers POST /api/<channel> through a
// dispatcher. Development and test use only — it listens on 127.0.0.1 and refuses requests whose
// Host or Origin is not loopback (a web page on another site resolving its name to 127.0.0.1).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/contract/result';
import type { Dispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY } from '../shell-common/csp';
import { cacheControlFor, readStatic } from '../shell-common/static-files';

export const HARNESS_HOST = '127.0.0.1';
/** base64 uploads of spreadsheets and photos: 40 MB of request body */
export const MAX_BODY_BYTES = 40 * 1024 * 1024;

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function failure(code: 'VALIDATION' | 'NOT_FOUND' | 'FILE' | 'UNAVAILABLE' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Host must name a loopback address on our port; Origin, when sent, must be one of those too. */
export function isLoopbackRequest(req: IncomingMessage): boolean {
  const port = req.socket.localPort;
  const allowed = new Set(LOOPBACK_NAMES.map((h) => `${h}:${port}`));
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowed.has(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...allowed].some((h) => origin.toLowerCase() === `http://${h}`);
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' };

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let size = 0;
    let tooLarge = declared > limit;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      // keep draining so the client can read our answer, but stop keeping bytes
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('aborted', () => resolve({ kind: 'aborted' }));
  });
}

async function answerApi(req: IncomingMessage, res: ServerResponse, channel: string, dispatch: Dispatch, limit: number): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, failure('VALIDATION', '接口只接受 POST 请求'));
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, failure('VALIDATION', '请求格式有误：需要 JSON'));
  }
  const body = await readBody(req, limit);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    res.setHeader('Connection', 'close');
    return sendJson(res, 413, failure('FILE', `上传的文件过大：单个文件不能超过约 ${Math.floor((limit * 0.75) / 1024 / 1024)} MB，请拆分后再试`));
  }
  let input: unknown;
  try {
    input = body.text.trim() === '' ? {} : JSON.parse(body.text);
  } catch {
    return sendJson(res, 400, failure('VALIDATION', '请求格式有误：不是有效的 JSON'));
  }
  sendJson(res, 200, await dispatch(channel, input));
}

async function answerStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...baseHeaders, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('不支持的请求方法');
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    res.writeHead(503, { ...baseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return void res.end(
      '<!doctype html><meta charset="utf-8"><title>FrontDesk</title><p>界面尚未构建：请先在项目目录运行 <code>npm run build</code>，然后刷新本页。</p>',
    );
  }
  const found = await readStatic(rendererDir, pathname);
  if (found.status !== 200) {
    res.writeHead(found.status, { ...baseHeaders, 'Content-Type': found.contentType });
    return void res.end(found.body);
  }
  res.writeHead(200, {
    ...baseHeaders,
    'Content-Type': found.contentType,
    'Content-Length': found.body.length,
    'Cache-Control': cacheControlFor(rendererDir, found.file),
  });
  res.end(req.method === 'HEAD' ? undefined : found.body);
}

export interface HttpLayerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  maxBodyBytes?: number;
}

export function createHarnessServer({ dispatch, rendererDir, maxBodyBytes = MAX_BODY_BYTES }: HttpLayerOptions): Server {
  return createServer((req, res) => {
    const handle = async () => {
      if (!isLoopbackRequest(req)) return sendJson(res, 403, failure('UNAVAILABLE', '拒绝访问：测试服务只接受本机（127.0.0.1）请求'));
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (pathname.startsWith('/api/')) return answerApi(req, res, pathname.slice('/api/'.length), dispatch, maxBodyBytes);
      return answerStatic(req, res, rendererDir, pathname);
    };
    handle().catch((err: unknown) => {
      console.error('[harness]', req.method, req.url, err);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', '测试服务内部错误'));
      else res.destroy();
    });
  });
}

/** Listens on 127.0.0.1 only; port 0 picks a free port. Resolves with the bound port. */
export function listenLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(`端口 ${port} 已被占用，请换一个端口（--port 0 自动选择空闲端口）`) : err);
    };
    server.once('error', onError);
    server.listen(port, HARNESS_HOST, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
