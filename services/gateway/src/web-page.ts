/**
 * The web page at `GET /`: static HTML and one script from `services/gateway/web/`, read once at
 * start-up, no build step and nothing fetched from elsewhere (the CSP says so).
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

interface Asset {
  type: string;
  body: Buffer;
}

const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

/** Path → asset, read from `web/` next to `src/` and `dist/`. */
export function loadWebAssets(): Map<string, Asset> {
  const dir = new URL('../web/', import.meta.url);
  const read = (name: string): Buffer => readFileSync(new URL(name, dir));
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: read('index.html') }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: read('app.js') }],
  ]);
}

export function sendAsset(res: ServerResponse, asset: Asset, head: boolean): void {
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': String(asset.body.byteLength),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  res.end(head ? undefined : asset.body);
}
