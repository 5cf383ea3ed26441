/**
 * The baseline the seeds shipped: one image at a time, in-process — fetch, decode and resize with
 * sharp (the preprocessor's core, so both paths see the same pixels), predict with batch size 1 on
 * one model instance (the model service's runtime, same backend as the stack).
 */
import { performance } from 'node:perf_hooks';
import { createModelRuntime } from '../../services/model/src/index.js';
import { silentLogger } from '../../services/model/src/logger.js';
import {
  DEFAULT_PREPROCESS_CONFIG,
  configFromModelInput,
  createPreprocessor,
} from '../../services/preprocessor/src/core/index.js';

export interface SeedLoopResult {
  urlsPerSecond: number;
  /** Images classified per second (broken URLs take time but give none). */
  imagesPerSecond: number;
  /** Top label per URL that got one. */
  labels: Map<string, string>;
  backend: string;
}

export async function seedLoop(
  urls: readonly string[],
  repository: string,
  model: string,
): Promise<SeedLoopResult> {
  const runtime = await createModelRuntime({
    repository,
    only: [model],
    instances: 1,
    batching: { maxBatchSize: 1, maxQueueDelayMs: 0 },
    logger: silentLogger,
  });
  try {
    const info = runtime.models()[0]!;
    const pre = createPreprocessor({ concurrency: 1 });
    const config = {
      ...DEFAULT_PREPROCESS_CONFIG,
      ...configFromModelInput(info.signature.inputs[0]!.shape, info.preprocess ?? {}),
    };
    const labels = new Map<string, string>();
    const one = async (url: string): Promise<void> => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (!res.ok) return;
      const t = await pre.run([bytes], config);
      if (t.ok.length === 0) return;
      const out = await runtime.infer(info, { data: t.data, shape: t.shape }, { topK: 1 });
      const label = out.classes?.[0]?.[0];
      if (label !== undefined) labels.set(url, label);
    };
    await one(urls[0]!); // warm-up: connection, sharp, the model's first call
    labels.clear();
    const t0 = performance.now();
    for (const url of urls) await one(url);
    const seconds = (performance.now() - t0) / 1000;
    return {
      urlsPerSecond: urls.length / seconds,
      imagesPerSecond: labels.size / seconds,
      labels,
      backend: runtime.backend.name,
    };
  } finally {
    await runtime.close();
  }
}
