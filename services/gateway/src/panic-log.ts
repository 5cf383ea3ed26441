/**
 * The warning that a pool is routing in panic (no ready replica, so every replica is tried). It
 * would come with every request of a busy pool, so it is said at most once per interval and pool,
 * with the number of requests routed that way since it was last said.
 */
import type { Logger } from 'pino';

export interface PanicLog {
  /** One request of `pool` was routed in panic over `replicas` replicas. */
  note(pool: string, replicas: number, now?: number): void;
}

/** @param intervalMs least time between two warnings for one pool. @default 10000 */
export function createPanicLog(log: Logger, intervalMs = 10_000): PanicLog {
  const state = new Map<string, { lastMs: number; since: number }>();
  return {
    note(pool, replicas, now = Date.now()) {
      let entry = state.get(pool);
      if (!entry) {
        entry = { lastMs: -Infinity, since: 0 };
        state.set(pool, entry);
      }
      entry.since++;
      if (now - entry.lastMs < intervalMs) return;
      log.warn(
        { pool, replicas, requests: entry.since },
        `pool ${pool}: no ready replica, trying all of them (panic routing)`,
      );
      entry.lastMs = now;
      entry.since = 0;
    },
  };
}
