import type { IncomingMessage } from 'node:http';

/**
 * The public routes to pools: `/v1/<pool>[/path]` is the tensorhop protocol of that pool's
 * replicas with the prefix taken off (`/v1/model` → `/`, `/v1/model/healthz` → `/healthz`), and
 * `/v1/models[/...]` is TF Serving's REST API, sent to the `model` pool with its path kept;
 * `/v1/status` is the gateway's own.
 */

/** The gateway's own status route, which no pool may shadow. */
export const STATUS_PATH = '/v1/status';

const isStatusPath = (url: string): boolean =>
  url.startsWith(STATUS_PATH) && (url.length === STATUS_PATH.length || url[STATUS_PATH.length] === '?');

/** The TF Serving routes' pool. */
export const TF_SERVING_POOL = 'model';

/** `/v1/status` is the gateway's own status document, not a pool. */
export const STATUS = 'status';

export interface PoolRoute {
  pool: string;
  /** Path and query the replica receives. */
  path: string;
}

/** The pool route of a request URL, or undefined for the gateway's own paths. */
export function matchRoute(url: string): PoolRoute | undefined {
  if (!url.startsWith('/v1/') || isStatusPath(url)) return undefined;
  const rest = url.slice(4);
  let end = 0;
  while (end < rest.length && rest[end] !== '/' && rest[end] !== '?') end++;
  const name = rest.slice(0, end);
  if (name === '' || name === STATUS) return undefined;
  if (name === 'models') return { pool: TF_SERVING_POOL, path: url };
  const tail = rest.slice(end);
  return { pool: name, path: tail === '' || tail.startsWith('?') ? `/${tail}` : tail };
}

/**
 * Headers about one connection, not the message (RFC 9110 §7.6.1): never passed on, either way.
 * `Connection` itself has rules of its own (below, and in proxy.ts).
 */
export const HOP_BY_HOP = [
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
];

/**
 * Takes off what must not travel to a replica: hop-by-hop headers (and those `Connection` names),
 * and the caller's credentials once the gateway has checked them. `Connection: keep-alive` is left
 * alone: it says what the gateway's own connections do anyway, and deleting properties of the
 * headers object is what makes the common case slow.
 */
export function stripHeaders(headers: Record<string, unknown>, credentials: boolean): void {
  const connection = headers.connection;
  if (typeof connection === 'string' && connection.toLowerCase() !== 'keep-alive') {
    for (const name of connection.split(',')) {
      const header = name.trim().toLowerCase();
      if (header !== 'keep-alive' && header !== 'connection') delete headers[header];
    }
    delete headers.connection;
  }
  for (const name of HOP_BY_HOP) if (headers[name] !== undefined) delete headers[name];
  if (credentials) {
    delete headers.authorization;
    delete headers['x-api-key'];
  }
}

/**
 * Appends the client's address to `X-Forwarded-For`. Only this one of the usual `X-Forwarded-*` headers
 * is set: the others cost a measurable share of the gateway's time per request, and no stage uses them.
 */
export function forwardedFor(req: IncomingMessage): void {
  const address = req.socket.remoteAddress ?? '';
  const before = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = before ? `${before}, ${address}` : address;
}
