/**
 * The gateway's own paths: the web page, `/healthz` (alive), `/readyz` (taking requests: not
 * draining), `/metrics` and `/v1/status`. Anything else that is not a pool route is 404 NOT_FOUND.
 *
 * `/readyz` is the gateway's own readiness only, as for every stage: a pool without a ready replica
 * must not take the gateway out of its load balancer (it still routes in panic, and serves the web
 * page and clear errors). The pools' state is in its detail, shown with a key when keys are on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TensorhopError } from '@tensorhop/protocol';
import type { Access } from './access.js';
import type { GatewayMetrics } from './metrics.js';
import type { Pool } from './pool.js';
import { STAGE, sendError, sendJson } from './respond.js';
import { gatewayStatus } from './status.js';
import { loadWebAssets, sendAsset } from './web-page.js';

export interface OwnRoutesDeps {
  pools: ReadonlyMap<string, Pool>;
  metrics: GatewayMetrics;
  access: Access;
  isDraining(): boolean;
}

/** Readiness of the gateway, with what each pool has ready (`detail`). */
export function readiness(pools: ReadonlyMap<string, Pool>, draining: boolean, detail: boolean) {
  const base = { ready: !draining, stage: STAGE, ...(draining ? { reason: 'draining' } : {}) };
  if (!detail) return base;
  const now = Date.now();
  const state: Record<string, { ready: number; replicas: number; panic: boolean }> = {};
  for (const [name, pool] of pools) {
    state[name] = { ready: pool.readyCount(now), replicas: pool.replicas.length, panic: pool.panic };
  }
  return { ...base, pools: state };
}

/** The 404 for a path nobody serves; the pool list only for callers allowed to see it. */
export function notFound(req: IncomingMessage, path: string, deps: OwnRoutesDeps): TensorhopError {
  const what = `no route for ${req.method ?? 'GET'} ${path}`;
  if (!deps.access.allows(req)) return new TensorhopError('NOT_FOUND', what);
  const pools = [...deps.pools.keys()].map((p) => `/v1/${p}`).join(', ');
  const models = deps.pools.has('model') ? ' and /v1/models/...' : '';
  return new TensorhopError('NOT_FOUND', `${what}: pool routes are ${pools}${models}`);
}

export function createOwnRoutes(deps: OwnRoutesDeps) {
  const assets = loadWebAssets();
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return sendError(req, res, notFound(req, path, deps));
    const asset = assets.get(path);
    if (asset) return sendAsset(res, asset, method === 'HEAD');
    switch (path) {
      case '/healthz':
        return sendJson(res, 200, { status: 'ok', stage: STAGE });
      case '/readyz': {
        const state = readiness(deps.pools, deps.isDraining(), deps.access.allows(req));
        return sendJson(res, state.ready ? 200 : 503, state);
      }
      case '/metrics': {
        deps.access.identify(req);
        const text = await deps.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
        return void res.end(text);
      }
      case '/v1/status':
        deps.access.identify(req);
        return sendJson(res, 200, gatewayStatus(deps.pools.values(), deps.isDraining()));
      default:
        return sendError(req, res, notFound(req, path, deps));
    }
  };
}
