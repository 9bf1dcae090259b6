// The app:// scheme: the renderer is served from out/renderer through a privileged, standard scheme
// (a real origin for CSP and same-origin checks) instead of bare file://. Print documents live on a
// separate host of the same scheme, so they are a different origin from the app.
import { protocol } from 'electron';
import { randomUUID } from 'node:crypto';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY } from '../shell-common/csp';
import { APP_HOST, APP_SCHEME, PRINT_HOST } from './app-origin';
import { cacheControlFor, readStatic } from '../shell-common/static-files';

/** Must run before the app's ready event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

const printDocuments = new Map<string, string>();

/** Makes an HTML document loadable at app://print/<id>.html until disposed. */
export function publishPrintDocument(html: string): { url: string; dispose(): void } {
  const id = randomUUID();
  printDocuments.set(id, html);
  return { url: `${APP_SCHEME}://${PRINT_HOST}/${id}.html`, dispose: () => printDocuments.delete(id) };
}

const securityHeaders = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders } });
}

async function serve(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求');
  const url = new URL(request.url);
  if (url.host === PRINT_HOST) {
    const html = printDocuments.get(url.pathname.replace(/^\/|\.html$/g, ''));
    if (html === undefined) return textResponse(404, '打印内容已失效');
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY, ...securityHeaders },
    });
  }
  if (url.host !== APP_HOST) return textResponse(404, '未找到');
  // the built renderer's files have plain names: an encoded separator, a backslash or a NUL is a probe for
  // a path outside out/renderer (readStatic refuses those too; this answers the same on every system)
  if (/\\|%2f|%5c|%00/i.test(url.pathname)) return textResponse(400, '请求路径无效');
  const found = await readStatic(rendererDir, url.pathname);
  if (found.status !== 200) return textResponse(found.status, found.body);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
    headers: {
      'Content-Type': found.contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': cacheControlFor(rendererDir, found.file),
      ...securityHeaders,
    },
  });
}

/** Answers app:// requests of the default session from the built renderer directory. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      return await serve(request, rendererDir);
    } catch (err) {
      console.error('[app://]', request.url, err);
      return textResponse(500, '读取界面文件失败');
    }
  });
}
