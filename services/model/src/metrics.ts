/**
 * The model service's own metrics, beside the kit's per-stage ones: what runs each model version,
 * and its queue, batches, rows and instance time, as Triton and TF Serving report them. Counters
 * are read from the runtime's stats at each scrape; batch sizes are observed as batches end.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ModelRuntime, RuntimeStats } from './index.js';

type ModelStats = RuntimeStats['models'][number];

/** Upper bounds of the batch-size buckets: powers of two, past the largest max_batch_size in use. */
const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

const LABELS = ['model', 'version'] as const;

/** Counters read from each model version's stats: name, help, and the stat. */
const COUNTERS: [string, string, (m: ModelStats) => number][] = [
  ['tensorhop_model_requests_total', 'Requests a model version queued rows for', (m) => m.requests],
  [
    'tensorhop_model_rows_total',
    'Rows a model version put into batches (Triton: inference count)',
    (m) => m.batchedRows,
  ],
  [
    'tensorhop_model_batches_total',
    'Batches a model version ran (Triton: execution count); rows_total ÷ batches_total is the mean batch',
    (m) => m.batches,
  ],
  [
    'tensorhop_model_failed_rows_total',
    'Rows whose batch failed (INFER_FAILED: the instance died or the batch threw)',
    (m) => m.failedRows,
  ],
  [
    'tensorhop_model_rejected_requests_total',
    'Requests refused because the queue was full (OVERLOADED)',
    (m) => m.rejected,
  ],
  [
    'tensorhop_model_queue_seconds_total',
    'Seconds rows waited in the queue before their batch left, summed over rows',
    (m) => m.queueSeconds,
  ],
  [
    'tensorhop_model_compute_seconds_total',
    'Seconds batches took on an instance, summed; its rate ÷ live instances is how busy they are',
    (m) => m.computeSeconds,
  ],
  [
    'tensorhop_model_instance_restarts_total',
    'Instances replaced after their worker died',
    (m) => m.restarts,
  ],
];

export interface ModelMetrics {
  /** For createModelRuntime's `onBatch`. */
  onBatch(model: { name: string; version: number }, rows: number): void;
  /** Sets what runs each model version, once they are loaded. */
  loaded(runtime: ModelRuntime): void;
  /** Adds every metric to the service's registry. */
  register(registry: Registry): void;
}

/** Metrics of the runtime `current()` returns (undefined while models load). */
export function createModelMetrics(current: () => ModelRuntime | undefined): ModelMetrics {
  const labelsOf = (m: { name: string; version: number }) => ({ model: m.name, version: String(m.version) });
  const fromStats = (name: string, help: string, read: (m: ModelStats) => number): Counter<string> =>
    new Counter({
      name,
      help,
      labelNames: LABELS,
      registers: [],
      collect() {
        this.reset();
        for (const m of current()?.stats().models ?? []) this.inc(labelsOf(m), read(m));
      },
    });
  const backendInfo = new Gauge({
    name: 'tensorhop_model_backend_info',
    help: 'Each backend or ONNX Runtime provider that runs a model (value 1)',
    labelNames: ['backend'],
    registers: [],
  });
  const runtimeInfo = new Gauge({
    name: 'tensorhop_model_runtime_info',
    help: 'What runs each model version: runtime, instances and threads per instance (value 1)',
    labelNames: ['model', 'version', 'runtime', 'instances', 'threads'],
    registers: [],
  });
  const batchSize = new Histogram({
    name: 'tensorhop_model_batch_size',
    help: 'Rows in each batch a model version ran',
    labelNames: LABELS,
    buckets: BATCH_SIZE_BUCKETS,
    registers: [],
  });
  const metrics = [
    backendInfo,
    runtimeInfo,
    batchSize,
    new Gauge({
      name: 'tensorhop_model_queue_rows',
      help: 'Rows waiting for a batch',
      registers: [],
      collect() {
        const runtime = current();
        if (runtime) this.set(runtime.stats().queueRows);
      },
    }),
    new Gauge({
      name: 'tensorhop_model_live_instances',
      help: 'Instances of a model version that are loaded and running',
      labelNames: LABELS,
      registers: [],
      collect() {
        for (const m of current()?.stats().models ?? []) this.set(labelsOf(m), m.liveInstances);
      },
    }),
    ...COUNTERS.map(([name, help, read]) => fromStats(name, help, read)),
  ];
  return {
    onBatch: (model, rows) => batchSize.observe(labelsOf(model), rows),
    loaded(runtime) {
      for (const m of runtime.models()) {
        backendInfo.set({ backend: m.runtime.name }, 1);
        runtimeInfo.set(
          {
            ...labelsOf(m),
            runtime: m.runtime.name,
            instances: String(m.instances),
            threads: String(m.threads),
          },
          1,
        );
      }
    },
    register(registry) {
      for (const metric of metrics) registry.registerMetric(metric);
    },
  };
}
