/**
 * A token bucket per caller (API key, or client IP when keys are off): `rate` tokens a second up to
 * `burst`, one per request. The buckets are bounded; the least recently seen go first, which at
 * worst hands a forgotten caller a full bucket.
 */
import { TensorhopError } from '@tensorhop/protocol';

export interface RateLimitOptions {
  /** Tokens per second; 0 turns the limit off. @default 0 */
  ratePerSecond: number;
  /** Bucket size; 0 means twice the rate, at least 1. @default 0 */
  burst: number;
  /** Callers remembered at once. @default 10000 */
  maxBuckets?: number;
}

export interface RateLimiter {
  enabled: boolean;
  /** Takes a token for `caller` or throws 429 OVERLOADED with the seconds until the next one. */
  take(caller: string, now?: number): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const rate = options.ratePerSecond;
  const burst = options.burst > 0 ? options.burst : Math.max(1, Math.ceil(rate * 2));
  const maxBuckets = options.maxBuckets ?? 10_000;
  const buckets = new Map<string, Bucket>();
  return {
    enabled: rate > 0,
    take(caller, now = Date.now()) {
      if (rate <= 0) return;
      let bucket = buckets.get(caller);
      if (bucket) {
        buckets.delete(caller); // re-inserted below: Map order is then least recently seen first
        bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * rate) / 1000);
        bucket.at = now;
      } else {
        bucket = { tokens: burst, at: now };
        if (buckets.size >= maxBuckets) buckets.delete(buckets.keys().next().value as string);
      }
      buckets.set(caller, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      throw new TensorhopError('OVERLOADED', `rate limit of ${rate} requests/s exceeded`, {
        retryAfterSeconds: (1 - bucket.tokens) / rate,
      });
    },
  };
}
