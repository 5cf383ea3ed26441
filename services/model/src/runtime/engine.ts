/**
 * What a model instance runs on. The worker loads one model with one engine (TensorFlow.js for
 * model.json, ONNX Runtime for model.onnx); everything above it — batching, instances, signature
 * check, labels, the doors — is the same for both.
 */
import type { RuntimeInfo } from './runtime-info.js';
import type { RowData, Signature } from './signature.js';
import type { RawTensor } from './worker-protocol.js';

export type { RuntimeInfo } from './runtime-info.js';

/** A model loaded into this thread, with one way to run it. */
export interface EngineModel {
  runtime: RuntimeInfo;
  /** As the model declares it; output shapes may still hold -1 (warm-up fills them in). */
  signature: Signature;
  /** Runs one batch `[n, ...]`; every output comes back in its own transferable buffer. */
  run(data: RowData, shape: number[]): Promise<RawTensor[]>;
}
