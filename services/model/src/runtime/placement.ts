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

/**
 * ONNX Runtime: one single-threaded instance per core by default. Measured on 2 shared cores
 * with MobileNetV2 (`npm run bench -- onnx`): the CPU an image costs is the same or lower with
 * 2 instances × 1 thread than with 1 × 2 (4.8 vs 5.2 ms at batch 1), throughput under 16
 * clients is within noise of each other, and one-thread instances need no synchronisation
 * between operators, so a busy neighbour cannot stall a batch half-way. Threads default to
 * cores ÷ instances. TensorFlow.js: one instance on tfjs-node (it threads itself), one per core
 * on wasm and cpu (single-threaded).
 */
export function placeModel(
  format: ModelFormat,
  tfjsBackend: string,
  request: PlacementRequest,
  cores = availableParallelism(),
): Placement {
  const chosen = request.instances || request.configInstances || undefined;
  if (format === 'onnx') {
    const instances =
      chosen ?? (request.onnxThreads ? Math.max(1, Math.floor(cores / request.onnxThreads)) : cores);
    return { instances, threads: request.onnxThreads || Math.max(1, Math.floor(cores / instances)) };
  }
  return { instances: chosen ?? (tfjsBackend.startsWith('tensorflow') ? 1 : cores), threads: 1 };
}
