// Serving the built renderer from disk, for the app:// protocol and the harness alike.
// Pure Node module (no 'electron' import).
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path onto a file inside `root`, or null when it would leave `root`
 * (../, encoded ..%2F, backslashes on Windows, NUL bytes, absolute paths).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const full = resolve(base, '.' + (decoded.startsWith('/') ? '' : '/') + decoded);
  const rel = relative(base, full);
  if (rel === '') return full;
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return null;
  return full;
}

export type StaticResult = { status: 200; file: string; body: Buffer; contentType: string } | { status: 400 | 404; body: string; contentType: string };

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A path whose last segment has no dot is a client-side route, answered with index.html. */
function looksLikeRoute(urlPath: string): boolean {
  const last = urlPath.split('/').pop() ?? '';
  return !last.includes('.');
}

/** Reads the file a request asks for; unknown routes fall back to index.html (single-page app). */
export async function readStatic(root: string, urlPath: string): Promise<StaticResult> {
  const path = urlPath === '' || urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  const file = resolveInside(root, path);
  if (!file) return { status: 400, body: '请求路径无效', contentType: 'text/plain; charset=utf-8' };
  let target: string | null = (await isFile(file)) ? file : null;
  if (!target && looksLikeRoute(path)) {
    const index = join(resolve(root), 'index.html');
    if (await isFile(index)) target = index;
  }
  if (!target) return { status: 404, body: '未找到', contentType: 'text/plain; charset=utf-8' };
  return { status: 200, file: target, body: await readFile(target), contentType: mimeTypeOf(target) };
}

/** Vite puts content-hashed files under assets/; those can be cached, everything else (index.html) must not be. */
export function cacheControlFor(root: string, file: string): string {
  const rel = relative(resolve(root), file).split(sep);
  return rel.length > 1 && rel[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}
