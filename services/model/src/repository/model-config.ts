/**
 * `tensorhop.json`, the per-version file next to `model.json`: names and shapes of the
 * signature, the preprocessing hint, batching and instance count. Every key is optional.
 *
 * ```json
 * { "description": "…",
 *   "inputs": [{ "name": "image", "shape": [-1, 28, 28, 1], "dtype": "float32" }],
 *   "outputs": [{ "name": "probabilities" }],
 *   "preprocess": { "profile": "unit", "channels": 1, "invert": true, "fit": "contain" },
 *   "batching": { "max_batch_size": 64, "max_queue_delay_ms": 2, "max_queue_rows": 4096 },
 *   "instances": 2, "top_k": 5 }
 * ```
 */

/** Dynamic batching knobs, named as Triton's and TF Serving's. */
export interface BatchingConfig {
  /** Most rows in one batch; 1 turns batching off. @default 32 */
  maxBatchSize: number;
  /**
   * Longest a partial batch waits for more rows while an instance is idle; it leaves sooner
   * once a turn of the event loop brings no new rows. @default 2
   */
  maxQueueDelayMs: number;
  /** Rows that may wait in the queue; beyond it requests fail with OVERLOADED. @default 1024 */
  maxQueueRows: number;
}

/** What tensorhop.json may say about one input or output; the model fills in the rest. */
export interface TensorOverride {
  name?: string;
  shape?: number[];
  dtype?: string;
}

/** A parsed tensorhop.json. */
export interface ModelConfig {
  /** @default '' */
  description: string;
  /** Overrides for the model's inputs, by position. @default [] */
  inputs: TensorOverride[];
  /** Overrides for the model's outputs, by position (only `name` is used). @default [] */
  outputs: TensorOverride[];
  /** The preprocessor's config keys, passed through as metadata. @default undefined */
  preprocess: Record<string, unknown> | undefined;
  batching: BatchingConfig;
  /** Worker instances; undefined lets the runtime pick by backend. @default undefined */
  instances: number | undefined;
  /** Classes/scores per row when the model has labels and the request names no top_k. @default 5 */
  topK: number;
}

export const DEFAULT_BATCHING: Readonly<BatchingConfig> = Object.freeze({
  maxBatchSize: 32,
  maxQueueDelayMs: 2,
  maxQueueRows: 1024,
});

const KEYS = ['description', 'inputs', 'outputs', 'preprocess', 'batching', 'instances', 'top_k'];
const BATCHING_KEYS = {
  max_batch_size: 'maxBatchSize',
  max_queue_delay_ms: 'maxQueueDelayMs',
  max_queue_rows: 'maxQueueRows',
} as const;

/**
 * Validates parsed tensorhop.json. `file` names the file in error messages.
 * @throws Error naming the file and the key at fault.
 */
export function parseModelConfig(json: unknown, file: string): ModelConfig {
  const fail = (key: string, why: string): never => {
    throw new Error(`${file}: '${key}' ${why}`);
  };
  const obj = asObject(json ?? {}, () => fail('(root)', 'must be a JSON object'));
  for (const key of Object.keys(obj))
    if (!KEYS.includes(key)) fail(key, `is not a known key (${KEYS.join(', ')})`);
  const description = obj.description ?? '';
  if (typeof description !== 'string') fail('description', 'must be a string');
  const preprocess =
    obj.preprocess === undefined
      ? undefined
      : asObject(obj.preprocess, () => fail('preprocess', 'must be an object'));
  return {
    description: description as string,
    inputs: tensorList(obj.inputs, 'inputs', fail),
    outputs: tensorList(obj.outputs, 'outputs', fail),
    preprocess,
    batching: batching(obj.batching, fail),
    instances: obj.instances === undefined ? undefined : integer(obj.instances, 1, 'instances', fail),
    topK: obj.top_k === undefined ? 5 : integer(obj.top_k, 0, 'top_k', fail),
  };
}

type Fail = (key: string, why: string) => never;

function batching(value: unknown, fail: Fail): BatchingConfig {
  const obj = asObject(value ?? {}, () => fail('batching', 'must be an object'));
  const out: BatchingConfig = { ...DEFAULT_BATCHING };
  for (const [key, v] of Object.entries(obj)) {
    if (!(key in BATCHING_KEYS))
      fail(`batching.${key}`, `is not one of ${Object.keys(BATCHING_KEYS).join(', ')}`);
    const field = BATCHING_KEYS[key as keyof typeof BATCHING_KEYS];
    out[field] =
      field === 'maxQueueDelayMs'
        ? nonNegative(v, `batching.${key}`, fail)
        : integer(v, 1, `batching.${key}`, fail);
  }
  if (out.maxQueueRows < out.maxBatchSize) fail('batching.max_queue_rows', 'must be at least max_batch_size');
  return out;
}

function tensorList(value: unknown, key: string, fail: Fail): TensorOverride[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return fail(key, 'must be an array of {name, shape, dtype}');
  return value.map((item: unknown, i) => {
    const obj = asObject(item, () => fail(`${key}[${i}]`, 'must be an object'));
    const out: TensorOverride = {};
    if (obj.name !== undefined)
      out.name =
        typeof obj.name === 'string' && obj.name
          ? obj.name
          : fail(`${key}[${i}].name`, 'must be a non-empty string');
    if (obj.dtype !== undefined)
      out.dtype = typeof obj.dtype === 'string' ? obj.dtype : fail(`${key}[${i}].dtype`, 'must be a string');
    if (obj.shape !== undefined) {
      const ok =
        Array.isArray(obj.shape) && obj.shape.every((d) => Number.isInteger(d) && (d === -1 || d > 0));
      out.shape = ok
        ? (obj.shape as number[])
        : fail(`${key}[${i}].shape`, 'must be an array of positive integers or -1');
    }
    return out;
  });
}

function asObject(value: unknown, onFail: () => never): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : onFail();
}

function integer(value: unknown, min: number, key: string, fail: Fail): number {
  return Number.isInteger(value) && (value as number) >= min
    ? (value as number)
    : fail(key, `must be an integer ≥ ${min}`);
}

function nonNegative(value: unknown, key: string, fail: Fail): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : fail(key, 'must be a number ≥ 0');
}
