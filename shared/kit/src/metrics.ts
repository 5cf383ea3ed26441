/**
 * Prometheus metrics of one service, in its own registry so that several services can live in one
 * process (as they do in tests).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'status'>;
  latency: Histogram<'status'>;
  rowsIn: Counter;
  rowsOut: Counter;
  rowErrors: Counter<'code'>;
  inflight: Gauge;
  /** Rows of the infer requests in progress: what an HPA scales on (compose/k8s). */
  inflightRows: Gauge;
  hopCalls: Counter<'hop' | 'outcome'>;
}

export function createMetrics(stage: string, options: { defaultMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ stage });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'tensorhop_' });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'tensorhop_requests_total',
      help: 'Infer requests answered, by HTTP status',
      labelNames: ['status'],
      registers,
    }),
    latency: new Histogram({
      name: 'tensorhop_request_duration_seconds',
      help: 'Infer request latency, including downstream hops, by HTTP status',
      labelNames: ['status'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    rowsIn: new Counter({ name: 'tensorhop_rows_in_total', help: 'Rows received', registers }),
    rowsOut: new Counter({ name: 'tensorhop_rows_out_total', help: 'Rows this stage produced', registers }),
    rowErrors: new Counter({
      name: 'tensorhop_row_errors_total',
      help: 'Rows this stage failed, by error code',
      labelNames: ['code'],
      registers,
    }),
    inflight: new Gauge({
      name: 'tensorhop_inflight_requests',
      help: 'Infer requests in progress',
      registers,
    }),
    inflightRows: new Gauge({
      name: 'tensorhop_inflight_rows',
      help: 'Rows of infer requests in progress (the custom metric the HPAs scale on)',
      registers,
    }),
    hopCalls: new Counter({
      name: 'tensorhop_hop_calls_total',
      help: 'Calls forwarded to a next hop, by hop name and outcome',
      labelNames: ['hop', 'outcome'],
      registers,
    }),
  };
}
