/**
 * `GET /v1/status`: the gateway's pools as JSON, for the web page and for people: each replica
 * ready or not, ejected or not, its requests in flight, and each pool's recent throughput (replies
 * per second, from the requests counter sampled at each status call over a sliding window).
 */
import type { GatewayMetrics } from './metrics.js';
import type { Pool } from './pool.js';

/** Throughput is measured over about this long (less just after start-up). */
const WINDOW_MS = 10_000;

interface Sample {
  at: number;
  /** Replies so far, by pool. */
  counts: Map<string, number>;
}

async function repliesByPool(metrics: GatewayMetrics): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { labels, value } of (await metrics.requests.get()).values) {
    const pool = String(labels.pool ?? '');
    counts.set(pool, (counts.get(pool) ?? 0) + value);
  }
  return counts;
}

/** The status of every pool, measured against the samples of earlier calls. */
export function createStatus(
  pools: ReadonlyMap<string, Pool>,
  metrics: GatewayMetrics,
  isDraining: () => boolean,
) {
  const samples: Sample[] = [{ at: Date.now(), counts: new Map() }];
  return async () => {
    const now = Date.now();
    const counts = await repliesByPool(metrics);
    // The baseline is the newest sample at least a window old, else the oldest one kept.
    while (samples.length > 1 && (samples[1] as Sample).at <= now - WINDOW_MS) samples.shift();
    const base = samples[0] as Sample;
    if (now - (samples.at(-1) as Sample).at >= 1000) samples.push({ at: now, counts });
    const seconds = Math.max((now - base.at) / 1000, 0.001);
    return {
      stage: 'gateway',
      draining: isDraining(),
      pools: [...pools.values()].map((pool) => {
        const replicas = pool.replicas.map((r) => ({
          url: r.url,
          ready: r.ready,
          ejected: r.isEjected(now),
          inflight: r.inflight,
          ...(r.ready ? {} : { reason: r.reason }),
        }));
        const delta = (counts.get(pool.name) ?? 0) - (base.counts.get(pool.name) ?? 0);
        return {
          name: pool.name,
          replicas,
          ready: pool.readyCount(now),
          ejected: replicas.filter((r) => r.ejected).length,
          inflight: replicas.reduce((n, r) => n + r.inflight, 0),
          requests: counts.get(pool.name) ?? 0,
          throughput: { requestsPerSecond: delta / seconds, windowSeconds: seconds },
        };
      }),
    };
  };
}
