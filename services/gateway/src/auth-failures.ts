/**
 * Wrong API keys per client IP. After `limit` of them within a window the client is refused with
 * 429 OVERLOADED and Retry-After until the window ends, whatever key it sends: while refused a
 * guesser learns nothing, so each `limit` guesses cost a whole window. A missing key is not a
 * guess and is not counted (a page asking its user for a key must not lock itself out).
 */
import { TensorhopError } from '@tensorhop/protocol';

export interface AuthFailureOptions {
  /** Wrong keys allowed per window. @default 10 */
  limit: number;
  /** @default 60000 */
  windowMs: number;
  /** Clients remembered at once; the oldest go first. @default 10000 */
  maxClients?: number;
}

export interface AuthFailures {
  /** Throws 429 OVERLOADED while `client` is refused. */
  check(client: string, now?: number): void;
  /** Counts one wrong key from `client`. */
  fail(client: string, now?: number): void;
}

interface Window {
  start: number;
  count: number;
}

/** A fixed window per client address, bounded in the number of clients remembered. */
export function createAuthFailures(options: AuthFailureOptions): AuthFailures {
  const { limit, windowMs } = options;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, Window>();
  const current = (client: string, now: number): Window | undefined => {
    const w = windows.get(client);
    if (w && now - w.start >= windowMs) windows.delete(client);
    return w && now - w.start < windowMs ? w : undefined;
  };
  return {
    check(client, now = Date.now()) {
      const w = current(client, now);
      if (!w || w.count < limit) return;
      throw new TensorhopError(
        'OVERLOADED',
        `too many wrong API keys from this client (${limit} in ${windowMs / 1000} s): wait`,
        { retryAfterSeconds: (w.start + windowMs - now) / 1000 },
      );
    },
    fail(client, now = Date.now()) {
      const w = current(client, now);
      if (w) return void w.count++;
      if (windows.size >= maxClients) windows.delete(windows.keys().next().value as string);
      windows.set(client, { start: now, count: 1 });
    },
  };
}
