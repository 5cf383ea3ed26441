/**
 * The gateway's Prometheus metrics, in its own registry (several gateways and services can share a
 * process in tests). Counters and the histogram are labelled by pool and replica; gauges are read
 * from the pools when scraped, so replicas that DNS dropped disappear from them.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the gauges read at scrape time. */
export interface ReplicaView {
  pool: string;
  replica: string;
  ready: boolean;
  ejected: boolean;
  inflight: number;
}

export interface GatewayMetrics {
  registry: Registry;
  /** Replies to clients, by the replica that gave them (`none` when no replica did) and status. */
  requests: Counter<'pool' | 'replica' | 'status'>;
  /** Time until the reply had been sent, per pool and replica. */
  latency: Histogram<'pool' | 'replica'>;
  /** Calls that failed before a reply and were sent again, by the replica that failed. */
  retries: Counter<'pool' | 'replica'>;
  ejections: Counter<'pool' | 'replica'>;
  /** Requests sent while the pool had no ready replica (panic routing). */
  panicRouted: Counter<'pool'>;
  /** Clients refused before any pool: too many connections, too many wrong API keys. */
  refused: Counter<'reason'>;
  /** Counts one reply and its latency (label children cached: this runs for every request). */
  record(pool: string, replica: string, status: number, seconds: number): void;
}

export function createGatewayMetrics(
  view: () => ReplicaView[],
  options: { defaultMetrics?: boolean } = {},
): GatewayMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ stage: 'gateway' });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'tensorhop_' });
  const registers = [registry];
  const labelNames = ['pool', 'replica'] as const;
  const gauge = (name: string, help: string, pick: (r: ReplicaView) => number): Gauge<'pool' | 'replica'> =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const r of view()) this.set({ pool: r.pool, replica: r.replica }, pick(r));
      },
    });
  gauge('tensorhop_gateway_replica_ready', 'Replica answered its last /readyz check with 200', (r) =>
    r.ready ? 1 : 0,
  );
  gauge('tensorhop_gateway_replica_ejected', 'Replica is ejected after failed calls', (r) =>
    r.ejected ? 1 : 0,
  );
  gauge('tensorhop_gateway_replica_inflight', 'Requests in flight to the replica', (r) => r.inflight);
  const requests = new Counter({
    name: 'tensorhop_gateway_requests_total',
    help: 'Proxied requests answered, by pool, replica and HTTP status',
    labelNames: ['pool', 'replica', 'status'],
    registers,
  });
  const latency = new Histogram({
    name: 'tensorhop_gateway_request_duration_seconds',
    help: 'Proxied request latency until the reply was sent, by pool and replica',
    labelNames,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const children = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  const record = (pool: string, replica: string, status: number, seconds: number): void => {
    const key = `${pool}\n${replica}\n${status}`;
    let child = children.get(key);
    if (!child) {
      const count = requests.labels({ pool, replica, status: String(status) });
      child = { count, time: latency.labels({ pool, replica }) };
      if (children.size > 10_000) children.clear(); // replicas come and go with DNS
      children.set(key, child);
    }
    child.count.inc();
    child.time.observe(seconds);
  };
  return {
    registry,
    record,
    requests,
    latency,
    retries: new Counter({
      name: 'tensorhop_gateway_retries_total',
      help: 'Calls retried on another replica, by the replica that failed',
      labelNames,
      registers,
    }),
    ejections: new Counter({
      name: 'tensorhop_gateway_ejections_total',
      help: 'Replicas ejected after consecutive failed calls',
      labelNames,
      registers,
    }),
    panicRouted: new Counter({
      name: 'tensorhop_gateway_panic_routed_total',
      help: 'Requests sent to a pool with no ready replica (every replica tried)',
      labelNames: ['pool'],
      registers,
    }),
    refused: new Counter({
      name: 'tensorhop_gateway_refused_total',
      help: 'Clients refused before any pool: connections (per-client limit) or auth (wrong keys)',
      labelNames: ['reason'],
      registers,
    }),
  };
}
