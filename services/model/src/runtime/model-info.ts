import type { BatchingConfig } from '../repository/model-config.js';
import type { ModelFormat } from '../repository/repository.js';
import type { RuntimeInfo } from './engine.js';
import type { Signature } from './signature.js';

/** A loaded model version, as the service describes and serves it. */
export interface ModelInfo {
  name: string;
  version: number;
  /** Every loaded version of this model, newest first. */
  versions: number[];
  description: string;
  format: ModelFormat;
  /** One input (`shape[0]` is -1, the batch) and the model's outputs, named per tensorhop.json. */
  signature: Signature;
  /** labels.txt, one class per line, when the model has one. */
  labels: string[] | undefined;
  /** The preprocessing hint (the preprocessor's config keys). */
  preprocess: Record<string, unknown> | undefined;
  batching: BatchingConfig;
  /** Classes/scores per row a request gets when it names no top_k (0 = none). */
  topK: number;
  instances: number;
  /** Intra-op threads per instance (ONNX Runtime; 1 for TensorFlow.js). */
  threads: number;
  /** What runs it: the TensorFlow.js backend or the ONNX Runtime provider. */
  runtime: RuntimeInfo;
}

/** Output tensor of a request, named as the signature names it. */
export interface OutputTensor {
  name: string;
  dtype: string;
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array;
}

/** A row that has no output, and why. */
export interface RowFailure {
  row: number;
  code: 'INFER_FAILED';
  message: string;
}

/**
 * The result of one request. Every input row is in exactly one of `rows` (with its outputs, in
 * input order) or `failures`.
 */
export interface InferOutcome {
  /** Input row indices that have outputs; output row i belongs to input row rows[i]. */
  rows: number[];
  /** Each `[rows.length, ...]`. */
  outputs: OutputTensor[];
  /** `[rows.length][k]` class names, best first, when top-k applies. */
  classes?: string[][];
  /** `[rows.length, k]` scores of `classes`. */
  scores?: Float32Array;
  /** The k used (capped at the number of classes); 0 without top-k. */
  k: number;
  failures: RowFailure[];
}
