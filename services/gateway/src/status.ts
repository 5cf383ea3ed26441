/**
 * `GET /v1/status`: the state of every pool as JSON, for the status page and for people: each
 * replica's readiness, ejection, requests in flight and recent throughput, and whether the pool is
 * routing in panic. Cheap enough to poll every second.
 */
import type { Pool } from './pool.js';
import type { Replica } from './replica.js';

/** Seconds the throughput figures are averaged over. */
export const THROUGHPUT_WINDOW_SECONDS = 10;

export interface ReplicaStatus {
  url: string;
  /** Taking traffic by the active checks. */
  ready: boolean;
  /** Out after failed calls; `ejectedUntil` says until when. */
  ejected: boolean;
  ejectedUntil: string | null;
  inflight: number;
  /** Replies per second over the last 10 s. */
  rps: number;
  /** Why the last check failed; empty after a pass. */
  reason: string;
}

export interface PoolStatus {
  name: string;
  /** No replica is ready, so every one is tried. */
  panic: boolean;
  ready: number;
  total: number;
  inflight: number;
  rps: number;
  replicas: ReplicaStatus[];
}

export interface GatewayStatus {
  stage: 'gateway';
  time: string;
  draining: boolean;
  windowSeconds: number;
  pools: PoolStatus[];
}

const round = (n: number): number => Math.round(n * 100) / 100;

function replicaStatus(r: Replica, now: number): ReplicaStatus {
  const ejected = r.isEjected(now);
  return {
    url: r.url,
    ready: r.ready,
    ejected,
    ejectedUntil: ejected ? new Date(r.ejectedUntilMs).toISOString() : null,
    inflight: r.inflight,
    rps: round(r.served.perSecond(now)),
    reason: r.reason,
  };
}

/** The status document of `pools` at `now`. */
export function gatewayStatus(pools: Iterable<Pool>, draining: boolean, now = Date.now()): GatewayStatus {
  const list = [...pools].map((pool): PoolStatus => {
    const replicas = pool.replicas.map((r) => replicaStatus(r, now));
    return {
      name: pool.name,
      panic: pool.panic,
      ready: replicas.filter((r) => r.ready).length,
      total: replicas.length,
      inflight: replicas.reduce((n, r) => n + r.inflight, 0),
      rps: round(replicas.reduce((n, r) => n + r.rps, 0)),
      replicas,
    };
  });
  return {
    stage: 'gateway',
    time: new Date(now).toISOString(),
    draining,
    windowSeconds: THROUGHPUT_WINDOW_SECONDS,
    pools: list,
  };
}
