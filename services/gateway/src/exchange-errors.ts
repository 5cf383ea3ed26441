/**
 * The failures of a proxied request, as tensorhop errors that name the pool (and the replica when
 * there was one), and which transport errors allow the one retry.
 */
import { TensorhopError } from '@tensorhop/protocol';
import type { NoReplica, Pool } from './pool.js';

/** Errors that mean the call never reached a replica's handler, or was cut before any reply. */
const RETRYABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'ERROR';

export const isRetryable = (code: string): boolean => RETRYABLE.has(code);

/** 503: no replica is ready (UNAVAILABLE), or every ready one is full (OVERLOADED). */
export function noReplica(pool: Pool, why: NoReplica, retryAfterSeconds: number): TensorhopError {
  if (why === 'busy') {
    return new TensorhopError('OVERLOADED', `pool ${pool.name}: every replica is at its limit`, {
      retryAfterSeconds: 1,
    });
  }
  const known = pool.replicas.length;
  return new TensorhopError(
    'UNAVAILABLE',
    `pool ${pool.name}: no ready replica (${known === 0 ? 'none known' : `0 of ${known} ready`})`,
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
