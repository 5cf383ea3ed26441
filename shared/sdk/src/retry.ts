/**
 * When a refused chunk is worth sending again, and how long to wait first: capped exponential
 * backoff with full jitter, and never less than the server's Retry-After.
 */
import { isTransientCode } from '@tensorhop/protocol';
import type { RetryOptions } from './types.js';

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** A request-level failure that a later attempt may not meet: overload or a hop that is down. */
export function isRetryable(code: string, status?: number): boolean {
  return isTransientCode(code) || (status !== undefined && RETRYABLE_STATUS.has(status));
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    attempts: Math.max(1, options.attempts ?? 5),
    baseDelayMs: Math.max(0, options.baseDelayMs ?? 200),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? 10_000),
  };
}

/** The wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs = 0,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(Math.min(retryAfterMs, policy.maxDelayMs), Math.round(random() * ceiling));
}
