/**
 * The web page at `GET /`: the static files Vite built into `web/dist/` (at `npm run build`), read
 * once at start-up and served from memory. Nothing is fetched from elsewhere at run time; the CSP
 * allows scripts, styles and calls to this origin only, and images also from http(s) URLs (the
 * thumbnails of pasted URLs), `data:` URLs and the page's own `blob:` object URLs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  type: string;
  body: Buffer;
  /** Hashed file names never change content: they may be cached for good. */
  immutable: boolean;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where the built page is: `web/dist/` beside the gateway's `src/` and `dist/`. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/** Says how to build the page when it has not been built, instead of a bare 404. */
function notBuilt(dir: string): Map<string, Asset> {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>tensorhop</title>
<h1>tensorhop gateway</h1><p>The web page has not been built: run <code>npm run build</code>
(it builds ${dir}). The API is up: see <a href="/readyz">/readyz</a> and <a href="/v1/status">/v1/status</a>.</p></html>`;
  return new Map([['/', { type: TYPES['.html'] as string, body: Buffer.from(html), immutable: false }]]);
}

/** URL path → asset, for every file of the built page; `/` is its index.html. */
export function loadWebAssets(dir = WEB_DIST): Map<string, Asset> {
  if (!existsSync(join(dir, 'index.html'))) return notBuilt(dir);
  const assets = new Map<string, Asset>();
  for (const file of listFiles(dir)) {
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    const asset = {
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
      immutable: path.startsWith('/assets/'),
    };
    assets.set(path === '/index.html' ? '/' : path, asset);
  }
  return assets;
}

export function sendAsset(res: ServerResponse, asset: Asset, head: boolean): void {
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': String(asset.body.byteLength),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(head ? undefined : asset.body);
}
