/** What the service and the TF Serving door see of the loaded models: the ModelRuntime contract. */
import type { RuntimeInfo } from './engine.js';
import type { BatcherStats } from './dynamic-batcher.js';
import type { InferOutcome, ModelInfo } from './model-info.js';
import type { RowData } from './signature.js';

/** Options of one {@link ModelRuntime.infer} call. */
export interface InferOptions {
  /** Classes/scores per row; 0 for none. @default the model's top_k when it has labels, else 0 */
  topK?: number;
  /** Aborting drops the request's rows that are still queued and rejects with the reason. */
  signal?: AbortSignal;
}

/** Counters for /metrics, per model version and summed. */
export interface RuntimeStats extends BatcherStats {
  restarts: number;
  instances: number;
  liveInstances: number;
  models: (BatcherStats & {
    name: string;
    version: number;
    restarts: number;
    instances: number;
    liveInstances: number;
  })[];
}

/** Loaded models, their batchers and worker instances. */
export interface ModelRuntime {
  /** The TensorFlow.js backend when a model.json is served, else the first model's runtime. */
  backend: RuntimeInfo;
  /** True while every model version has a live instance. */
  ready(): boolean;
  /** One entry per loaded version, by name, newest version first. */
  models(): ModelInfo[];
  /**
   * The version a request's config picks: `model` (or the default model) at `version` (or the latest).
   * @throws BAD_REQUEST with status 404 for an unknown model or version, 400 for a malformed one.
   */
  resolve(config: { model?: string | undefined; version?: number | string | undefined }): ModelInfo;
  /**
   * Runs rows `[n, ...inputShape]` through the model with dynamic batching.
   * @throws SHAPE_MISMATCH, PAYLOAD_TOO_LARGE, OVERLOADED (with retryAfterSeconds) for the whole request.
   */
  infer(
    model: ModelInfo,
    input: { data: RowData; shape: number[] },
    options?: InferOptions,
  ): Promise<InferOutcome>;
  stats(): RuntimeStats;
  /** Stops taking requests, lets queued rows finish (up to drainTimeoutMs) and stops the workers. */
  close(): Promise<void>;
}
