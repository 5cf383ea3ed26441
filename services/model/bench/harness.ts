/**
 * Model-only benchmarks, for `scripts/bench-model.ts` and the project's bench: throughput on
 * pre-made tensors, with no HTTP or protocol in the way.
 */
import type { BackendRequest } from '../src/tfjs/backend.js';
import { silentLogger, type Logger } from '../src/logger.js';
import type { BatchingConfig } from '../src/repository/model-config.js';
import type { ModelInfo } from '../src/runtime/model-info.js';
import { createModelRuntime, type ModelRuntime } from '../src/index.js';
import { inputArray, type InputDType, type RowData } from '../src/runtime/signature.js';

/** Options shared by the benchmarks. */
export interface BenchOptions {
  repository: string;
  /** @default the repository's only (or first) model */
  model?: string;
  /** TensorFlow.js backend. @default 'auto' */
  backend?: BackendRequest;
  /** Intra-op threads per ONNX Runtime instance. @default cores ÷ instances */
  onnxThreads?: number;
  /** Seconds measured per configuration, after one warm-up round. @default 3 */
  seconds?: number;
  /** @default silent */
  logger?: Logger;
}

/** Throughput at one fixed batch size, every instance kept busy. */
export interface CeilingRow {
  batchSize: number;
  instances: number;
  /** Threads per instance (ONNX Runtime). */
  threads: number;
  imagesPerSecond: number;
  msPerBatch: number;
  /**
   * CPU time of the whole process (every worker thread) per image: what an image costs,
   * whatever else shares the machine.
   */
  cpuMsPerImage: number;
}

/** Many one-image clients against one configuration. */
export interface ClientsRow {
  clients: number;
  instances: number;
  threads: number;
  batching: boolean;
  imagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Rows per batch the batcher actually formed. */
  meanBatch: number;
  /** CPU time of the whole process per image (see {@link CeilingRow.cpuMsPerImage}). */
  cpuMsPerImage: number;
}

/**
 * The model-only ceiling: for each batch size, `instances` callers each send requests of
 * exactly that many rows, and batches are capped at that size so each batch is exactly one request.
 */
export async function benchCeiling(
  options: BenchOptions & { batchSizes?: number[]; instances?: number },
): Promise<CeilingRow[]> {
  const rows: CeilingRow[] = [];
  for (const batchSize of options.batchSizes ?? [1, 8, 32, 64, 128]) {
    const batching = { maxBatchSize: batchSize, maxQueueDelayMs: 0, maxQueueRows: 4 * batchSize * 16 };
    await withRuntime(options, options.instances, batching, async (runtime, model) => {
      const instances = model.instances;
      const input = randomRows(model, batchSize);
      const { count, seconds, cpuSeconds } = await loop(options.seconds ?? 3, instances, () =>
        runtime.infer(model, input, { topK: 0 }),
      );
      rows.push({
        batchSize,
        instances,
        threads: model.threads,
        imagesPerSecond: (count * batchSize) / seconds,
        msPerBatch: (seconds * 1000 * instances) / count,
        cpuMsPerImage: (cpuSeconds * 1000) / (count * batchSize),
      });
    });
  }
  return rows;
}

/** `clients` concurrent callers sending one image each, with the model's batching or with none. */
export async function benchClients(
  options: BenchOptions & { clients?: number; instances: number; batching: boolean },
): Promise<ClientsRow> {
  const clients = options.clients ?? 16;
  const batching = options.batching ? {} : { maxBatchSize: 1, maxQueueDelayMs: 0 };
  let row: ClientsRow | undefined;
  await withRuntime(options, options.instances, batching, async (runtime, model) => {
    const input = randomRows(model, 1);
    const latencies: number[] = [];
    const before = runtime.stats();
    const { count, seconds, cpuSeconds } = await loop(options.seconds ?? 3, clients, async () => {
      const started = performance.now();
      await runtime.infer(model, input, { topK: 0 });
      latencies.push(performance.now() - started);
    });
    const after = runtime.stats();
    latencies.sort((a, b) => a - b);
    row = {
      clients,
      instances: model.instances,
      threads: model.threads,
      batching: options.batching,
      imagesPerSecond: count / seconds,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
      p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
      meanBatch: (after.batchedRows - before.batchedRows) / Math.max(1, after.batches - before.batches),
      cpuMsPerImage: (cpuSeconds * 1000) / count,
    };
  });
  return row!;
}

async function withRuntime(
  options: BenchOptions,
  instances: number | undefined,
  batching: Partial<BatchingConfig>,
  body: (runtime: ModelRuntime, model: ModelInfo) => Promise<void>,
): Promise<void> {
  const runtime = await createModelRuntime({
    repository: options.repository,
    backend: options.backend ?? 'auto',
    logger: options.logger ?? silentLogger,
    ...(options.model ? { only: [options.model] } : {}),
    ...(instances ? { instances } : {}),
    onnx: { provider: 'cpu', ...(options.onnxThreads ? { threads: options.onnxThreads } : {}) },
    batching,
  });
  try {
    await body(runtime, runtime.models()[0]!);
  } finally {
    await runtime.close();
  }
}

/**
 * Runs `workers` loops of `task`: one uncounted round each (warm-up), then as many as fit in
 * `seconds`. Every counted task finishes inside the measured time, so slow tasks (a batch of
 * 128 MobileNet images) are not half-counted.
 */
async function loop(
  seconds: number,
  workers: number,
  task: () => Promise<unknown>,
): Promise<{ count: number; seconds: number; cpuSeconds: number }> {
  await Promise.all(Array.from({ length: workers }, task));
  let count = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        await task();
        count++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    count,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

/** Pre-made rows in the model's input dtype: values in [0, 1), or pixels for a uint8 input. */
function randomRows(model: ModelInfo, n: number): { data: RowData; shape: number[] } {
  const input = model.signature.inputs[0]!;
  const rowShape = input.shape.slice(1).map((d) => (d === -1 ? 224 : d));
  const pixels = input.dtype === 'uint8';
  const data = inputArray(input.dtype as InputDType, n * rowShape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) {
    const v = (i * 2654435761) % 1000;
    data[i] = pixels ? v % 256 : v / 1000;
  }
  return { data, shape: [n, ...rowShape] };
}
