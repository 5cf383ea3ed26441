/** The model as a tensorhop stage: one input tensor in, the model's outputs plus classes/scores out. */
import {
  DType,
  badRequest,
  float32Tensor,
  isStringTensor,
  stringTensor,
  takeRows,
  type IOMetadata,
  type Metadata,
  type NumericTensor,
  type Tensor,
} from '@tensorhop/protocol';
import { SERVER_NAME, type StageDefinition, type StageRowError } from '@tensorhop/kit';
import type { ModelInfo, ModelRuntime, OutputTensor, RowData } from './index.js';

const DTYPES: Record<string, DType> = {
  float32: DType.FLOAT32,
  int32: DType.INT32,
  uint8: DType.UINT8,
  bool: DType.BOOL,
};

function toTensor(o: OutputTensor): Tensor {
  return { type: DTYPES[o.dtype] ?? DType.FLOAT32, shape: o.shape, data: o.data } as Tensor;
}

function parseRequestConfig(config: Readonly<Record<string, unknown>>): {
  model?: string;
  version?: number | string;
  topK?: number;
} {
  const { model, version, top_k: topK } = config;
  if (model !== undefined && typeof model !== 'string') throw badRequest('config.model must be a string');
  if (version !== undefined && typeof version !== 'number' && typeof version !== 'string') {
    throw badRequest('config.version must be a number');
  }
  if (topK !== undefined && (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 0)) {
    throw badRequest('config.top_k must be a non-negative integer');
  }
  return {
    ...(model === undefined ? {} : { model }),
    ...(version === undefined ? {} : { version }),
    ...(topK === undefined ? {} : { topK }),
  };
}

export function describeModel(info: ModelInfo): Partial<Metadata> {
  const spec = info.signature.inputs[0];
  const inputs: IOMetadata[] = spec
    ? [{ name: spec.name, shape: spec.shape, type: DTYPES[spec.dtype] ?? DType.FLOAT32 }]
    : [];
  const outputs: IOMetadata[] = info.signature.outputs.map((o) => ({
    name: o.name,
    shape: o.shape,
    type: DTYPES[o.dtype] ?? DType.FLOAT32,
  }));
  if (info.labels) {
    outputs.push({
      name: 'classes',
      description: 'top-k labels, best first',
      shape: [-1, info.topK || -1],
      type: DType.STRING,
    });
    outputs.push({
      name: 'scores',
      description: 'scores of classes',
      shape: [-1, info.topK || -1],
      type: DType.FLOAT32,
    });
  }
  return {
    version: String(info.version),
    description: info.description ? `${info.name}: ${info.description}` : info.name,
    inputs,
    outputs,
    preprocess: info.preprocess ? JSON.stringify(info.preprocess) : '',
  };
}

export function createModelStage(runtime: () => ModelRuntime, ready: () => boolean): StageDefinition {
  return {
    name: 'model',
    description: 'tensors → predictions (TensorFlow.js, ONNX Runtime), dynamic batching',
    inputs: [],
    outputs: [],
    ready,
    // The model a metadata request names (the default one otherwise); while the models load this
    // is UNAVAILABLE, never an empty description a caller could mistake for the model's.
    metadata(config) {
      const info = runtime().resolve(parseRequestConfig(config));
      return { ...describeModel(info), server: `${SERVER_NAME} (backend ${info.runtime.name})` };
    },
    async apply(ctx) {
      const r = runtime();
      const config = parseRequestConfig(ctx.config);
      const info = r.resolve(config);
      const inputName = info.signature.inputs[0]?.name ?? '';
      const input =
        ctx.inputNames.includes(inputName) || ctx.inputs.length !== 1
          ? ctx.input(inputName)
          : (ctx.inputs[0] as Tensor);
      if (
        isStringTensor(input) ||
        !(
          input.data instanceof Float32Array ||
          input.data instanceof Int32Array ||
          input.data instanceof Uint8Array
        )
      ) {
        throw badRequest(`input "${inputName}" must be FLOAT32, INT32 or UINT8`);
      }
      // A row holding NaN or Infinity would give ordinary-looking scores: it fails alone instead.
      const { finite, rows, errors } = finiteRows(input, ctx.keys);
      if (rows.length === 0) return { outputs: {}, keys: [], errors };
      const outcome = await r.infer(
        info,
        { data: finite.data as RowData, shape: [...finite.shape] },
        { signal: ctx.signal, ...(config.topK === undefined ? {} : { topK: config.topK }) },
      );
      const outputs: Record<string, Tensor> = {};
      for (const o of outcome.outputs) outputs[o.name] = toTensor(o);
      if (outcome.classes && outcome.scores) {
        outputs.classes = stringTensor(outcome.classes.flat(), [outcome.rows.length, outcome.k]);
        outputs.scores = float32Tensor([outcome.rows.length, outcome.k], outcome.scores);
      }
      return {
        outputs,
        keys: outcome.rows.map((i) => ctx.keys[rows[i] as number] as string),
        errors: [
          ...errors,
          ...outcome.failures.map((f) => ({
            key: ctx.keys[rows[f.row] as number] as string,
            code: f.code,
            message: f.message,
          })),
        ],
      };
    },
  };
}

/**
 * The rows of a float input whose values are all finite, as a tensor of those rows (the input itself
 * when every row is), their indices, and an INPUT_NOT_FINITE row error for each of the others.
 */
function finiteRows(input: NumericTensor, keys: readonly string[]) {
  const n = input.shape[0] ?? 0;
  const all = Array.from({ length: n }, (_, i) => i);
  if (!(input.data instanceof Float32Array)) return { finite: input, rows: all, errors: [] };
  const size = n === 0 ? 0 : input.data.length / n;
  const rows: number[] = [];
  const errors: StageRowError[] = [];
  for (let r = 0; r < n; r++) {
    const row = input.data.subarray(r * size, (r + 1) * size);
    let ok = true;
    for (let i = 0; i < row.length; i++) {
      if (!Number.isFinite(row[i])) {
        ok = false;
        break;
      }
    }
    if (ok) rows.push(r);
    else {
      const message = `row ${r} of the input holds NaN or Infinity`;
      errors.push({ key: keys[r] as string, code: 'INPUT_NOT_FINITE', message });
    }
  }
  const finite = rows.length === n ? input : (takeRows(input, rows) as NumericTensor);
  return { finite, rows, errors };
}
