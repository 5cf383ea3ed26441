/** Messages between the runtime and its instance workers (structured clone, buffers transferred). */
import type { OnnxOptions } from '../onnx/options.js';
import type { ModelConfig } from '../repository/model-config.js';
import type { ModelFormat } from '../repository/repository.js';
import type { BackendName, BackendRequest } from '../tfjs/backend.js';
import type { RuntimeInfo } from './runtime-info.js';
import type { InputDType, Signature } from './signature.js';

/** `workerData` of an instance worker. */
export interface WorkerInit {
  /** Only pick a backend, report it and exit. */
  probe: boolean;
  /** The TensorFlow.js backend (model.json). */
  backend: BackendRequest | BackendName;
  /** Provider and threads (model.onnx). */
  onnx: OnnxOptions;
  dir: string;
  format: ModelFormat;
  config: Pick<ModelConfig, 'inputs' | 'outputs'>;
  /** Test hook: a batch whose first value equals this makes the worker exit mid-batch. */
  crashValue: number | undefined;
}

/** A batch to run; `buffer` is transferred, not copied. */
export interface InferMessage {
  id: number;
  dtype: InputDType;
  shape: number[];
  buffer: ArrayBuffer;
}

/** An output tensor coming back; `buffer` is transferred. */
export interface RawTensor {
  dtype: string;
  shape: number[];
  buffer: ArrayBuffer;
}

export type WorkerMessage =
  | {
      type: 'ready';
      backend: RuntimeInfo;
      signature: Signature | undefined;
      loadMs: number;
      warmupMs: number;
    }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; outputs: RawTensor[]; ms: number }
  | { type: 'failed'; id: number; message: string };
