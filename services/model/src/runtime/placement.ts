/**
 * How many worker instances a model version gets and how many threads each runs, so the cores
 * are used without oversubscription (instances × threads ≤ cores unless asked otherwise).
 */
import { availableParallelism } from 'node:os';
import type { ModelFormat } from '../repository/repository.js';

/** What the operator asked for; undefined or 0 leaves the choice to {@link placeModel}. */
export interface PlacementRequest {
  /** `TENSORHOP_MODEL_INSTANCES`, over tensorhop.json's `instances`. */
  instances?: number | undefined;
  /** tensorhop.json's `instances`. */
  configInstances?: number | undefined;
  /** `TENSORHOP_MODEL_ONNX_THREADS`: intra-op threads per ONNX Runtime instance. */
  onnxThreads?: number | undefined;
}

/** Instances and threads per instance of one model version. */
export interface Placement {
  instances: number;
  /** Intra-op threads per instance (ONNX Runtime); 1 for TensorFlow.js. */
  threads: number;
}

/** Intra-op threads one ONNX Runtime instance gets by default before a second instance is added. */
export const MAX_DEFAULT_ONNX_THREADS = 4;

/**
 * ONNX Runtime: by default one instance with every core as intra-op threads, up to
 * {@link MAX_DEFAULT_ONNX_THREADS}, then as few instances as keep each within it (6 cores: 2 × 3,
 * 8 cores: 2 × 4). Measured on 2 shared
 * cores with MobileNetV2 and 16 one-image clients (`npm run bench -- onnx`): 1 × 2 served 66–120
 * images/s at p50 115–225 ms where 2 × 1 served 50–61 at 254–277 ms, for the same CPU per image
 * (4.9 ms): one instance forms full batches (8 rows, vs 5 split over two) and finishes each in
 * half the time. The cap of 4 follows ONNX Runtime's sub-linear intra-op scaling on small CNNs
 * and is not measured here. Threads given alone set instances to cores ÷ threads.
 * TensorFlow.js: one instance on tfjs-node (it threads itself), one per core on wasm and cpu
 * (single-threaded).
 */
export function placeModel(
  format: ModelFormat,
  tfjsBackend: string,
  request: PlacementRequest,
  cores = availableParallelism(),
): Placement {
  const chosen = request.instances || request.configInstances || undefined;
  if (format === 'onnx') {
    if (chosen)
      return { instances: chosen, threads: request.onnxThreads || Math.max(1, Math.floor(cores / chosen)) };
    if (request.onnxThreads) {
      return {
        instances: Math.max(1, Math.floor(cores / request.onnxThreads)),
        threads: request.onnxThreads,
      };
    }
    const instances = Math.ceil(cores / MAX_DEFAULT_ONNX_THREADS);
    return { instances, threads: Math.max(1, Math.floor(cores / instances)) };
  }
  return { instances: chosen ?? (tfjsBackend.startsWith('tensorflow') ? 1 : cores), threads: 1 };
}
