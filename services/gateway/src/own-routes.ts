/**
 * The gateway's own paths: the web page, `/healthz` (alive), `/readyz` (every pool has a ready
 * replica, and not draining), `/metrics` and `/v1/status` (the pools as JSON). Anything else that is not a pool route is 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TensorhopError } from '@tensorhop/protocol';
import type { GatewayMetrics } from './metrics.js';
import type { Pool } from './pool.js';
import { STAGE, sendError, sendJson } from './respond.js';
import { STATUS_PATH } from './routes.js';
import { createStatus } from './status-route.js';
import { loadWebAssets, sendAsset } from './web-page.js';

export interface OwnRoutesDeps {
  pools: ReadonlyMap<string, Pool>;
  metrics: GatewayMetrics;
  isDraining(): boolean;
}

/** Readiness of the gateway: what each pool has ready, and why it is not ready if it is not. */
export function readiness(pools: ReadonlyMap<string, Pool>, draining: boolean) {
  const now = Date.now();
  const detail: Record<string, { ready: number; replicas: number }> = {};
  const empty: string[] = [];
  for (const [name, pool] of pools) {
    const ready = pool.readyCount(now);
    detail[name] = { ready, replicas: pool.replicas.length };
    if (ready === 0) empty.push(name);
  }
  const reason = draining ? 'draining' : empty.length ? `no ready replica in ${empty.join(', ')}` : undefined;
  return { ready: reason === undefined, stage: STAGE, ...(reason ? { reason } : {}), pools: detail };
}

export function createOwnRoutes(deps: OwnRoutesDeps) {
  const assets = loadWebAssets();
  const status = createStatus(deps.pools, deps.metrics, deps.isDraining);
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return sendError(req, res, new TensorhopError('NOT_FOUND', `no route for ${method} ${path}`));
    }
    const asset = assets.get(path);
    if (asset) return sendAsset(res, asset, method === 'HEAD');
    switch (path) {
      case '/healthz':
        return sendJson(res, 200, { status: 'ok', stage: STAGE });
      case '/readyz': {
        const state = readiness(deps.pools, deps.isDraining());
        return sendJson(res, state.ready ? 200 : 503, state);
      }
      case STATUS_PATH:
        return sendJson(res, 200, await status());
      case '/metrics': {
        const text = await deps.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
        return void res.end(text);
      }
      default: {
        const pools = [...deps.pools.keys()].map((p) => `/v1/${p}`).join(', ');
        const hint = `pool routes are ${pools}${deps.pools.has('model') ? ' and /v1/models/...' : ''}`;
        return sendError(
          req,
          res,
          new TensorhopError('NOT_FOUND', `no route for ${method} ${path}: ${hint}`),
        );
      }
    }
  };
}
