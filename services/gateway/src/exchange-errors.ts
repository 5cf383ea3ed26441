/**
 * The failures of a proxied request, as tensorhop errors that name the pool (and the replica when
 * there was one), and which errors of an undelivered attempt allow the one retry.
 */
import { TensorhopError } from '@tensorhop/protocol';
import type { NoReplica, Pool } from './pool.js';

/**
 * Transport errors: the connection failed (refused, unreachable, name not resolved, connect
 * timeout) or was closed under us. They allow a retry only when the attempt wrote nothing.
 */
const TRANSPORT = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'ERROR';

export const isTransportError = (code: string): boolean => TRANSPORT.has(code);

/**
 * The wait worth asking of a client refused as overloaded: how long the pool takes to work off what
 * it has already taken, at its pace of the last seconds (1 to 30 s). A fixed 1 s brings every
 * refused client back at once, and under a sustained overload the refusals then eat the CPU the
 * replicas need; a wait that grows with the backlog keeps the retries to what the pool can take.
 */
export function drainSeconds(pool: Pool, now = Date.now()): number {
  let inflight = 0;
  let perSecond = 0;
  for (const r of pool.replicas) {
    inflight += r.inflight;
    perSecond += r.served.perSecond(now);
  }
  if (perSecond <= 0) return 1;
  return Math.min(30, Math.max(1, Math.ceil(inflight / perSecond)));
}

/** 503 UNAVAILABLE: the pool knows no replica; 429 OVERLOADED: every candidate is at its limit. */
export function noReplica(pool: Pool, why: NoReplica, retryAfterSeconds: number): TensorhopError {
  if (why === 'busy') {
    return new TensorhopError('OVERLOADED', `pool ${pool.name}: every replica is at its limit`, {
      retryAfterSeconds: drainSeconds(pool),
    });
  }
  const known = pool.replicas.length;
  const detail =
    known === 0 ? 'no replica known' : `no replica free (${pool.readyCount()} of ${known} ready)`;
  return new TensorhopError('UNAVAILABLE', `pool ${pool.name}: ${detail}`, { retryAfterSeconds });
}

/** 503 UNAVAILABLE: no replica is ready and none could be reached; nothing was delivered. */
export function unreachable(pool: Pool, code: string, retryAfterSeconds: number): TensorhopError {
  return new TensorhopError(
    'UNAVAILABLE',
    `pool ${pool.name}: no replica could be reached (0 of ${pool.replicas.length} ready, last ${code})`,
    { retryAfterSeconds },
  );
}

/** 502: the call to a replica failed before any reply, and no retry is left. */
export function replicaFailed(pool: Pool, replica: string, code: string, retried: boolean): TensorhopError {
  const after = retried ? ' after a retry' : '';
  return new TensorhopError(
    'HOP_UNAVAILABLE',
    `pool ${pool.name}: replica ${replica} failed (${code})${after}`,
  );
}

/** 504: no reply within the request's deadline. */
export function timedOut(pool: Pool, ms: number): TensorhopError {
  return new TensorhopError('HOP_TIMEOUT', `pool ${pool.name}: no reply within ${ms} ms`);
}

/** 413: the body grew past the limit while streaming. */
export function tooLarge(limit: number, received: number): TensorhopError {
  return new TensorhopError(
    'PAYLOAD_TOO_LARGE',
    `request body over the limit of ${limit} bytes (more than ${received - 1} bytes sent)`,
  );
}
