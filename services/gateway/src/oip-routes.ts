/**
 * The Open Inference Protocol through the gateway: `/v2/models/{name}/...` goes, path kept, to the
 * pool that owns the name — the `downloader` and `preprocessor` stages present themselves as
 * models of those names, every other name is a model of the model pool — and the gateway answers
 * `/v2`, `/v2/health/live` and `/v2/health/ready` itself, from its pools' readiness.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TensorhopError, oipErrorBody, oipServerMetadata } from '@tensorhop/protocol';
import { readiness } from './own-routes.js';
import type { Pool } from './pool.js';
import type { PoolRoute } from './routes.js';
import { sendJson } from './respond.js';

/** The pool of every model name that is not a stage's own. */
export const OIP_MODEL_POOL = 'model';
const STAGE_MODELS = new Set(['downloader', 'preprocessor']);
const PREFIX = '/v2/models/';

export function isOipPath(url: string | undefined): boolean {
  return url === '/v2' || (url ?? '').startsWith('/v2/') || (url ?? '').startsWith('/v2?');
}

/** The pool route of an OIP model path, or undefined for any other URL. */
export function matchOipRoute(url: string): PoolRoute | undefined {
  // The model repository extension describes the models the model pool serves.
  if (url.startsWith('/v2/repository/')) return { pool: OIP_MODEL_POOL, path: url };
  if (!url.startsWith(PREFIX)) return undefined;
  const rest = url.slice(PREFIX.length);
  const end = rest.search(/[/?]/);
  const name = end < 0 ? rest : rest.slice(0, end);
  if (name === '') return undefined;
  return { pool: STAGE_MODELS.has(name) ? name : OIP_MODEL_POOL, path: url };
}

/** Sends `error` as the OIP's `{"error": ...}` with the code's status. */
export function sendOipError(res: ServerResponse, error: unknown): void {
  const { status, body } = oipErrorBody(error);
  const retry = (error as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retry === 'number') res.setHeader('retry-after', String(Math.max(1, Math.ceil(retry))));
  sendJson(res, status, body);
}

/**
 * Answers the gateway's own OIP paths; false when `path` is not an OIP path (another handler's).
 * Model paths never get here: they are pool routes.
 */
export function answerOip(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: { pools: ReadonlyMap<string, Pool>; isDraining(): boolean; version: string },
): boolean {
  if (!isOipPath(path)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendOipError(res, new TensorhopError('NOT_FOUND', `no route for ${req.method} ${path}`));
    return true;
  }
  if (path === '/v2' || path === '/v2/') sendJson(res, 200, oipServerMetadata('tensorhop', deps.version));
  else if (path === '/v2/health/live') sendJson(res, 200, { live: true });
  else if (path === '/v2/health/ready') {
    const state = readiness(deps.pools, deps.isDraining(), false);
    sendJson(res, state.ready ? 200 : 503, {
      live: true,
      ready: state.ready,
      ...(state.reason ? { reason: state.reason } : {}),
    });
  } else sendOipError(res, new TensorhopError('NOT_FOUND', `no Open Inference Protocol route ${path}`));
  return true;
}
