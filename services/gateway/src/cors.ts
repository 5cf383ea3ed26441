/**
 * CORS for browsers and web views in mobile apps: allowed origins get the headers on every reply
 * (errors included), preflights are answered here and never reach a replica. Credentials (cookies)
 * are not used: API keys travel in headers, which a preflight allows explicitly.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORS_ALLOW_HEADERS =
  'content-type, authorization, x-api-key, x-trace-id, traceparent, tracestate, accept';
export const CORS_EXPOSE_HEADERS = 'retry-after, x-trace-id, traceparent, tracestate';
export const CORS_ALLOW_METHODS = 'GET, POST, OPTIONS';

export interface Cors {
  /** Adds the CORS headers to `res`; true when the request was a preflight, now answered. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/** @param origins allowed origins (`https://app.example`), or `*` for any */
export function createCors(origins: readonly string[]): Cors {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  return {
    handle(req, res) {
      const origin = req.headers.origin;
      const ok = origin !== undefined && (any || allowed.has(origin.toLowerCase()));
      if (ok) {
        res.setHeader('access-control-allow-origin', any ? '*' : origin);
        res.setHeader('access-control-expose-headers', CORS_EXPOSE_HEADERS);
      }
      if (!any) res.setHeader('vary', 'Origin');
      const preflight =
        req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (!preflight) return false;
      if (ok) {
        res.setHeader('access-control-allow-methods', CORS_ALLOW_METHODS);
        res.setHeader('access-control-allow-headers', CORS_ALLOW_HEADERS);
        res.setHeader('access-control-max-age', '600');
      }
      res.writeHead(204, { 'content-length': '0' });
      res.end();
      return true;
    },
  };
}
