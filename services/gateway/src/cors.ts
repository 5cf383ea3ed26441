/**
 * CORS for browsers and web views in mobile apps: allowed origins get the headers on every reply
 * (errors included), preflights are answered here and never reach a replica. Credentials (cookies)
 * are not used: API keys travel in headers, which a preflight allows explicitly.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setHeaders } from './respond.js';

export const CORS_ALLOW_HEADERS =
  'content-type, authorization, x-api-key, x-trace-id, traceparent, tracestate, accept';
export const CORS_EXPOSE_HEADERS = 'retry-after, x-trace-id, traceparent, tracestate';
export const CORS_ALLOW_METHODS = 'GET, POST, OPTIONS';

export interface Cors {
  /** Appends the CORS headers of the reply to `req` to `flat` (`name, value, …`). */
  addHeaders(req: IncomingMessage, flat: string[]): void;
  /** Answers a preflight here, with `own` headers (true); false for any other request. */
  answerPreflight(req: IncomingMessage, res: ServerResponse, own: readonly string[]): boolean;
}

/** @param origins allowed origins (`https://app.example`), or `*` for any */
export function createCors(origins: readonly string[]): Cors {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const allows = (origin: string | undefined): origin is string =>
    origin !== undefined && (any || allowed.has(origin.toLowerCase()));
  return {
    addHeaders(req, flat) {
      const origin = req.headers.origin;
      if (allows(origin)) {
        flat.push('access-control-allow-origin', any ? '*' : origin);
        flat.push('access-control-expose-headers', CORS_EXPOSE_HEADERS);
      }
      if (!any) flat.push('vary', 'Origin');
    },
    answerPreflight(req, res, own) {
      const preflight =
        req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (!preflight) return false;
      setHeaders(res, own);
      if (allows(req.headers.origin)) {
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
